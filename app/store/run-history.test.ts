// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { clear, get, keys, set } from 'idb-keyval';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedExample } from '../../src/analysis/templates';
import { setParam } from '../../src/analysis/ops';
import type { WeightValues } from '../../src/compile/tfjs-weights';
import { emptyProject } from '../../src/project/project-file';
import { RUN_WEIGHTS_CAP_BYTES } from '../../src/runs/run-record';
import { sampleRun } from '../../src/runs/run-test-support';
import { graphKeyOf } from './model-weights';
import { RUN_KEY_PREFIX, RUN_WEIGHTS_PREFIX, importRuns, loadRunWeights, restoreRuns, savedRuns, startRunHistory } from './run-history';
import { clearHistory, useStore } from './store';
import type { RunState } from './training-slice';

const s = () => useStore.getState();
const flush = () => new Promise((resolve) => setTimeout(resolve, 50));
const weights = (n = 3): WeightValues[] => [{ name: 'dense_1/kernel', shape: [n], dtype: 'float32', values: new Float32Array(n).fill(0.5) }];

/** Runs the store's graph to its end as the training client would: begin, epochs, weights, done. */
function trainOnce(opts: { status?: RunState['status']; weights?: readonly WeightValues[]; edit?: () => void; threads?: number } = {}): void {
  const runId = (s().run?.runId ?? 0) + 1;
  const run: RunState = {
    runId,
    status: 'starting',
    epochs: 2,
    batchesPerEpoch: 1,
    samples: 10,
    initialEpoch: 0,
    epoch: 0,
    batch: 0,
    samplesPerSecond: 0,
    startedAt: performance.now(),
    modelKey: graphKeyOf(s().graph),
  };
  s().beginRun(run);
  s().setBackend(opts.threads === undefined ? { name: 'cpu', reason: 'test' } : { name: 'wasm', reason: 'test', threads: opts.threads });
  opts.edit?.();
  s().recordProgress(
    { ...run, status: 'running' },
    [],
    [
      { loss: 1, accuracy: 0.5 },
      { loss: 0.5, accuracy: 0.75 },
    ],
  );
  if (opts.weights) s().setModelWeights({ key: run.modelKey, weights: opts.weights, source: 'trained' });
  s().finishRun({ ...run, status: opts.status ?? 'completed', epoch: 2 }, { kind: 'classification', count: 10, accuracy: 0.8, matrix: [], classes: [] });
}

let stop: (() => void) | undefined;
beforeEach(async () => {
  await clear();
  s().loadProject({ ...emptyProject(), graph: seedExample() });
  useStore.setState({ run: null, runs: [], runOrigin: null, runWeights: null, modelWeights: null, notice: null });
  clearHistory();
});
afterEach(() => {
  stop?.();
  stop = undefined;
});

describe('recording runs', () => {
  it('keeps each run with the graph and settings it began with, its curves, report, backend and weights', () => {
    const before = s().graph;
    const dense = before.nodes[1]?.id ?? '';
    trainOnce({ weights: weights(), edit: () => s().setParam(dense, 'units', 8) });
    trainOnce();
    const [first, second] = s().runs;
    expect(first).toMatchObject({
      name: 'Run 1',
      status: 'completed',
      backend: 'cpu',
      graph: before,
      training: { seed: 42 },
      weights: { state: 'kept', bytes: 12 },
    });
    expect(first?.epochs).toHaveLength(2);
    expect(first?.final).toEqual({ logs: { loss: 0.5, accuracy: 0.75 }, report: { kind: 'classification', accuracy: 0.8 } });
    // The second run trained the edited graph, and got no new weights: the first run's are not its own.
    expect(second).toMatchObject({ name: 'Run 2', weights: { state: 'none' } });
    expect(second?.graph.nodes[1]?.params.units).toBe(8);
    expect(s().runWeights?.id).toBe(first?.id);
    expect(first).not.toHaveProperty('threads');
  });

  it('records how many threads a wasm run trained with', () => {
    trainOnce({ threads: 4 });
    expect(s().runs[0]).toMatchObject({ backend: 'wasm', threads: 4 });
  });

  it('keeps a run that failed without its done, once', () => {
    trainOnce({ weights: weights() });
    const run = s().run;
    if (!run) throw new Error('no run');
    s().beginRun({ ...run, runId: run.runId + 1, status: 'running' });
    s().endRun(run.runId + 1, 'failed', 'the worker stopped');
    s().endRun(run.runId + 1, 'failed', 'again');
    expect(s().runs.map((r) => [r.name, r.status, r.message ?? '', r.weights.state])).toEqual([
      ['Run 1', 'completed', '', 'kept'],
      ['Run 2', 'failed', 'the worker stopped', 'none'],
    ]);
  });

  it('says when weights were over the cap, and keeps none of them', () => {
    trainOnce({ weights: weights(RUN_WEIGHTS_CAP_BYTES / 4 + 1) });
    expect(s().runs[0]?.weights).toEqual({ state: 'over-cap', bytes: RUN_WEIGHTS_CAP_BYTES + 4, cap: RUN_WEIGHTS_CAP_BYTES });
    expect(s().runWeights).toBeNull();
  });

  it('renames and deletes runs', () => {
    trainOnce();
    const id = s().runs[0]?.id ?? '';
    expect(s().renameRun(id, '  ')).toBe('A run needs a name');
    expect(s().renameRun(id, ' wide ')).toBeNull();
    expect(s().runs[0]?.name).toBe('wide');
    s().deleteRun(id);
    expect(s().runs).toEqual([]);
  });
});

