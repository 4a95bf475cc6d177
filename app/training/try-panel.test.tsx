// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { GraphBuilder } from '../../src/analysis/builder';
import { seedExample } from '../../src/analysis/templates';
import { parseCsvText } from '../../src/data/csv';
import { defaultPlan } from '../../src/data/plan';
import { fitPreprocessing } from '../../src/data/preprocess';
import type { Table } from '../../src/data/types';
import type { Graph } from '../../src/graph/types';
import { trainer } from '../services';
import { useStore } from '../store/store';
import { TryPanel } from './try-panel';

const rows = Array.from({ length: 20 }, (_, i) => `"the film ${i} ${i % 2 ? 'was good' : 'felt bad'}",${i % 2 ? 'pos' : 'neg'}`);
const reviews = parseCsvText(`review,label\n${rows.join('\n')}\n`, 'reviews.csv');

/** The store with `table` loaded and its default plan fitted, and `graph` as the model. */
function withData(table: Table, graph: Graph): void {
  const plan = defaultPlan(table);
  useStore.setState({
    graph,
    loaded: { kind: 'table', sourceName: 'reviews.csv', table, tableId: 1 },
    data: { kind: 'csv', fileName: 'reviews.csv', plan, fitted: fitPreprocessing(table, plan) },
  });
}

const attentionGraph = (() => {
  const b = new GraphBuilder();
  b.chain(b.input([6]), ['Embedding', { input_dim: 20, output_dim: 4 }], ['MultiHeadAttention', { num_heads: 2, key_dim: 2 }]);
  return b.graph;
})();

beforeEach(() => useStore.setState({ loaded: null }));
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('TryPanel with a text column', () => {
  it('offers a sentence box (no row of values) starting from the first review', () => {
    withData(reviews, seedExample(6, 2));
    render(<TryPanel />);
    expect((screen.getByTestId('try-text') as HTMLInputElement).value).toBe('the film 0 felt bad');
    expect(screen.queryByTestId('try-values')).toBeNull();
    expect(screen.queryByTestId('try-row')).toBeNull();
  });

  it('shows the tokens, the class probabilities and a heatmap per head for a typed sentence', async () => {
    withData(reviews, attentionGraph);
    // Two classes are a binary target: one sigmoid output.
    vi.spyOn(trainer, 'predict').mockResolvedValue(Float32Array.of(0.8));
    const n = 5;
    expect(useStore.getState().data).toMatchObject({ fitted: { featureNames: ['review[0]', 'review[1]', 'review[2]', 'review[3]', 'review[4]'] } });
    const uniform = Float32Array.from({ length: 2 * n * n }, () => 1 / n);
    const attention = vi
      .spyOn(trainer, 'attention')
      .mockResolvedValue([{ layer: 'multi_head_attention', heads: 2, queryLength: n, keyLength: n, weights: uniform }]);
    render(<TryPanel />);
    fireEvent.change(screen.getByTestId('try-text'), { target: { value: 'The film was superb!' } });
    fireEvent.click(screen.getByTestId('try-predict'));
    const list = await screen.findByTestId('token-list');
    expect(Array.from(list.querySelectorAll('li[data-oov="true"] .train-token__text')).map((e) => e.textContent)).toEqual(['superb']);
    expect(screen.getByTestId('prediction').querySelector('li')?.getAttribute('data-class')).toBe('pos');
    expect(screen.getAllByTestId('attention-heatmap')).toHaveLength(2);
    expect(screen.getAllByTestId('attention-summary')[0]?.textContent).toBe(
      'head 1: "the" attends most to "the" (0.20); padding takes 20% of the weight on average',
    );
    expect(attention).toHaveBeenCalledTimes(1);
  });

  it('says what is wrong when the prediction fails', async () => {
    withData(reviews, seedExample(6, 2));
    vi.spyOn(trainer, 'predict').mockRejectedValue(new Error('train the model first'));
    render(<TryPanel />);
    fireEvent.keyDown(screen.getByTestId('try-text'), { key: 'Enter' });
    expect((await screen.findByRole('alert')).textContent).toBe('train the model first');
    expect(screen.queryByTestId('token-list')).toBeNull();
  });
});

describe('TryPanel with a row of numbers', () => {
  const flowers = parseCsvText(`a,b,kind\n${Array.from({ length: 12 }, (_, i) => `${i},${12 - i},${['x', 'y', 'z'][i % 3]}`).join('\n')}\n`, 'flowers.csv');

  it('clears the last bars when a row cannot be read, and says what is wrong with it', async () => {
    withData(flowers, seedExample(2, 3));
    vi.spyOn(trainer, 'predict').mockResolvedValue(Float32Array.of(0.1, 0.7, 0.2));
    render(<TryPanel />);
    const row = screen.getByTestId('try-row');
    fireEvent.change(row, { target: { value: '1, 2' } });
    fireEvent.click(screen.getByTestId('try-predict'));
    expect((await screen.findByTestId('prediction')).querySelector('li')?.getAttribute('data-class')).toBe('y');
    for (const [bad, message] of [
      ['1, 2, 3', 'enter 2 values (a, b), got 3'],
      ['1, big', 'the value "big" of column "b" is not a number'],
    ]) {
      fireEvent.change(row, { target: { value: bad } });
      fireEvent.click(screen.getByTestId('try-predict'));
      expect((await screen.findByRole('alert')).textContent).toBe(message);
      expect(screen.queryByTestId('prediction')).toBeNull();
    }
    // A good row again: bars back, message gone.
    fireEvent.change(row, { target: { value: '3, 4' } });
    fireEvent.click(screen.getByTestId('try-predict'));
    await screen.findByTestId('prediction');
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
