// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseCsvText } from '../../src/data/csv';
import { seedExample } from '../../src/analysis/templates';
import { emptyProject } from '../../src/project/project-file';
import { START_HERE_KEY } from '../store/start-here';
import { clearHistory, useStore } from '../store/store';
import { StartHere } from './start-here';

const s = () => useStore.getState();
const IRIS = parseCsvText(readFileSync(join(import.meta.dirname, '../../public/samples/iris.csv'), 'utf8'), 'iris.csv');

/** The store as the Iris sample leaves it once loaded and planned (the table worker is not at hand here). */
function irisLoaded(): void {
  s().setLoaded(
    { kind: 'table', sourceName: 'Iris flowers', table: IRIS, tableId: 1 },
    { featureShape: [4], task: 'classification', classes: 3, encoding: 'onehot' },
  );
  s().setDataConfig({ kind: 'sample', sampleId: 'iris' });
}

beforeEach(() => {
  localStorage.clear();
  s().loadProject(emptyProject());
  s().setLoaded(null, null);
  s().setView('model');
  clearHistory();
});
afterEach(cleanup);

describe('Start here', () => {
  it('waits for the restore, then shows on a first visit with three steps, only the first one ready', () => {
    const { rerender } = render(<StartHere restoring />);
    expect(screen.queryByRole('region', { name: 'Start here' })).toBeNull();
    rerender(<StartHere restoring={false} />);
    expect(screen.getByRole('region', { name: 'Start here' })).toBeTruthy();
    const data = screen.getByRole('button', { name: '1. Load the Iris sample' }) as HTMLButtonElement;
    const model = screen.getByRole('button', { name: '2. Build the Keras example' }) as HTMLButtonElement;
    const train = screen.getByRole('button', { name: '3. Train it' }) as HTMLButtonElement;
    expect([data.disabled, model.disabled, train.disabled]).toEqual([false, true, true]);
    expect(screen.getByTestId('start-step-data').getAttribute('aria-current')).toBe('step');
    expect(screen.getByTestId('start-detail-train').textContent).toBe('Keras’s defaults: adam, categorical_crossentropy, batch 32, 10 epochs, accuracy.');
  });

  it('ticks the data step once Iris is in, then builds the Keras example fitted to it on the canvas', () => {
    render(<StartHere restoring={false} />);
    act(() => irisLoaded());
    expect(screen.getByTestId('start-step-data').textContent).toMatch(/^Load the Iris sample \(done\)Loaded Iris flowers: 4 measurements, 3 species\./);
    const model = screen.getByRole('button', { name: '2. Build the Keras example' });
    model.focus();
    fireEvent.click(model);
    expect(s().graph.nodes.map((n) => [n.kind, n.params.units ?? n.params.shape, n.params.activation])).toEqual(
      seedExample(4, 3).nodes.map((n) => [n.kind, n.params.units ?? n.params.shape, n.params.activation]),
    );
    expect(s().training.loss).toBe('categorical_crossentropy');
    expect(s().data).toEqual({ kind: 'sample', sampleId: 'iris' });
    expect(s().view).toBe('model');
    expect(screen.getByTestId('start-detail-model').textContent).toBe('On the canvas: Input(4) → Dense(64, relu) → Dense(3, softmax).');
    // The keyboard follows: the next step's button has the focus.
    expect(document.activeElement).toBe(screen.getByRole('button', { name: '3. Train it' }));
  });

  it('is dismissed for good: the × hides it and no later visit shows it', () => {
    render(<StartHere restoring={false} />);
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss Start here' }));
    expect(screen.queryByRole('region', { name: 'Start here' })).toBeNull();
    expect(localStorage.getItem(START_HERE_KEY)).toBe('dismissed');
    cleanup();
    render(<StartHere restoring={false} />);
    expect(screen.queryByRole('region', { name: 'Start here' })).toBeNull();
  });

  it('does not show to a returning user whose project has something in it, and remembers them', () => {
    s().loadProject({ ...emptyProject(), graph: seedExample() });
    render(<StartHere restoring={false} />);
    expect(screen.queryByRole('region', { name: 'Start here' })).toBeNull();
    expect(localStorage.getItem(START_HERE_KEY)).toBe('returning');
    // Emptied later, the project still does not bring it back.
    s().loadProject(emptyProject());
    cleanup();
    render(<StartHere restoring={false} />);
    expect(screen.queryByRole('region', { name: 'Start here' })).toBeNull();
  });
});
