import { describe, expect, it } from 'vitest';
import { seedExample } from '../../src/analysis/templates';
import { DEFAULT_TRAINING_CONFIG } from '../../src/settings/training';
import type { RunState } from '../store/training-slice';
import { startSteps } from './start-here-steps';

const iris = {
  loaded: { kind: 'dataset', sourceName: 'Iris flowers', dataset: { x: [], y: [] } },
  data: { kind: 'sample', sampleId: 'iris' },
  dataStatus: { kind: 'idle' },
  dataSignature: { featureShape: [4], task: 'classification', classes: 3, encoding: 'onehot' },
  graph: seedExample(),
  training: DEFAULT_TRAINING_CONFIG,
  run: null,
  preparing: false,
  report: null,
} as unknown as Parameters<typeof startSteps>[0];
const run = (patch: Partial<RunState>): RunState => ({
  runId: 3,
  status: 'running',
  epochs: 10,
  batchesPerEpoch: 4,
  samples: 120,
  initialEpoch: 0,
  epoch: 2,
  batch: 1,
  samplesPerSecond: 900,
  startedAt: 0,
  modelKey: 'k',
  ...patch,
});
const statuses = (steps: ReturnType<typeof startSteps>) => steps.map((step) => step.status);

describe('the Start here steps', () => {
  it('go in order: each is ready once the one before is done', () => {
    const empty = { ...iris, loaded: null, data: { kind: 'none' }, dataSignature: null, graph: { nodes: [], edges: [] } } as typeof iris;
    expect(statuses(startSteps(empty, { built: false, trainedAfter: null }))).toEqual(['ready', 'waiting', 'waiting']);
    expect(statuses(startSteps({ ...empty, dataStatus: { kind: 'loading', label: '', progress: null } }, { built: false, trainedAfter: null }))).toEqual([
      'busy',
      'waiting',
      'waiting',
    ]);
    // Another sample loaded is not the step done.
    expect(statuses(startSteps({ ...iris, data: { kind: 'sample', sampleId: 'wine' } }, { built: false, trainedAfter: null }))[0]).toBe('ready');
    expect(statuses(startSteps(iris, { built: false, trainedAfter: null }))).toEqual(['done', 'ready', 'waiting']);
    expect(statuses(startSteps(iris, { built: true, trainedAfter: null }))).toEqual(['done', 'done', 'ready']);
    // A model emptied since it was built is that step undone.
    expect(statuses(startSteps({ ...iris, graph: { nodes: [], edges: [] } }, { built: true, trainedAfter: null }))).toEqual(['done', 'ready', 'waiting']);
  });

  it('count only a run begun after Train was clicked, and say how it goes and how it ended', () => {
    const clicked = { built: true, trainedAfter: 3 };
    expect(startSteps({ ...iris, run: run({ status: 'completed' }) }, clicked)[2].status).toBe('ready');
    expect(startSteps({ ...iris, preparing: true }, clicked)[2]).toMatchObject({ status: 'busy', detail: 'Preparing the samples…' });
    expect(startSteps({ ...iris, run: run({ runId: 4 }) }, clicked)[2]).toMatchObject({ status: 'done', detail: 'Training: epoch 3 of 10…' });
    const report = { kind: 'classification', count: 30, matrix: [], classes: [], accuracy: 0.8333 } as const;
    expect(startSteps({ ...iris, run: run({ runId: 4, status: 'completed', epoch: 10 }), report }, clicked)[2].detail).toBe(
      'Validation accuracy 83% after 10 epochs. More epochs train it further.',
    );
    expect(startSteps({ ...iris, run: run({ runId: 4, status: 'failed', message: 'Out of memory' }) }, clicked)[2]).toMatchObject({
      status: 'ready',
      detail: 'Out of memory',
    });
    expect(startSteps({ ...iris, run: run({ runId: 4, status: 'stopped', epoch: 4 }) }, clicked)[2]).toMatchObject({
      status: 'done',
      detail: 'The run ended: stopped.',
    });
  });
});