describe('the run history in IndexedDB', () => {
  it('keeps runs and their weights across reloads, each under its own key', async () => {
    stop = startRunHistory();
    trainOnce({ weights: weights() });
    trainOnce({ status: 'stopped' });
    await flush();
    const [a, b] = s().runs;
    expect((await keys()).sort()).toEqual([`${RUN_KEY_PREFIX}${a?.id}`, `${RUN_KEY_PREFIX}${b?.id}`, `${RUN_WEIGHTS_PREFIX}${a?.id}`].sort());
    // A reload: the page goes (and its saver), the store starts empty and reads the runs back.
    stop();
    useStore.setState({ runs: [] });
    const stored = await restoreRuns();
    expect(stored.size).toBe(2);
    expect(s().runs.map((r) => r.name)).toEqual(['Run 1', 'Run 2']);
    expect(s().runs[0]).toEqual(a);
    expect((await loadRunWeights(a?.id ?? ''))?.[0]?.values).toEqual(new Float32Array(3).fill(0.5));
    expect(await loadRunWeights(b?.id ?? '')).toBeNull();
  });

  it('removes a deleted run with its weights and rewrites a renamed one', async () => {
    stop = startRunHistory();
    trainOnce({ weights: weights() });
    trainOnce();
    await flush();
    const [a, b] = s().runs;
    s().deleteRun(a?.id ?? '');
    s().renameRun(b?.id ?? '', 'kept one');
    await flush();
    expect(await keys()).toEqual([`${RUN_KEY_PREFIX}${b?.id}`]);
    expect(await get(`${RUN_KEY_PREFIX}${b?.id}`)).toMatchObject({ name: 'kept one' });
  });

  it('skips a stored run that no longer reads, and says so', async () => {
    await set(`${RUN_KEY_PREFIX}x`, { id: 'x', name: 'broken' });
    await set(`${RUN_KEY_PREFIX}ok`, sampleRun({}, { id: 'ok' }));
    await restoreRuns();
    expect(s().runs.map((r) => r.id)).toEqual(['ok']);
    expect(s().notice?.text).toBe('1 kept run could not be read and is not listed.');
  });

  it('writes runs recorded before it started, not those storage holds', async () => {
    trainOnce();
    const [run] = s().runs;
    stop = startRunHistory(new Set());
    await flush();
    expect(await get(`${RUN_KEY_PREFIX}${run?.id}`)).toEqual(run);
  });

  it('packs kept weights for a project file, and an opened project adds its runs with theirs', async () => {
    stop = startRunHistory();
    trainOnce({ weights: weights() });
    await flush();
    const saved = await savedRuns();
    expect(saved[0]?.weightData?.specs).toEqual([{ name: 'dense_1/kernel', shape: [3] }]);
    stop();
    await clear();
    useStore.setState({ runs: [] });
    stop = startRunHistory();
    await importRuns(saved);
    await importRuns(saved);
    await flush();
    expect(s().runs).toHaveLength(1);
    expect(s().runs[0]).not.toHaveProperty('weightData');
    expect((await loadRunWeights(saved[0]?.id ?? ''))?.[0]?.values).toEqual(new Float32Array(3).fill(0.5));
    expect(await get(`${RUN_KEY_PREFIX}${saved[0]?.id}`)).toEqual(s().runs[0]);
  });

  it('leaves the graph snapshot out of edits: setParam after the run does not change it', () => {
    trainOnce();
    const dense = s().graph.nodes[1]?.id ?? '';
    const result = setParam(s().graph, dense, 'units', 99);
    if (result.ok) s().setGraph(result.graph);
    expect(s().runs[0]?.graph.nodes[1]?.params.units).toBe(64);
  });
});
