import { seedExample } from '../analysis/templates';
import { DEFAULT_CALLBACKS } from '../settings/callbacks';
import { DEFAULT_FINE_TUNE } from '../settings/fine-tune';
import { DEFAULT_TRAINING_CONFIG } from '../settings/training';
import { modelKey } from '../graph/model-key';
import { buildRunRecord, type RunEnd, type RunStart } from './build-run';
import type { RunRecord } from './run-record';

/** For tests: a run of the seed model on Iris with three epochs, changed by `start` and `end`. */
export function sampleRun(start: Partial<RunStart> = {}, end: Partial<RunEnd> = {}): RunRecord {
  const graph = start.graph ?? seedExample();
  return buildRunRecord(
    {
      startedAt: Date.UTC(2025, 0, 2, 3, 4, 5),
      modelKey: modelKey(graph),
      graph,
      data: { kind: 'sample', sampleId: 'iris' },
      training: DEFAULT_TRAINING_CONFIG,
      callbacks: DEFAULT_CALLBACKS,
      fineTune: DEFAULT_FINE_TUNE,
      ...start,
    },
    {
      id: 'r1',
      name: 'Run 1',
      durationMs: 1234,
      status: 'completed',
      backend: 'cpu',
      epochs: [
        { loss: 1.1, accuracy: 0.4, val_loss: 1.0, val_accuracy: 0.5 },
        { loss: 0.8, accuracy: 0.6, val_loss: 0.7, val_accuracy: 0.7 },
        { loss: 0.5, accuracy: 0.8, val_loss: 0.45, val_accuracy: 0.9 },
      ],
      report: { kind: 'classification', accuracy: 0.9 },
      weightBytes: 4 * 1000,
      ...end,
    },
  );
}
