// @vitest-environment happy-dom
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { InsightSnapshot } from '../../src/train/insight-types';
import { EMPTY_INSIGHT } from '../store/insight-slice';
import { useStore } from '../store/store';
import { InsightSpark } from './insight-spark';
import { convSnapshot, denseSnapshot } from './insight-test-support';

const record = (...snapshots: InsightSnapshot[]) => useStore.getState().recordInsight(snapshots.map((snapshot) => ({ snapshot, sample: { count: 10 } })));

beforeEach(() => useStore.setState({ insight: EMPTY_INSIGHT }));
afterEach(cleanup);

describe('InsightSpark', () => {
  it('draws nothing before the run has views of its layer', () => {
    const { container } = render(<InsightSpark name="dense" />);
    expect(container.innerHTML).toBe('');
  });

  it('draws the gradient norm over the run on a layer with weights, the activation mean on one without', () => {
    render(
      <>
        <InsightSpark name="dense" />
        <InsightSpark name="input" />
      </>,
    );
    act(() => record(denseSnapshot(1), denseSnapshot(2)));
    const dense = screen.getByTestId('insight-spark-dense');
    expect(dense.tagName).toBe('CANVAS');
    expect(dense.getAttribute('aria-label')).toBe('dense: gradient norm (log scale) over 2 samples of the run');
    expect(screen.getByTestId('insight-spark-input').getAttribute('aria-label')).toBe('input: activation mean over 2 samples of the run');
    act(() => record(denseSnapshot(3)));
    expect(screen.getByTestId('insight-spark-dense').getAttribute('data-points')).toBe('3');
    expect(screen.queryByTestId('grad-flag-dense')).toBeNull();
  });

  it('flags a vanishing gradient with a badge whose title says what it means', () => {
    render(<InsightSpark name="conv2d" />);
    act(() => record(convSnapshot()));
    const badge = screen.getByTestId('grad-flag-conv2d');
    expect(badge.textContent).toBe('∇ vanishing');
    expect(badge.getAttribute('title')).toMatch(/^Vanishing gradient: .*has all but stopped learning/);
    act(() => record(denseSnapshot(1, { layers: [{ layer: 'conv2d', weightNorm: 1, gradNorm: 1e9, gradFlag: 'exploding' }] })));
    expect(screen.getByTestId('grad-flag-conv2d').textContent).toBe('∇ exploding');
  });
});
