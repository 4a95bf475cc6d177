// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { InsightSnapshot } from '../../src/train/insight-types';
import { EMPTY_INSIGHT } from '../store/insight-slice';
import { useStore } from '../store/store';
import { InsightSection } from './insight-section';
import { boundarySnapshot, convSnapshot, denseSnapshot } from './insight-test-support';

const s = () => useStore.getState();
const record = (...snapshots: InsightSnapshot[]) => s().recordInsight(snapshots.map((snapshot) => ({ snapshot, sample: { count: 30, label: 'seven' } })));

beforeEach(() => useStore.setState({ insight: EMPTY_INSIGHT, insightOn: true, insightSample: 0, run: null, modelWeights: null }));
afterEach(cleanup);

describe('Inside this layer', () => {
  it('says how to get the views when there are none, and that they are off when they are', () => {
    render(<InsightSection name="dense" />);
    expect(screen.getByRole('heading', { name: 'Inside this layer' })).toBeTruthy();
    expect(screen.getByTestId('insight-empty').textContent).toContain('Train the model (Train tab)');
    expect(screen.queryByTestId('insight-refresh')).toBeNull();
    act(() => s().setInsightOn(false));
    expect(screen.getByTestId('insight-empty').textContent).toContain('turn on “Look inside while training” in the Train tab');
  });

  it('says when the views are of the trained model outside a run', () => {
    s().showInsight({ snapshot: { ...denseSnapshot(1), epoch: -1, batch: -1, step: -1 }, sample: { count: 30 } });
    render(<InsightSection name="dense" />);
    expect(screen.getByTestId('insight-when').textContent).toBe('The trained model, after its run (no gradients outside a run)');
  });

  it('shows the activations, their numbers and the weight, gradient and update plots over the run', () => {
    record(denseSnapshot(1), denseSnapshot(2), denseSnapshot(3));
    render(<InsightSection name="dense" />);
    expect(screen.getByTestId('insight-when').textContent).toBe('Epoch 1, step 3');
    const histogram = screen.getByTestId('insight-histogram');
    expect(histogram.querySelector('canvas')?.getAttribute('data-counts')).toBe('20 8 6 4 3 2 1 1');
    expect(histogram.querySelector('canvas')?.getAttribute('aria-label')).toBe('Histogram of 45 activations in 8 bins from 0 to 3');
    expect(screen.getByTestId('insight-activation').textContent).toBe('Mean0.62Std0.8Dead units12.5%');
    for (const id of ['weight-norm', 'grad-norm', 'update-ratio']) expect(screen.getByTestId(`insight-plot-${id}`).getAttribute('data-points')).toBe('3');
    expect(screen.getByTestId('insight-plot-weight-norm-latest').textContent).toBe('2.53');
    expect(screen.getByTestId('insight-plot-grad-norm').textContent).toContain('(log scale)');
    expect(screen.queryByTestId('insight-grad-flag')).toBeNull();
    expect(screen.queryByTestId('insight-conv')).toBeNull();
  });

  it('shows a layer without weights (the input) with its activations only, and nothing for a layer the sample lacks', () => {
    record(denseSnapshot(1));
    const { unmount } = render(<InsightSection name="input" />);
    expect(screen.getByTestId('insight-histogram')).toBeTruthy();
    expect(screen.getByTestId('insight-activation').textContent).toBe('Mean0Std1');
    expect(screen.queryByTestId('insight-plots')).toBeNull();
    unmount();
    const { container } = render(<InsightSection name="dense_9" />);
    expect(container.innerHTML).toBe('');
  });

  it('shows a convolution’s filters and feature maps, the sample’s class, and the flag in words', () => {
    record(convSnapshot(2));
    useStore.setState({ insightSample: 2 });
    render(<InsightSection name="conv2d" />);
    expect(screen.getByTestId('insight-grad-flag').textContent).toMatch(/^Vanishing gradient: its gradient is under 1e-5 of its weights' norm/);
    expect(screen.getByTestId('insight-filters').querySelectorAll('canvas')).toHaveLength(4);
    const maps = screen.getByTestId('insight-feature-maps').querySelectorAll('canvas');
    expect(maps).toHaveLength(4);
    expect(maps[0]?.getAttribute('aria-label')).toBe('Feature map 1: 26 × 26');
    expect((screen.getByTestId('insight-sample-index') as HTMLInputElement).value).toBe('3');
    expect(screen.getByTestId('insight-sample').textContent).toContain('of 30');
    expect(screen.getByTestId('insight-sample-label').textContent).toBe('class seven');
    fireEvent.click(screen.getByTestId('insight-sample-next'));
    expect(s().insightSample).toBe(3);
    // The pictures are still of sample 3 until the views of sample 4 arrive: no class is claimed for it.
    expect(screen.queryByTestId('insight-sample-label')).toBeNull();
    fireEvent.change(screen.getByTestId('insight-sample-index'), { target: { value: '99' } });
    expect(s().insightSample).toBe(29);
  });

  it('draws each hidden unit over the plane, and the output layer as one decision map', () => {
    record(boundarySnapshot());
    const { unmount } = render(<InsightSection name="hidden" />);
    const hidden = screen.getByTestId('insight-boundary');
    expect(hidden.getAttribute('data-output')).toBe('false');
    expect(hidden.querySelectorAll('[data-testid="insight-boundary-unit"]')).toHaveLength(4);
    expect(hidden.textContent).toContain('What each of its 4 units computes over the plane');
    unmount();
    render(<InsightSection name="out" />);
    const out = screen.getByTestId('insight-boundary');
    expect(out.getAttribute('data-output')).toBe('true');
    const maps = out.querySelectorAll('[data-testid="insight-boundary-unit"]');
    expect(maps).toHaveLength(1);
    expect(maps[0]?.getAttribute('aria-label')).toBe("The output's most likely class over the plane (x from -2 to 2, y from -1.5 to 1.5)");
  });

  it('draws an attention layer’s map of the chosen sample, one heatmap per head', () => {
    const weights = Float32Array.from({ length: 2 * 3 * 3 }, (_, i) => (i % 3 === 0 ? 0.5 : 0.25));
    record(
      denseSnapshot(1, {
        layers: [{ layer: 'mha', activation: { histogram: { min: -1, max: 1, counts: [1, 2, 1] }, mean: 0, std: 0.5 }, weightNorm: 1, gradNorm: 0.1 }],
        attention: [{ layer: 'mha', heads: 2, queryLength: 3, keyLength: 3, weights }],
      }),
    );
    render(<InsightSection name="mha" />);
    const maps = screen.getByTestId('insight-attention').querySelectorAll('[data-testid="attention-heatmap"]');
    expect(maps).toHaveLength(2);
    expect(maps[0]?.getAttribute('aria-label')).toBe('mha, head 1: attention of 3 query tokens (rows) over 3 key tokens (columns)');
  });
});
