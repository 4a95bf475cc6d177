import type { Tf, TfLayer } from '../layer-spec';
import { ACTIVATION_EXTENSIONS } from './activations';
import { ensureExtension, type Extension } from './extension';
import { LAYER_EXTENSIONS } from './layers';

export { isAttentionLayer } from './multi-head-attention';
export type { AttentionLayer } from './multi-head-attention';

const ALL: readonly Extension[] = [...ACTIVATION_EXTENSIONS, ...LAYER_EXTENSIONS];

/**
 * Registers every class Netloom adds to tfjs 4.22 (Keras 3 activations, ZeroPadding1D, a full
 * ReLU and ELU, a trainable ThresholdedReLU, a Softmax over any axis, working Resizing,
 * CenterCrop, RandomWidth, CategoryEncoding, Cropping2D, Masking, AlphaDropout,
 * MultiHeadAttention, and KerasHub's PositionEmbedding and TokenAndPositionEmbedding). Building a
 * model does this by itself; call it before
 * `tf.loadLayersModel` of a Netloom file that uses one of them. Registering twice is harmless.
 */
export function registerNetloomLayers(tf: Tf): void {
  for (const ext of ALL) ensureExtension(tf, ext);
}

/** Layer class names Netloom registers: a model.json naming one needs netloom-layers.js to load. */
export const EXTENSION_LAYER_CLASSES: readonly string[] = LAYER_EXTENSIONS.map((e) => e.className);

/** Activation identifiers Netloom registers (camelCase, as tfjs looks them up): the same holds. */
export const EXTENSION_ACTIVATION_CLASSES: readonly string[] = ACTIVATION_EXTENSIONS.map((e) => e.className);

/** A new instance of a layer class Netloom registers, e.g. `netloomLayer(tf, 'ZeroPadding1D', {...})`. */
export function netloomLayer(tf: Tf, className: string, config: Record<string, unknown>): TfLayer {
  registerNetloomLayers(tf);
  const ext = LAYER_EXTENSIONS.find((e) => e.className === className);
  if (ext === undefined) throw new Error(`Netloom registers no layer class ${className}`);
  const cls = ensureExtension(tf, ext) as unknown as new (config: Record<string, unknown>) => TfLayer;
  return new cls(config);
}
