import { describe, expect, it } from 'vitest';
import { sampleRun } from '../../src/runs/run-test-support';
import { headlineMetric, overlayRows, seriesKeys, shownBackend, shownDuration, shownMetric, weightsLabel } from './run-view';

describe('run view', () => {
  it('overlays runs by epoch under unique keys, leaving out epochs a run did not reach', () => {
    const a = sampleRun();
    const b = sampleRun({}, { id: 'r2', epochs: [{ loss: 2 }] });
    expect(seriesKeys([a, b])).toEqual(['Run 1', 'Run 1 (2)']);
    expect(overlayRows([a, b], 'loss')).toEqual([
      { epoch: 1, 'Run 1': 1.1, 'Run 1 (2)': 2 },
      { epoch: 2, 'Run 1': 0.8 },
      { epoch: 3, 'Run 1': 0.5 },
    ]);
  });

  it("draws a continued run's curve from the epoch it went on from", () => {
    const first = sampleRun({}, { epochs: [{ loss: 3 }, { loss: 2 }] });
    const goesOn = sampleRun({}, { id: 'r2', name: 'Run 2', epochs: [{ loss: 1.5 }, { loss: 1 }], initialEpoch: 2 });
    expect(goesOn.initialEpoch).toBe(2);
    expect(overlayRows([first, goesOn], 'loss')).toEqual([
      { epoch: 1, 'Run 1': 3 },
      { epoch: 2, 'Run 1': 2 },
      { epoch: 3, 'Run 2': 1.5 },
      { epoch: 4, 'Run 2': 1 },
    ]);
    expect(overlayRows([goesOn], 'loss').map((r) => r.epoch)).toEqual([3, 4]);
  });

  it('shows the final validation metric, and how weights were kept', () => {
    expect(headlineMetric(sampleRun())).toEqual({ name: 'val_accuracy', value: 0.9 });
    expect(headlineMetric(sampleRun({}, { epochs: [{ loss: 0.3 }] }))).toEqual({ name: 'loss', value: 0.3 });
    expect(headlineMetric(sampleRun({}, { epochs: [] }))).toBeNull();
    expect([shownMetric(0.123456), shownMetric(undefined), shownMetric(NaN)]).toEqual(['0.1235', '', 'NaN']);
    expect([
      weightsLabel({ state: 'kept', bytes: 1 }),
      weightsLabel({ state: 'over-cap', bytes: 32 * 1024 * 1024, cap: 1 }),
      weightsLabel({ state: 'none' }),
    ]).toEqual(['kept', 'too large (32 MB)', 'none']);
  });

  it('says where a run trained, with its threads on wasm, and how long it took an epoch', () => {
    expect([
      shownBackend(sampleRun()),
      shownBackend(sampleRun({}, { backend: 'wasm', threads: 4 })),
      shownBackend(sampleRun({}, { backend: 'wasm', threads: 1 })),
    ]).toEqual(['cpu', 'wasm, 4 threads', 'wasm, 1 thread']);
    expect(shownBackend(sampleRun({}, { backend: null }))).toBe('—');
    expect(shownDuration(sampleRun())).toBe('1.23 s (0.411 s an epoch)');
    expect(shownDuration(sampleRun({}, { durationMs: 125_000, epochs: [] }))).toBe('2 min 5 s');
  });
});
