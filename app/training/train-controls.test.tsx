// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GraphBuilder } from '../../src/analysis/builder';
import { digitsCnn, seedExample } from '../../src/analysis/templates';
import { parseCsvText } from '../../src/data/csv';
import type { DataSignature } from '../../src/data/wiring';
import type { Graph } from '../../src/graph/types';
import { emptyProject } from '../../src/project/project-file';
import { graphKeyOf } from '../store/model-weights';
import { clearHistory, useStore } from '../store/store';
import { TrainControls } from './train-controls';

const s = () => useStore.getState();
const IRIS: DataSignature = { featureShape: [4], task: 'classification', classes: 3, encoding: 'onehot' };
const trainButton = () => screen.getByTestId('train') as HTMLButtonElement;

function open(graph: Graph, withData = true) {
  s().loadProject({ ...emptyProject(), graph });
  s().setLoaded(withData ? { kind: 'table', sourceName: 'iris.csv', table: parseCsvText('a,b\n1,2\n', 'iris.csv'), tableId: 1 } : null, withData ? IRIS : null);
  s().setView('train');
  clearHistory();
  render(<TrainControls />);
}

beforeEach(() => useStore.setState({ run: null, preparing: false, modelWeights: null }));
afterEach(cleanup);

describe('TrainControls', () => {
  it('is on for the seed model on Iris, with no reasons shown', () => {
    open(seedExample());
    expect(trainButton().disabled).toBe(false);
    expect(trainButton().getAttribute('aria-disabled')).toBe('false');
    expect(screen.queryByTestId('train-blocked')).toBeNull();
  });

  it('says how many epochs trained the current weights, and claims no number it does not know', () => {
    const graph = seedExample();
    useStore.setState({ modelWeights: { key: graphKeyOf(graph), weights: [], source: 'imported', epochs: 2 } });
    open(graph);
    expect(screen.getByTestId('weights-state').textContent).toBe('Current weights: trained for 2 epochs');
    act(() => useStore.setState({ modelWeights: { key: graphKeyOf(graph), weights: [], source: 'imported' } }));
    expect(screen.getByTestId('weights-state').textContent).toBe('Current weights: loaded, epochs unknown');
    // Weights of another model are not the current ones.
    act(() => useStore.setState({ modelWeights: { key: 'another model', weights: [], source: 'trained', epochs: 4 } }));
    expect(screen.queryByTestId('weights-state')).toBeNull();
  });

  it('is off on an empty canvas, says why, and describes the button with it', () => {
    open({ nodes: [], edges: [] });
    expect(trainButton().disabled).toBe(true);
    expect(trainButton().getAttribute('aria-disabled')).toBe('true');
    expect(trainButton().getAttribute('aria-describedby')).toBe('train-blocked');
    expect(screen.getByTestId('train-blocked').textContent).toMatch(/Train is off until this is fixed on the modelThe model is empty: it needs an Input layer/);
  });

  it('is off for an Input alone; its link selects the Input and opens the Model tab', () => {
    const b = new GraphBuilder();
    const input = b.input([4]);
    open(b.graph);
    expect(trainButton().disabled).toBe(true);
    const link = within(screen.getByTestId('train-problems')).getByRole('button', { name: /input_1 is the only layer.*Show input_1/ });
    fireEvent.click(link);
    expect(s().selectedNodes).toEqual([input]);
    expect(s().view).toBe('model');
  });

  it('lists every problem of the CNN on Iris, each with its layer, and asks for data when none is chosen', () => {
    open(digitsCnn(), false);
    expect(screen.getByTestId('train-blocked').textContent).toContain('Choose data in the Data tab first.');
    fireEvent.click(screen.getByTestId('open-data-tab'));
    expect(s().view).toBe('data');
    cleanup();
    open(digitsCnn());
    const rows = within(screen.getByTestId('train-problems')).getAllByTestId('problem-link');
    expect(rows.map((r) => r.textContent)).toEqual([
      "The data's samples have shape (None, 4) but input_1 expects (None, 28, 28, 1)Show input_1",
      'The target has 3 classes, so the output must be (None, 3), but dense_2 outputs (None, 10)Show dense_2',
    ]);
    expect(screen.getByText('Train is off until these 2 problems are fixed on the model')).toBeTruthy();
  });

  it('is off while a callback watches a metric the run does not compile, and on again once it does', () => {
    open(seedExample());
    act(() => s().setCallback('earlyStopping', { enabled: true, monitor: 'val_auc' }));
    expect(trainButton().disabled).toBe(true);
    expect(screen.getByText('Train is off until this is fixed in the settings')).toBeTruthy();
    const problem = within(screen.getByTestId('train-problems')).getByText(/^Early stopping monitors val_auc, but AUC is not among the compiled metrics/);
    expect(problem.closest('li')?.getAttribute('data-code')).toBe('monitor-not-logged');
    act(() => s().setTraining({ metrics: ['accuracy', 'auc'] }));
    expect(trainButton().disabled).toBe(false);
    expect(screen.queryByTestId('train-blocked')).toBeNull();
  });
});
