import { describe, expect, it } from 'vitest';
import { buildRunRecord, headlineOf, nextRunName, weightsNote } from './build-run';
import { parseRunRecord, savedRunsFromFile, savedRunsSchema, RUN_WEIGHTS_CAP_BYTES } from './run-record';
import { sampleRun } from './run-test-support';
import { packWeights } from '../graph/inline-weights';

describe('run records', () => {
  it('take the final metrics from the last epoch and keep the report headline', () => {
    const run = sampleRun();
    expect(run.final).toEqual({ logs: { loss: 0.5, accuracy: 0.8, val_loss: 0.45, val_accuracy: 0.9 }, report: { kind: 'classification', accuracy: 0.9 } });
    expect(run.weights).toEqual({ state: 'kept', bytes: 4000 });
    expect(run.training.seed).toBe(42);
  });

  it('say when weights were left out over the cap, or never came', () => {
    expect(weightsNote(RUN_WEIGHTS_CAP_BYTES)).toEqual({ state: 'kept', bytes: RUN_WEIGHTS_CAP_BYTES });
    expect(weightsNote(RUN_WEIGHTS_CAP_BYTES + 4)).toEqual({ state: 'over-cap', bytes: RUN_WEIGHTS_CAP_BYTES + 4, cap: RUN_WEIGHTS_CAP_BYTES });
    expect(weightsNote(undefined)).toEqual({ state: 'none' });
    expect(sampleRun({}, { weightBytes: 100 }).weights.state).toBe('kept');
    const failed = sampleRun({}, { status: 'failed', message: 'out of memory', epochs: [], weightBytes: undefined, report: undefined });
    expect(failed).toMatchObject({ status: 'failed', message: 'out of memory', final: { logs: {} }, weights: { state: 'none' } });
  });

  it('read back what was stored, graph included, and refuse a bad one by field', () => {
    const run = sampleRun();
    expect(parseRunRecord(structuredClone(run))).toEqual(run);
    expect(() => parseRunRecord({ ...run, status: 'great' })).toThrow(/a stored run does not read: status/);
    const threaded = sampleRun({}, { backend: 'wasm', threads: 4 });
    expect(parseRunRecord(structuredClone(threaded))).toMatchObject({ backend: 'wasm', threads: 4 });
    expect(run).not.toHaveProperty('threads');
    expect(() => parseRunRecord({ ...threaded, threads: 0 })).toThrow(/threads/);
    const badGraph = { ...run, graph: { ...run.graph, nodes: [{ ...run.graph.nodes[0], kind: 'Nope' }] } };
    expect(() => parseRunRecord(badGraph)).toThrow(/Nope/);
  });

  it('carry packed weights in the project file form', () => {
    const run = { ...sampleRun(), weightData: packWeights([{ name: 'dense_1/kernel', shape: [2], values: new Float32Array([1, 2]) }]) };
    const read = savedRunsFromFile(savedRunsSchema.parse(JSON.parse(JSON.stringify([run]))));
    expect(read).toEqual([run]);
    expect(savedRunsFromFile(savedRunsSchema.parse([sampleRun()]))[0]).not.toHaveProperty('weightData');
  });

  it('are named one past the highest "Run N"', () => {
    expect(nextRunName([])).toBe('Run 1');
    expect(nextRunName([{ name: 'Run 1' }, { name: 'Run 4' }, { name: 'wide net' }])).toBe('Run 5');
  });

  it('clamp a negative duration and give headlines of either report', () => {
    const start = { ...sampleRun(), startedAt: 5 };
    expect(buildRunRecord(start, { id: 'x', name: 'Run 1', durationMs: -3, status: 'stopped', backend: null, epochs: [] }).durationMs).toBe(0);
    expect(headlineOf({ kind: 'regression', mae: 1, rmse: 2, r2: 0.5 })).toEqual({ kind: 'regression', mae: 1, rmse: 2, r2: 0.5 });
  });
});
