// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { AttentionWeights } from '../../src/train/attention-weights';
import { AttentionMaps } from './attention-maps';
import { heatColour } from './attention-view';
import { NOT_GOOD_BOB } from './attention-test-support';

afterEach(cleanup);

const sample = NOT_GOOD_BOB;
// Two heads over 4 positions (the last is padding); head 1's "not" looks at "good" most.
const layer: AttentionWeights = {
  layer: 'mha',
  heads: 2,
  queryLength: 4,
  keyLength: 4,
  weights: Float32Array.from(
    [
      [0.1, 0.61, 0.19, 0.1],
      [0.5, 0.2, 0.2, 0.1],
      [0.3, 0.3, 0.3, 0.1],
      [0.25, 0.25, 0.25, 0.25],
      [0.7, 0.1, 0.1, 0.1],
      [0.1, 0.7, 0.1, 0.1],
      [0.1, 0.1, 0.7, 0.1],
      [0.25, 0.25, 0.25, 0.25],
    ].flat(),
  ),
};

describe('AttentionMaps', () => {
  it('draws a heatmap per head: real tokens on both axes, padding in one grey column, a value in every cell title', () => {
    render(<AttentionMaps attention={{ kind: 'layers', layers: [layer] }} sample={sample} />);
    const maps = screen.getAllByTestId('attention-heatmap');
    expect(maps).toHaveLength(2);
    const first = maps[0] as HTMLElement;
    expect(first.getAttribute('role')).toBe('img');
    expect(first.getAttribute('aria-label')).toBe('mha, head 1: attention of 3 query tokens (rows) over 3 key tokens (columns) and 1 padding positions');
    expect(Array.from(first.querySelectorAll('text')).map((t) => t.textContent)).toEqual(['not', 'good', 'bob', 'pad ×1', 'not', 'good', 'bob']);
    expect(first.querySelector('text.is-oov')?.textContent).toBe('bob');
    const cells = Array.from(first.querySelectorAll('rect.train-heat__cell:not(.is-pad)'));
    expect(cells).toHaveLength(9);
    expect(cells[1]?.querySelector('title')?.textContent).toBe('"not" → "good": 0.610');
    expect(first.querySelectorAll('rect.is-pad')).toHaveLength(3);
    expect(first.querySelector('rect.is-pad title')?.textContent).toBe('"not" → 1 padding positions: 0.100 in all');
    expect(screen.getAllByTestId('attention-summary').map((s) => s.textContent)).toEqual([
      'head 1: "not" attends most to "good" (0.61); padding takes 10% of the weight on average',
      'head 2: "not" attends most to "not" (0.70); padding takes 10% of the weight on average',
    ]);
    // One scale, 0 to 1, for every head: a cell's colour is its weight's.
    expect(screen.getByRole('img', { name: 'Colour scale: weights from 0 (dark purple) to 1 (yellow), by their square root' }).textContent).toBe(
      '00.10.250.51',
    );
    const heavy = maps[1]?.querySelector('rect.train-heat__cell') as Element;
    expect(heavy.getAttribute('data-weight')).toBe(String(Math.fround(0.7)));
    expect(heavy.getAttribute('fill')).toBe(heatColour(Math.fround(0.7)));
    expect(heatColour(0.7)).not.toBe(heatColour(0.1));
  });

  it('has a table of the same weights behind each heatmap', () => {
    render(<AttentionMaps attention={{ kind: 'layers', layers: [layer] }} sample={sample} />);
    const table = screen.getByRole('table', { name: 'Attention weights of head 1' });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['query \\ key', 'not', 'good', 'bob', 'padding (1)']);
    expect(within(table).getAllByRole('row')[1]?.textContent).toBe('not0.1000.6100.1900.100');
  });

  it('numbers the positions of a layer whose sequence is not the input’s, and shows why weights could not be read', () => {
    const short: AttentionWeights = { layer: 'after_pooling', heads: 1, queryLength: 2, keyLength: 2, weights: Float32Array.of(0.6, 0.4, 0.5, 0.5) };
    render(<AttentionMaps attention={{ kind: 'layers', layers: [short] }} sample={sample} />);
    expect(screen.getByTestId('attention-numbered').textContent).toContain("is not the input's 4 token positions");
    expect(Array.from(screen.getByTestId('attention-heatmap').querySelectorAll('text')).map((t) => t.textContent)).toEqual(['#1', '#2', '#1', '#2']);
    cleanup();
    render(<AttentionMaps attention={{ kind: 'error', message: 'The attention weights could not be read: train the model first' }} sample={sample} />);
    expect(screen.getByRole('alert').textContent).toBe('The attention weights could not be read: train the model first');
    cleanup();
    const { container } = render(<AttentionMaps attention={{ kind: 'none' }} sample={sample} />);
    expect(container.innerHTML).toBe('');
  });
});
