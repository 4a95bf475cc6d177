/**
 * Small helpers the corpus recipes build with (test support): plain tfjs calls, nothing from
 * Netloom's layer specs.
 */
import type * as tfjs from '@tensorflow/tfjs';
import type { Tf, TfLayer } from '../layers/layer-spec';
import type { CorpusCase, Sample } from './corpus-model';

type Symbolic = tfjs.SymbolicTensor;

/** Applies `layer` to one or more symbolic tensors and returns the one it outputs. */
export const apply = (layer: TfLayer, x: Symbolic | Symbolic[]): Symbolic => layer.apply(x) as Symbolic;

/** A functional model: one input of `shape` (None sizes allowed) through `layers` in order. */
export function chain(tf: Tf, shape: readonly (number | null)[], layers: readonly TfLayer[], name?: string): tfjs.LayersModel {
  const input = tf.input({ shape: [...shape] });
  const output = layers.reduce<Symbolic>((x, layer) => apply(layer, x), input);
  return tf.model({ inputs: input, outputs: output, ...(name === undefined ? {} : { name }) });
}

/** A recipe for a one-input chain: covers `covers`, fed floats of `sample` (its None sizes filled). */
export function chainCase(
  id: string,
  covers: readonly string[],
  shape: readonly (number | null)[],
  layers: (tf: Tf) => readonly TfLayer[],
  sample: Sample = { shape: shape.map((d) => d ?? 5) },
): CorpusCase {
  return { id, covers, build: (tf) => chain(tf, shape, layers(tf)), samples: [sample] };
}
