// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GraphBuilder } from '../../src/analysis/builder';
import { emptyProject } from '../../src/project/project-file';
import type { WrappedLayer } from '../../src/graph/types';
import { clearHistory, useStore } from '../store/store';
import { Inspector } from './inspector';

const s = () => useStore.getState();
const cells = () => s().graph.nodes.find((n) => n.kind === 'RNN')?.params.cell as readonly WrappedLayer[];
const summary = () => cells().map((c) => [c.kind, c.params.units]);
const shape = () => screen.getByTestId('inspector-shape').textContent;
const cellField = (n: number, label: string) => within(screen.getByTestId(`wrapped-cell-${n}`)).getByLabelText(label) as HTMLInputElement;

function commitText(el: HTMLElement, value: string) {
  fireEvent.change(el, { target: { value } });
  fireEvent.blur(el);
}

beforeEach(() => {
  const b = new GraphBuilder();
  b.add('RNN', {}, b.input([5, 3]));
  act(() => s().loadProject({ ...emptyProject(), graph: b.graph }));
  act(() => s().select([s().graph.nodes[1]?.id ?? '']));
  clearHistory();
  render(<Inspector />);
});
afterEach(cleanup);

describe("an RNN's list of cells", () => {
  it("shows each cell's kind and fields, less the sequence options the RNN holds itself", () => {
    expect((screen.getByLabelText('cell 1 kind') as HTMLSelectElement).value).toBe('LSTM');
    expect(cellField(1, 'units').value).toBe('32');
    expect(within(screen.getByTestId('wrapped-cell-1')).queryByLabelText('return_sequences')).toBeNull();
    expect(screen.getAllByLabelText('return_sequences')).toHaveLength(1);
    expect((screen.getByRole('button', { name: 'Remove cell 1' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('adds a copy of the last cell, edits one, changes its kind keeping shared values, and removes one', () => {
    fireEvent.click(screen.getByRole('button', { name: 'Add cell' }));
    expect(summary()).toEqual([
      ['LSTM', 32],
      ['LSTM', 32],
    ]);
    commitText(cellField(2, 'units'), '8');
    expect(summary()).toEqual([
      ['LSTM', 32],
      ['LSTM', 8],
    ]);
    expect(shape()).toBe('(None, 8)');
    // LSTM(32) on 3 features: 4 * (3*32 + 32*32 + 32); then LSTM(8) on the first one's 32: 4 * (32*8 + 8*8 + 8).
    expect(screen.getByTestId('inspector-params').textContent).toBe('5,920 (5,920 trainable / 0 non-trainable)');

    fireEvent.change(screen.getByLabelText('cell 2 kind'), { target: { value: 'SimpleRNN' } });
    expect(summary()).toEqual([
      ['LSTM', 32],
      ['SimpleRNN', 8],
    ]);
    expect(cells()[1]?.params.recurrent_activation).toBeUndefined();
    expect(screen.getByTestId('inspector-params').textContent).toBe('4,936 (4,936 trainable / 0 non-trainable)');

    fireEvent.click(screen.getByRole('button', { name: 'Remove cell 1' }));
    expect(summary()).toEqual([['SimpleRNN', 8]]);
    expect(cellField(1, 'units').value).toBe('8');
    expect((screen.getByRole('button', { name: 'Remove cell 1' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('refuses a bad value in a cell, saying why, and keeps the list as it was', () => {
    commitText(cellField(1, 'units'), '0');
    expect(screen.getByText('units must be a whole number at least 1')).toBeTruthy();
    expect(summary()).toEqual([['LSTM', 32]]);
  });
});
