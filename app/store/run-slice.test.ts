import { beforeEach, describe, expect, it } from 'vitest';
import { EMPTY_BATCH_SERIES } from './training-slice';
import type { RunState } from './training-slice';
import { graphKeyOf } from './model-weights';
import type { ModelWeights } from './model-weights';
import { useStore } from './store';

const s = () => useStore.getState();
const run = (patch: Partial<RunState> = {}): RunState => ({
  runId: 4,
  status: 'running',
  epochs: 3,
  batchesPerEpoch: 2,
  samples: 10,
  initialEpoch: 0,
  epoch: 0,
  batch: 0,
  samplesPerSecond: 0,
  startedAt: 0,
  modelKey: 'k',
  ...patch,
});

beforeEach(() =>
  useStore.setState({
    run: null,
    history: [],
    historyStart: 0,
    historyWeights: null,
    batchLoss: EMPTY_BATCH_SERIES,
    report: null,
    runs: [],
    modelWeights: null,
  }),
);

const weightsOf = (epochs: number): ModelWeights => ({ key: graphKeyOf(s().graph), weights: [], source: 'trained', epochs });

/** A run of `epochs` epochs from `initialEpoch` to its end, as the training client drives it: begin, start, progress, weights, done. */
function runThrough(runId: number, initialEpoch: number, epochs: number, startedAt = initialEpoch): void {
  const r = run({ runId, status: 'starting', epochs, initialEpoch, epoch: initialEpoch });
  s().beginRun(r);
  s().runStarted(runId, { epochs, batchesPerEpoch: 2, samples: 10, initialEpoch: startedAt });
  const logs = Array.from({ length: epochs }, (_, i) => ({ loss: 1 / (startedAt + i + 1) }));
  s().recordProgress({ ...r, status: 'running', initialEpoch: startedAt }, [0.5, 0.4], logs);
  s().setModelWeights(weightsOf(startedAt + epochs));
  s().finishRun({ ...(s().run ?? r), status: 'completed', epoch: startedAt + epochs }, null);
}

describe('run actions', () => {
  it("begins a run with the last run's charts and report gone", () => {
    useStore.setState({ history: [{ loss: 1 }], report: { kind: 'regression' } as never });
    s().beginRun(run({ status: 'starting' }));
    expect(s()).toMatchObject({ run: { runId: 4, status: 'starting' }, history: [], batchLoss: EMPTY_BATCH_SERIES, report: null });
  });

  it("marks a run started only when it is the store's run", () => {
    s().beginRun(run({ status: 'starting' }));
    s().runStarted(3, { epochs: 9, batchesPerEpoch: 9, samples: 9, initialEpoch: 0 });
    expect(s().run?.status).toBe('starting');
    s().runStarted(4, { epochs: 5, batchesPerEpoch: 7, samples: 70, initialEpoch: 0 });
    expect(s().run).toMatchObject({ status: 'running', epochs: 5, batchesPerEpoch: 7, samples: 70 });
  });

  it('ends only the live run it names', () => {
    s().beginRun(run());
    s().endRun(3, 'failed', 'another run');
    expect(s().run?.status).toBe('running');
    s().endRun(4, 'stopped', 'did not answer');
    expect(s().run).toMatchObject({ status: 'stopped', message: 'did not answer' });
    s().endRun(4, 'failed', 'too late');
    expect(s().run).toMatchObject({ status: 'stopped', message: 'did not answer' });
  });

  it('records progress: the batch losses grow the curve, the epoch logs the history', () => {
    s().beginRun(run());
    s().recordProgress(run({ epoch: 1 }), [1, 0], [{ loss: 0.5 }]);
    s().recordProgress(run({ epoch: 1, batch: 1 }), [], []);
    expect(s().run).toMatchObject({ epoch: 1, batch: 1 });
    expect(s().batchLoss.points.map((p) => p.loss)).toEqual([1, 0]);
    expect(s().history).toEqual([{ loss: 0.5 }]);
  });
});

describe('a continued run', () => {
  it('goes on along the same charts, its epochs counted on, and its record holds its own epochs from initialEpoch', () => {
    runThrough(1, 0, 3);
    expect(s().historyWeights).toBe(s().modelWeights);
    runThrough(2, 3, 2);
    expect(s()).toMatchObject({ historyStart: 0, run: { initialEpoch: 3, epoch: 5 } });
    expect(s().history.map((l) => l.loss)).toEqual([1, 1 / 2, 1 / 3, 1 / 4, 1 / 5]);
    // One batch curve too: both runs' losses in turn.
    expect(s().batchLoss.points.map((p) => p.step)).toEqual([1, 2, 3, 4]);
    const [first, second] = s().runs;
    expect(first?.epochs).toHaveLength(3);
    expect(first?.initialEpoch).toBeUndefined();
    expect(second?.epochs.map((l) => l.loss)).toEqual([1 / 4, 1 / 5]);
    expect(second?.initialEpoch).toBe(3);
  });

  it('starts the charts again, at its first epoch, when the weights are not the ones the charts ended with', () => {
    runThrough(1, 0, 3);
    // A kept run's weights restored: 4 epochs, not the charts' 3.
    s().setModelWeights(weightsOf(4));
    runThrough(2, 4, 2);
    expect(s().historyStart).toBe(4);
    expect(s().history).toHaveLength(2);
    expect(s().runs[1]?.epochs).toHaveLength(2);
  });

  it('starts the charts again when the worker could not go on from those weights (it counts from 0)', () => {
    runThrough(1, 0, 3);
    runThrough(2, 3, 2, 0);
    expect(s()).toMatchObject({ historyStart: 0, run: { initialEpoch: 0, epoch: 2 } });
    expect(s().history).toHaveLength(2);
    expect(s().runs[1]?.initialEpoch).toBeUndefined();
  });

  it('does not go on from a run that ended without weights of its own (a failed run)', () => {
    runThrough(1, 0, 3);
    s().beginRun(run({ runId: 2, status: 'starting', initialEpoch: 3, epoch: 3 }));
    s().recordProgress(run({ runId: 2, initialEpoch: 3, epoch: 4 }), [], [{ loss: 9 }]);
    s().endRun(2, 'failed', 'boom');
    expect(s().historyWeights).toBeNull();
    runThrough(3, 3, 1);
    expect(s()).toMatchObject({ historyStart: 3 });
    expect(s().history).toHaveLength(1);
  });
});
