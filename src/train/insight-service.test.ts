import { describe, expect, it } from 'vitest';
import { DEFAULT_CALLBACKS } from '../settings/callbacks';
import { XOR, config, harness, mlp } from './trainer-test-support';

describe('the trainer service with the views on', () => {
  it('posts insight snapshots of the run, takes a new sample mid-run, and answers insight from the current model', async () => {
    const h = await harness();
    h.onPost = (m) => {
      if (m.type === 'started') void h.send({ type: 'insight-options', runId: 1, options: { sample: 5 } });
    };
    await h.send({ type: 'dataset', datasetId: 'd1', train: XOR.train, validation: XOR.validation });
    await h.send({
      type: 'train',
      runId: 1,
      datasetId: 'd1',
      graph: mlp(),
      config: config({ epochs: 3 }),
      callbacks: DEFAULT_CALLBACKS,
      from: 'fresh',
      insight: { sample: 3 },
    });
    const snaps = h.of('insight');
    expect(h.of('done')[0]?.status).toBe('completed');
    expect(snaps.length).toBeGreaterThan(0);
    expect(snaps.every((m) => m.runId === 1)).toBe(true);
    // The run asked for sample 3; the options sent on 'started' came before the first step.
    expect(snaps[0]?.snapshot).toMatchObject({ epoch: 0, batch: 0, step: 0, sample: 5 });
    expect(snaps[0]?.snapshot.layers.some((l) => l.gradNorm !== undefined)).toBe(true);
    expect(snaps[0]?.snapshot.boundary?.layers).toHaveLength(2);

    await h.send({ type: 'insight', requestId: 9, options: { sample: 1000 } });
    const answer = h.of('insight-answer')[0];
    expect(answer?.requestId).toBe(9);
    expect(answer?.error).toBeUndefined();
    expect(answer?.snapshot).toMatchObject({ epoch: -1, batch: -1, step: -1, sample: XOR.validation.count - 1 });
    expect(answer?.snapshot?.layers.some((l) => l.weightNorm !== undefined && l.gradNorm === undefined)).toBe(true);
  });

  it('posts no snapshots without the views, and says why it cannot answer insight before any training', async () => {
    const h = await harness();
    await h.send({ type: 'insight', requestId: 1, options: { sample: 0 } });
    expect(h.of('insight-answer')[0]?.error).toBe('train the model first');
    await h.train(2, mlp());
    expect(h.of('insight')).toHaveLength(0);
  });
});
