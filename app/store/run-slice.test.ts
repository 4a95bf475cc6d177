import { beforeEach, describe, expect, it } from 'vitest';
import { EMPTY_BATCH_SERIES } from './training-slice';
import type { RunState } from './training-slice';
import { useStore } from './store';

const s = () => useStore.getState();
const run = (patch: Partial<RunState> = {}): RunState => ({
  runId: 4,
  status: 'running',
  epochs: 3,
  batchesPerEpoch: 2,
  samples: 10,
  epoch: 0,
  batch: 0,
  samplesPerSecond: 0,
  startedAt: 0,
  modelKey: 'k',
  ...patch,
});

beforeEach(() => useStore.setState({ run: null, history: [], batchLoss: EMPTY_BATCH_SERIES, report: null }));

describe('run actions', () => {
  it("begins a run with the last run's charts and report gone", () => {
    useStore.setState({ history: [{ loss: 1 }], report: { kind: 'regression' } as never });
    s().beginRun(run({ status: 'starting' }));
    expect(s()).toMatchObject({ run: { runId: 4, status: 'starting' }, history: [], batchLoss: EMPTY_BATCH_SERIES, report: null });
  });

  it("marks a run started only when it is the store's run", () => {
    s().beginRun(run({ status: 'starting' }));
    s().runStarted(3, { epochs: 9, batchesPerEpoch: 9, samples: 9 });
    expect(s().run?.status).toBe('starting');
    s().runStarted(4, { epochs: 5, batchesPerEpoch: 7, samples: 70 });
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
