/**
 * Corpus recipes for tfjs's merge layer classes (test support): two or three inputs, each through
 * its own Dense first so that the merged values are learned ones.
 */
import type * as tfjs from '@tensorflow/tfjs';
import type { Tf, TfLayer } from '../layers/layer-spec';
import { netloomLayer } from '../layers/tfjs-extra';
import { apply } from './build-helpers';
import type { CorpusCase } from './corpus-model';

/**
 * Inputs of `shapes`, each through a Dense of `units` (a different size per input when `units`
 * is a list), merged by `merge`, then a Dense(2).
 */
function mergeCase(
  id: string,
  covers: readonly string[],
  shapes: readonly (readonly number[])[],
  units: number | readonly number[],
  merge: (tf: Tf) => TfLayer,
): CorpusCase {
  const build = (tf: Tf): tfjs.LayersModel => {
    const inputs = shapes.map((shape) => tf.input({ shape: [...shape] }));
    const branches = inputs.map((x, i) => apply(tf.layers.dense({ units: typeof units === 'number' ? units : (units[i] ?? 1) }), x));
    const merged = apply(merge(tf), branches);
    return tf.model({ inputs, outputs: apply(tf.layers.dense({ units: 2 }), merged) });
  };
  return { id, covers, build, samples: shapes.map((shape) => ({ shape })) };
}

/** Add, Concatenate, Multiply, Average, Maximum, Minimum, Dot, MultiHeadAttention. */
export const MERGE_CASES: readonly CorpusCase[] = [
  mergeCase('add', ['Add'], [[4], [3], [5]], 4, (tf) => tf.layers.add()),
  mergeCase(
    'concatenate',
    ['Concatenate'],
    [
      [3, 2],
      [3, 4],
    ],
    [2, 3],
    (tf) => tf.layers.concatenate({ axis: -1 }),
  ),
  mergeCase(
    'concatenate-axis1',
    ['Concatenate'],
    [
      [2, 3],
      [4, 3],
      [1, 3],
    ],
    2,
    (tf) => tf.layers.concatenate({ axis: 1 }),
  ),
  mergeCase('multiply', ['Multiply'], [[4], [4]], 3, (tf) => tf.layers.multiply()),
  mergeCase(
    'average',
    ['Average'],
    [
      [3, 2],
      [3, 5],
      [3, 1],
    ],
    4,
    (tf) => tf.layers.average(),
  ),
  mergeCase('maximum', ['Maximum'], [[4], [2], [6]], 3, (tf) => netloomLayer(tf, 'Maximum', {})),
  mergeCase(
    'minimum',
    ['Minimum'],
    [
      [3, 4],
      [3, 2],
    ],
    3,
    (tf) => netloomLayer(tf, 'Minimum', {}),
  ),
  mergeCase(
    'dot',
    ['Dot'],
    [
      [3, 4],
      [5, 2],
    ],
    3,
    (tf) => netloomLayer(tf, 'Dot', { axes: [2, 2], normalize: true }),
  ),
  mergeCase('dot-vectors', ['Dot'], [[4], [6]], 5, (tf) => netloomLayer(tf, 'Dot', { axes: -1 })),
  // MultiHeadAttention: self-attention on one input, then query attending over value on two. No
  // biases: the key bias cannot change the output (softmax ignores a shift shared by all keys).
  mergeCase('attention-self', ['MultiHeadAttention'], [[5, 3]], 4, (tf) =>
    netloomLayer(tf, 'MultiHeadAttention', { numHeads: 2, keyDim: 3, useCausalMask: true, useBias: false }),
  ),
  mergeCase(
    'attention-cross',
    ['MultiHeadAttention'],
    [
      [5, 3],
      [6, 2],
    ],
    [4, 3],
    (tf) => netloomLayer(tf, 'MultiHeadAttention', { numHeads: 2, keyDim: 2, valueDim: 3, outputShape: 5, useBias: false }),
  ),
];
