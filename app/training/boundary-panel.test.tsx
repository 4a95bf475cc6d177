// @vitest-environment happy-dom
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { boundarySnapshot, denseSnapshot } from '../insight/insight-test-support';
import { EMPTY_INSIGHT } from '../store/insight-slice';
import { useStore } from '../store/store';
import { BoundaryPanel } from './boundary-panel';

beforeEach(() => useStore.setState({ insight: EMPTY_INSIGHT }));
afterEach(cleanup);

describe('BoundaryPanel', () => {
  it('shows the output’s decision over the plane once the views of a 2-D model arrive, and nothing for other data', () => {
    const { container } = render(<BoundaryPanel />);
    expect(container.innerHTML).toBe('');
    act(() => useStore.getState().recordInsight([{ snapshot: denseSnapshot(1), sample: { count: 30 } }]));
    expect(container.innerHTML).toBe('');
    act(() => useStore.getState().recordInsight([{ snapshot: boundarySnapshot(), sample: { count: 30 } }]));
    const maps = screen.getByTestId('train-boundary').querySelector('[data-testid="insight-boundary"]');
    expect(maps?.getAttribute('data-output')).toBe('true');
    expect(maps?.textContent).toContain('Decision boundary');
  });
});
