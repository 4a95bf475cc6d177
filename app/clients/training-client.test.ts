import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { WeightValues } from '../../src/compile/tfjs-weights';
import type { SplitDataset } from '../../src/data/types';
import { seedExample } from '../../src/analysis/templates';
import { graphKeyOf } from '../store/model-weights';
import { useStore } from '../store/store';
import { setupClient as setup } from './training-client-test-support';

const graph = seedExample(4, 3);
const samples = (count: number): SplitDataset['train'] => ({
  x: new Float32Array(count * 4),
  y: new Float32Array(count * 3),
  count,
  featureShape: [4],
  targetShape: [3],
  task: 'classification',
});
const split: SplitDataset = { train: samples(8), validation: samples(0) };
const weights: WeightValues[] = [{ name: 'dense_1/kernel', shape: [1], dtype: 'float32', values: new Float32Array([0.5]) }];
const s = () => useStore.getState();
/** A request whose outcome this test does not look at. */
const later = (request: Promise<unknown>) => void request.catch(() => {});

beforeEach(() => {
  useStore.setState({ graph, run: null, modelWeights: null, notice: null, continueFrom: 'fresh', backendChoice: 'auto', backend: null });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('the training client', () => {
  it('starts one worker with the backend choice and a lock, and sends a dataset once', () => {
    const { client, workers, worker } = setup();
    useStore.setState({ backendChoice: 'wasm' });
    const first = client.train(split);
    expect(s().run).toMatchObject({ runId: first, status: 'starting', modelKey: graphKeyOf(graph) });
    worker(0).reply({ type: 'done', runId: first, status: 'completed', epochsRun: 1 });
    client.train(split);
    expect(workers).toHaveLength(1);
    expect(worker(0).types).toEqual(['init', 'dataset', 'train', 'train']);
    expect(worker(0).lastOf('init')).toMatchObject({ backend: 'wasm', lock: expect.stringMatching(/^netloom-training-worker-/) });
    expect(worker(0).sent[2]).toMatchObject({ datasetId: worker(0).lastOf('dataset').datasetId });
    expect(worker(0).lastOf('train').datasetId).toBe(worker(0).lastOf('dataset').datasetId);
  });

  it("sends the page's wasm-threads choice with every init, and says once what was wrong with it", () => {
    const { client, worker } = setup({ wasmThreads: { choice: 'on' } });
    client.warmUp();
    expect(worker(0).lastOf('init')).toMatchObject({ wasmThreads: 'on' });
    worker(0).reply({ type: 'backend', backend: 'wasm', reason: 'r', tried: [], threads: 2 });
    expect(s().backend).toEqual({ name: 'wasm', reason: 'r', threads: 2 });

    const bad = setup({ wasmThreads: { choice: 'auto', problem: 'wasm-threads=yes is not one of auto, on, off' } });
    bad.client.warmUp();
    expect(bad.worker(0).lastOf('init')).toMatchObject({ wasmThreads: 'auto' });
    expect(s().notice).toMatchObject({ kind: 'error', text: 'wasm-threads=yes is not one of auto, on, off' });
    useStore.setState({ notice: null });
    bad.client.restart();
    expect(bad.worker(1).lastOf('init')).toMatchObject({ wasmThreads: 'auto' });
    expect(s().notice).toBeNull();
  });

  it("scores a finished run's validation outputs against the split that run trained on", () => {
    const { client, worker } = setup();
    const validation = { ...samples(2), y: Float32Array.of(1, 0, 0, 0, 1, 0) };
    const runId = client.train({ train: samples(8), validation });
    worker(0).reply({ type: 'done', runId, status: 'completed', epochsRun: 1, validationOutputs: Float32Array.of(0.9, 0.05, 0.05, 0.1, 0.8, 0.1) });
    expect(s().report).toMatchObject({ kind: 'classification' });
    const again = client.train(split);
    worker(0).reply({ type: 'done', runId: again, status: 'completed', epochsRun: 1, validationOutputs: new Float32Array(0) });
    // This run's split has no validation samples: there is nothing to score.
    expect(s().report).toBeNull();
  });

  it('on a crash rejects every request in flight, fails the run with a message and keeps graph and weights', async () => {
    const { client, worker } = setup();
    useStore.setState({ modelWeights: { key: graphKeyOf(graph), weights, source: 'trained' } });
    client.train(split);
    const prediction = client.predict(new Float32Array(4), 1);
    const exported = client.exportModel({});
    expect(client.pending).toBe(4);
    worker(0).crash('out of memory');
    await expect(prediction).rejects.toThrow('the training worker stopped (out of memory) before it answered; try again');
    await expect(exported).rejects.toThrow('the training worker stopped (out of memory) before it answered; try again');
    expect(s().run).toMatchObject({ status: 'failed', message: expect.stringContaining('The training worker stopped (out of memory), so the run ended.') });
    expect(s().notice).toMatchObject({ kind: 'error', text: expect.stringContaining("the last finished run's weights are kept") });
    expect(s().modelWeights?.weights).toBe(weights);
    expect(s().graph).toBe(graph);
    expect(worker(0).terminated).toBe(true);
    expect(client.pending).toBe(0);
  });

  it('hears of a worker that ended without an event when its lock comes free', async () => {
    const { client, worker, locks } = setup();
    client.train(split);
    const prediction = client.predict(new Float32Array(4), 1);
    worker(0).reply({ type: 'holding-lock' });
    locks.get(worker(0).lastOf('init').lock ?? '')?.();
    await expect(prediction).rejects.toThrow('the training worker stopped (it ended unexpectedly)');
    expect(s().run?.message).toMatch(/^The training worker stopped \(it ended unexpectedly\), so the run ended/);
  });

  it('on a restart rejects requests in flight, ends a live run and starts a worker on the new backend', async () => {
    const { client, workers, worker } = setup();
    client.train(split);
    const prediction = client.predict(new Float32Array(4), 1);
    useStore.setState({ backendChoice: 'cpu', backend: { name: 'wasm', reason: 'r' } });
    client.restart();
    await expect(prediction).rejects.toThrow('the training worker was restarted (to use the chosen backend) before it answered; try again');
    expect(s().run).toMatchObject({ status: 'failed', message: expect.stringContaining('The training worker was restarted') });
    expect(s().backend).toBeNull();
    expect(workers).toHaveLength(2);
    expect(worker(0).terminated).toBe(true);
    expect(worker(1).sent).toEqual([expect.objectContaining({ type: 'init', backend: 'cpu' })]);
    // A late answer of the old worker changes nothing.
    worker(0).reply({ type: 'started', runId: 1, epochs: 1, batchesPerEpoch: 1, samples: 8, initialEpoch: 0 });
    expect(s().run?.status).toBe('failed');
  });

  it('replaces a worker that does not answer Stop within a second; the run ends stopped with its message', () => {
    vi.useFakeTimers();
    const { client, workers, worker } = setup();
    const runId = client.train(split);
    worker(0).reply({ type: 'started', runId, epochs: 5, batchesPerEpoch: 1, samples: 8, initialEpoch: 0 });
    client.stop();
    expect(worker(0).lastOf('stop')).toEqual({ type: 'stop', runId });
    vi.advanceTimersByTime(999);
    expect(workers).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(worker(0).terminated).toBe(true);
    expect(worker(1).types).toEqual(['init']);
    expect(s().run).toMatchObject({ status: 'stopped', message: expect.stringContaining('did not answer Stop within a second') });
    expect(client.pending).toBe(0);
  });

  it('keeps the worker when the run answers Stop in time', () => {
    vi.useFakeTimers();
    const { client, workers, worker } = setup();
    const runId = client.train(split);
    client.stop();
    worker(0).reply({ type: 'done', runId, status: 'stopped', epochsRun: 0 });
    vi.advanceTimersByTime(5000);
    expect(workers).toHaveLength(1);
    expect(s().run?.status).toBe('stopped');
    expect(client.pending).toBe(0);
  });

  it('sends the weights before a prediction when the worker lacks them, again after a restart', async () => {
    const { client, worker } = setup();
    useStore.setState({ modelWeights: { key: graphKeyOf(graph), weights, source: 'imported' } });
    const first = client.predict(new Float32Array(4), 1);
    expect(worker(0).types).toEqual(['init', 'load-weights', 'predict']);
    worker(0).reply({ type: 'weights-loaded', requestId: worker(0).lastOf('load-weights').requestId });
    worker(0).reply({ type: 'prediction', requestId: worker(0).lastOf('predict').requestId, output: new Float32Array([1, 0, 0]) });
    expect([...(await first)]).toEqual([1, 0, 0]);
    later(client.predict(new Float32Array(4), 1));
    expect(worker(0).types).toEqual(['init', 'load-weights', 'predict', 'predict']);
    client.restart();
    later(client.predict(new Float32Array(4), 1));
    expect(worker(1).types).toEqual(['init', 'load-weights', 'predict']);
    expect([...(worker(1).lastOf('load-weights').weights[0]?.values ?? [])]).toEqual([0.5]);
  });

  it("checks an opened file's weights in the worker: a refusal rejects with the worker's reason and no notice of its own", async () => {
    const { client, worker } = setup();
    const refused = client.checkWeights(graph, weights);
    const sent = worker(0).lastOf('load-weights');
    expect(sent.weights[0]?.values).not.toBe(weights[0]?.values);
    worker(0).reply({ type: 'weights-loaded', requestId: sent.requestId, error: 'weight "dense_1/kernel" has shape [1] but the model\'s is [4, 64]' });
    await expect(refused).rejects.toThrow('weight "dense_1/kernel" has shape [1] but the model\'s is [4, 64]');
    expect(s().notice).toBeNull();
    expect(client.pending).toBe(0);
  });

  it('does not send checked weights again: the worker already holds them', async () => {
    const { client, worker } = setup();
    const check = client.checkWeights(graph, weights);
    worker(0).reply({ type: 'weights-loaded', requestId: worker(0).lastOf('load-weights').requestId });
    await check;
    client.loadImportedWeights(graph, weights);
    expect(s().modelWeights).toMatchObject({ key: graphKeyOf(graph), weights, source: 'imported' });
    later(client.predict(new Float32Array(4), 1));
    expect(worker(0).types).toEqual(['init', 'load-weights', 'predict']);
  });

  it('continues opened weights from their saved epoch count, and from 0 when the file had none', async () => {
    const { client, worker } = setup();
    client.loadImportedWeights(graph, weights, 2);
    expect(s().modelWeights).toMatchObject({ source: 'imported', epochs: 2 });
    expect(s().continueFrom).toBe('current');
    client.train(split);
    expect(worker(0).lastOf('train')).toMatchObject({ from: 'current', initialEpoch: 2 });
    expect(s().run).toMatchObject({ initialEpoch: 2, epoch: 2 });
    worker(0).reply({ type: 'done', runId: s().run?.runId ?? 0, status: 'completed', epochsRun: 1 });

    client.loadImportedWeights(graph, weights);
    expect(s().modelWeights?.epochs).toBeUndefined();
    client.train(split);
    expect(worker(0).lastOf('train')).toMatchObject({ from: 'current', initialEpoch: 0 });
  });

  it('fails a weight check in flight when the worker crashes', async () => {
    const { client, worker } = setup();
    const check = client.checkWeights(graph, weights);
    worker(0).crash('out of memory');
    await expect(check).rejects.toThrow(/out of memory/);
  });

  it('starts a new worker for a run after a crash, sending the dataset again', () => {
    const { client, workers, worker } = setup();
    client.train(split);
    worker(0).crash('');
    expect(s().run?.message).toContain('The training worker stopped (it crashed)');
    client.train(split);
    expect(workers).toHaveLength(2);
    expect(worker(1).types).toEqual(['init', 'dataset', 'train']);
    expect(s().run?.status).toBe('starting');
  });

  it('keeps a run’s weights in the store, and sends them again once a fresh run freed the worker’s copy', () => {
    const { client, worker } = setup();
    const runId = client.train(split);
    worker(0).reply({ type: 'done', runId, status: 'completed', epochsRun: 1, weights });
    expect(s().modelWeights).toMatchObject({ key: graphKeyOf(graph), weights, source: 'trained' });
    later(client.predict(new Float32Array(4), 1));
    expect(worker(0).types.at(-1)).toBe('predict');
    expect(worker(0).types).not.toContain('load-weights');
    client.train(split);
    later(client.predict(new Float32Array(4), 1));
    expect(worker(0).types.slice(-2)).toEqual(['load-weights', 'predict']);
  });

  it('gives up on a prediction the worker never answers, and says why weights could not be used', async () => {
    vi.useFakeTimers();
    const { client, worker } = setup({ requestTimeoutMs: 5000 });
    useStore.setState({ modelWeights: { key: graphKeyOf(graph), weights, source: 'imported' } });
    const prediction = client.predict(new Float32Array(4), 1);
    worker(0).reply({ type: 'weights-loaded', requestId: worker(0).lastOf('load-weights').requestId, error: 'The imported weights could not be used: bad' });
    expect(s().notice).toEqual({ kind: 'error', text: 'The imported weights could not be used: bad' });
    vi.advanceTimersByTime(5000);
    await expect(prediction).rejects.toThrow('the training worker did not answer within 5 s; try again');
    expect(client.pending).toBe(0);
  });

  it("asks for attention weights with the store's weights in the worker, and rejects with its reason when there are none", async () => {
    const { client, worker } = setup();
    useStore.setState({ modelWeights: { key: graphKeyOf(graph), weights, source: 'trained' } });
    const x = Float32Array.of(2, 5, 0, 0);
    const asked = client.attention(x);
    expect(worker(0).types).toEqual(['init', 'load-weights', 'attention']);
    expect(worker(0).lastOf('attention').x).toBe(x);
    const layers = [{ layer: 'mha', heads: 1, queryLength: 2, keyLength: 2, weights: Float32Array.of(0.5, 0.5, 0.1, 0.9) }];
    worker(0).reply({ type: 'attention-weights', requestId: worker(0).lastOf('attention').requestId, layers });
    expect(await asked).toBe(layers);
    const none = client.attention(x);
    worker(0).reply({
      type: 'attention-weights',
      requestId: worker(0).lastOf('attention').requestId,
      layers: [],
      error: 'the model has no MultiHeadAttention layer',
    });
    await expect(none).rejects.toThrow('the model has no MultiHeadAttention layer');
    const lost = client.attention(x);
    worker(0).crash('out of memory');
    await expect(lost).rejects.toThrow('the training worker stopped (out of memory) before it answered; try again');
    expect(client.pending).toBe(0);
  });

  it('resolves an export with its files, and rejects one the worker could not make', async () => {
    const { client, worker } = setup();
    const ok = client.exportModel({ project: 'p' });
    worker(0).reply({ type: 'exported', requestId: worker(0).lastOf('export').requestId, modelJson: '{}', weights: new Uint8Array(4), trained: false });
    expect(await ok).toEqual({ modelJson: '{}', weights: new Uint8Array(4), trained: false });
    const bad = client.exportModel({});
    worker(0).reply({ type: 'exported', requestId: worker(0).lastOf('export').requestId, trained: false, error: 'no memory' });
    await expect(bad).rejects.toThrow('no memory');
  });
});
