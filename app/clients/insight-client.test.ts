import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { seedExample } from '../../src/analysis/templates';
import type { SplitDataset } from '../../src/data/types';
import { denseSnapshot } from '../insight/insight-test-support';
import { EMPTY_INSIGHT } from '../store/insight-slice';
import { useStore } from '../store/store';
import { FLUSH_MS } from './run-messages';
import { setupClient } from './training-client-test-support';

const graph = seedExample(4, 3);
/** Iris-like samples: 4 features, one-hot among 3 named classes; sample i is of class i % 3. */
const samples = (count: number): SplitDataset['train'] => ({
  x: new Float32Array(count * 4),
  y: Float32Array.from({ length: count * 3 }, (_, k) => (Math.floor(k / 3) % 3 === k % 3 ? 1 : 0)),
  count,
  featureShape: [4],
  targetShape: [3],
  task: 'classification',
  classNames: ['setosa', 'versicolor', 'virginica'],
});
const split: SplitDataset = { train: samples(12), validation: samples(6) };
const s = () => useStore.getState();

beforeEach(() => {
  useStore.setState({ graph, run: null, modelWeights: null, notice: null, continueFrom: 'fresh', insight: EMPTY_INSIGHT, insightOn: true, insightSample: 0 });
});
afterEach(() => vi.useRealTimers());

describe('the training client and the views inside the network', () => {
  it('asks a run for the views on the chosen sample while they are on, and not when they are off', () => {
    const { client, worker } = setupClient();
    useStore.setState({ insightSample: 4 });
    const first = client.train(split);
    expect(worker(0).lastOf('train').insight).toEqual({ sample: 4 });
    worker(0).reply({ type: 'done', runId: first, status: 'completed', epochsRun: 1 });
    useStore.setState({ insightOn: false });
    client.train(split);
    expect(worker(0).lastOf('train')).not.toHaveProperty('insight');
  });

  it('tells a live run about another sample, and nothing once the run is over', () => {
    const { client, worker } = setupClient();
    const runId = client.train(split);
    client.insightOptions({ sample: 2 });
    expect(worker(0).lastOf('insight-options')).toEqual({ type: 'insight-options', runId, options: { sample: 2 } });
    worker(0).reply({ type: 'done', runId, status: 'completed', epochsRun: 1 });
    client.insightOptions({ sample: 3 });
    expect(worker(0).types.filter((t) => t === 'insight-options')).toHaveLength(1);
  });

  it('applies the views of the run in one update per flush, with the sample’s class, and drops an older run’s', () => {
    vi.useFakeTimers();
    const { client, worker } = setupClient();
    const runId = client.train(split);
    worker(0).reply({ type: 'insight', runId, snapshot: denseSnapshot(1, { sample: 4 }) });
    worker(0).reply({ type: 'insight', runId, snapshot: denseSnapshot(2, { sample: 4 }) });
    worker(0).reply({ type: 'insight', runId: runId - 1, snapshot: denseSnapshot(99) });
    // Nothing reaches the store (and nothing redraws) until the queue flushes.
    expect(s().insight.latest).toBeNull();
    vi.advanceTimersByTime(FLUSH_MS);
    expect(s().insight.latest?.snapshot.step).toBe(2);
    expect(s().insight.latest?.sample).toEqual({ count: 6, label: 'versicolor' });
    expect(s().insight.series['dense']?.points.map((p) => p.step)).toEqual([1, 2]);
    // The run's last views arrive with its end, not a flush later.
    worker(0).reply({ type: 'insight', runId, snapshot: denseSnapshot(3) });
    worker(0).reply({ type: 'done', runId, status: 'completed', epochsRun: 1 });
    expect(s().insight.latest?.snapshot.step).toBe(3);
  });

  it('asks for the views of the trained model on demand, and rejects with the worker’s reason', async () => {
    const { client, worker } = setupClient();
    const runId = client.train(split);
    worker(0).reply({ type: 'done', runId, status: 'completed', epochsRun: 1 });
    const answer = client.insight({ sample: 5 });
    const asked = worker(0).lastOf('insight');
    expect(asked.options).toEqual({ sample: 5 });
    worker(0).reply({ type: 'insight-answer', requestId: asked.requestId, snapshot: denseSnapshot(8, { sample: 5 }) });
    expect(await answer).toMatchObject({ snapshot: { step: 8 }, sample: { count: 6, label: 'virginica' } });
    const failing = client.insight({ sample: 0 });
    worker(0).reply({ type: 'insight-answer', requestId: worker(0).lastOf('insight').requestId, error: 'the model has not been built yet' });
    await expect(failing).rejects.toThrow('the model has not been built yet');
    expect(client.pending).toBe(0);
  });
});
