// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { clear, set } from 'idb-keyval';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setParam } from '../../src/analysis/ops';
import { seedExample } from '../../src/analysis/templates';
import type { WeightValues } from '../../src/compile/tfjs-weights';
import { modelKey } from '../../src/graph/model-key';
import { emptyProject, parseProjectFile } from '../../src/project/project-file';
import { DEFAULT_TRAINING_CONFIG } from '../../src/settings/training';
import { sampleRun } from '../../src/runs/run-test-support';
import { openUserFiles } from '../actions/open-file';
import { saveProjectWithRuns } from '../actions/save-file';
import { RUN_WEIGHTS_PREFIX } from '../store/run-history';
import { clearHistory, undo, useStore } from '../store/store';
import { RunHistory } from './run-history';

const s = () => useStore.getState();

function wider() {
  const graph = seedExample();
  const result = setParam(graph, graph.nodes[1]?.id ?? '', 'units', 128);
  if (!result.ok) throw new Error(result.reason);
  return result.graph;
}

/** The seed model's 5 weights, each filled with `v`. */
const seedWeights = (v: number): WeightValues[] =>
  [
    ['dense_1/kernel', [4, 128]],
    ['dense_1/bias', [128]],
    ['dense_2/kernel', [128, 3]],
    ['dense_2/bias', [3]],
  ].map(([name, shape]) => ({
    name: name as string,
    shape: shape as number[],
    dtype: 'float32' as const,
    values: new Float32Array((shape as number[]).reduce((a, b) => a * b, 1)).fill(v),
  }));

function downloads(): { name: string; text: () => Promise<string> }[] {
  const got: { name: string; text: () => Promise<string> }[] = [];
  let last: Blob | undefined;
  vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => ((last = b as Blob), 'blob:runs'));
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    const blob = last;
    if (blob) got.push({ name: this.download, text: () => blob.text() });
  });
  return got;
}

const first = sampleRun();
const second = sampleRun(
  { graph: wider(), modelKey: modelKey(wider()), training: { ...DEFAULT_TRAINING_CONFIG, optimizer: 'sgd' } },
  {
    id: 'r2',
    name: 'Run 2',
    epochs: [
      { loss: 0.9, accuracy: 0.5, val_loss: 0.8, val_accuracy: 0.6 },
      { loss: 0.4, accuracy: 0.85, val_loss: 0.3, val_accuracy: 0.95 },
    ],
  },
);

beforeEach(async () => {
  await clear();
  s().loadProject({ ...emptyProject('Iris'), graph: seedExample() });
  useStore.setState({ runs: [first, second], modelWeights: null, notice: null });
  clearHistory();
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('RunHistory', () => {
  it('lists each run with its status, epochs, final metric and weights', () => {
    render(<RunHistory />);
    const row = within(screen.getByTestId('run-row-2'));
    expect(row.getByTestId('run-name').textContent).toBe('Run 2');
    expect(row.getByTestId('run-metric').textContent).toBe('val_accuracy 0.95');
    expect(screen.getByTestId('run-row-1').textContent).toContain('completed');
    expect(screen.getByTestId('run-row-1').textContent).toContain('kept');
    expect(screen.queryByTestId('run-compare')).toBeNull();
  });

  it('compares two ticked runs: curves, final metrics and what changed, in words', () => {
    render(<RunHistory />);
    fireEvent.click(within(screen.getByTestId('run-row-1')).getByTestId('run-select'));
    fireEvent.click(within(screen.getByTestId('run-row-2')).getByTestId('run-select'));
    const compare = screen.getByTestId('run-compare');
    expect(within(compare).getByTestId('run-chart').textContent).toContain('val_loss per epoch');
    expect(within(compare).getByTestId('run-chart').dataset.points).toBe('3');
    fireEvent.change(within(compare).getByTestId('run-metric-picker'), { target: { value: 'accuracy' } });
    expect(within(compare).getByTestId('run-chart').textContent).toContain('accuracy per epoch');
    const final = within(compare).getByTestId('run-final');
    expect(final.textContent).toContain('Run 2');
    expect(final.textContent).toContain('0.95');
    const diff = screen.getByTestId('run-diff');
    expect([...diff.querySelectorAll('li')].map((li) => li.textContent)).toEqual(['dense_1: units 64 -> 128', 'optimizer adam -> sgd']);
    fireEvent.click(within(screen.getByTestId('run-row-2')).getByTestId('run-delete'));
    expect(screen.queryByTestId('run-compare')).toBeNull();
    expect(s().runs.map((r) => r.id)).toEqual(['r1']);
  });

  it("restores a run's graph as one undo step and its weights as the model's", async () => {
    await set(`${RUN_WEIGHTS_PREFIX}r2`, seedWeights(0.25));
    render(<RunHistory />);
    fireEvent.click(within(screen.getByTestId('run-row-2')).getByTestId('run-restore'));
    await waitFor(() => expect(s().graph).toBe(second.graph));
    expect(s().modelWeights).toMatchObject({ key: modelKey(second.graph), source: 'trained' });
    expect(s().continueFrom).toBe('current');
    expect(s().notice?.text).toBe("Restored Run 2's graph with its trained weights. Undo brings the previous graph back.");
    undo();
    expect(s().graph.nodes[1]?.params.units).toBe(64);
  });

  it('restores the graph alone when the run kept no weights', async () => {
    useStore.setState({ runs: [sampleRun({}, { weightBytes: undefined })] });
    render(<RunHistory />);
    fireEvent.click(within(screen.getByTestId('run-row-1')).getByTestId('run-restore'));
    await waitFor(() => expect(s().notice?.text).toBe("Restored Run 1's graph; it kept no weights. Undo brings the previous graph back."));
    expect(s().modelWeights).toBeNull();
  });

  it('exports the history as CSV, one row per run per epoch', async () => {
    const got = downloads();
    render(<RunHistory />);
    fireEvent.click(screen.getByTestId('runs-csv'));
    expect(got.map((d) => d.name)).toEqual(['Iris-runs.csv']);
    const lines = (await got[0]?.text())?.trim().split('\n');
    expect(lines?.[0]).toBe('run,name,epoch,loss,accuracy,val_loss,val_accuracy');
    expect(lines).toHaveLength(6);
  });

  it('saves the project with its runs and their weights, and Open brings them back', async () => {
    await set(`${RUN_WEIGHTS_PREFIX}r2`, seedWeights(0.5));
    const got = downloads();
    await saveProjectWithRuns();
    const text = (await got[0]?.text()) ?? '';
    const saved = parseProjectFile(text);
    expect(saved.runs?.map((r) => [r.name, r.weightData !== undefined])).toEqual([
      ['Run 1', false],
      ['Run 2', true],
    ]);
    await clear();
    useStore.setState({ runs: [] });
    expect(await openUserFiles([new File([text], 'Iris.netloom.json')])).toBe(true);
    expect(s().runs.map((r) => r.name)).toEqual(['Run 1', 'Run 2']);
    expect(s().notice?.text).toContain('and 2 runs');
    render(<RunHistory />);
    fireEvent.click(within(screen.getByTestId('run-row-2')).getByTestId('run-restore'));
    await waitFor(() => expect(s().modelWeights?.weights[0]?.values[0]).toBe(0.5));
  });
});
