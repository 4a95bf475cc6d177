import * as tf from '@tensorflow/tfjs';
import { afterAll, describe, expect, it } from 'vitest';
import { registerFastGradients, tileGradient } from './tile-gradient';
import { seeded } from './wasm-kernels/test-support';

const original = tf.getGradient('Tile');
afterAll(() => {
  if (original) tf.registerGradient(original);
});

const gradOfTile = (shape: number[], reps: number[]) =>
  tf.tidy(() => {
    const x = tf.tensor(
      seeded(
        shape.reduce((a, b) => a * b, 1),
        3,
      ),
      shape,
    );
    const weights = tf.tensor(
      seeded(
        shape.reduce((a, b, i) => a * b * (reps[i] ?? 1), 1),
        5,
      ),
      shape.map((s, i) => s * (reps[i] ?? 1)),
    );
    return Array.from(
      tf
        .grad((v: tf.Tensor) => tf.sum(tf.mul(tf.tile(v, reps), weights)))(x)
        .dataSync(),
    );
  });

describe("Netloom's Tile gradient", () => {
  it.each([
    [[3], [4]],
    [
      [2, 3],
      [1, 5],
    ],
    [
      [1, 1, 4],
      [6, 7, 1],
    ],
    [
      [2, 1, 3, 2],
      [2, 3, 1, 2],
    ],
  ])('matches tfjs 4.22 on x %j tiled %j', (shape, reps) => {
    if (!original) throw new Error('tfjs has no Tile gradient');
    tf.registerGradient(original);
    const theirs = gradOfTile(shape, reps);
    registerFastGradients(tf);
    const ours = gradOfTile(shape, reps);
    expect(ours).toHaveLength(theirs.length);
    ours.forEach((v, i) => expect(v).toBeCloseTo(theirs[i] ?? NaN, 5));
  });

  it('handles rank 5, which tfjs 4.22 does not, and costs one reshape and one sum', async () => {
    registerFastGradients(tf);
    const x = tf.ones([1, 2, 1, 2, 1]);
    const g = tf.grad((v: tf.Tensor) => tf.sum(tf.tile(v, [2, 1, 3, 1, 2])))(x);
    expect(Array.from(g.dataSync())).toEqual([12, 12, 12, 12]);
    tf.dispose([x, g]);
    const dy = tf.ones([8, 8, 4]);
    const saved = [tf.zeros([1, 1, 4])];
    const info = await tf.profile(() => {
      const { x: dx } = tileGradient(tf).gradFunc(dy, saved, { reps: [8, 8, 1] }) as { x: () => tf.Tensor };
      return dx();
    });
    tf.dispose([dy, ...saved]);
    expect(info.kernels.map((k) => k.name)).toEqual(['Reshape', 'Sum']);
  });
});
