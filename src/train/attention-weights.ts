/**
 * The attention weights of a model's MultiHeadAttention layers for one sample, for try-it's
 * heatmaps: each layer's inputs as the model computes them, then the layer's own softmax
 * probabilities (the same code its `call` runs), so they are exactly what the output was made of.
 */
import type * as tfjs from '@tensorflow/tfjs';
import type { Tf } from '../layers/layer-spec';
import { isAttentionLayer } from '../layers/tfjs-extra';
import { inputTensor } from './trainer-models';

/** One attention layer's weights for one sample. */
export interface AttentionWeights {
  /** The layer's name, as in the graph. */
  readonly layer: string;
  readonly heads: number;
  /** Query positions (rows) and key positions (columns). */
  readonly queryLength: number;
  readonly keyLength: number;
  /** (heads, queryLength, keyLength), row-major; each row sums to 1. */
  readonly weights: Float32Array;
}

/** The symbolic inputs of a layer, each once: [query] for self-attention, [query, value] for cross-attention. */
function inputsOf(layer: tfjs.layers.Layer): tfjs.SymbolicTensor[] {
  const input = layer.input;
  return Array.isArray(input) ? input : [input];
}

/**
 * The attention weights of every MultiHeadAttention layer of `model` (in the model's layer order)
 * for the one sample `x`, in inference mode (no dropout). Throws, saying so, when the model has
 * none or takes more than one input.
 */
export function attentionWeights(tf: Tf, model: tfjs.LayersModel, x: Float32Array): AttentionWeights[] {
  const layers = model.layers.filter(isAttentionLayer);
  if (layers.length === 0) throw new Error('the model has no MultiHeadAttention layer, so it has no attention weights to show');
  if (model.inputs.length !== 1) throw new Error(`attention weights need a model with one input; this one has ${model.inputs.length}`);
  const wanted = layers.map(inputsOf);
  const outputs = [...new Set(wanted.flat())];
  // A model of the layers' inputs shares the trained layers; it is never disposed, which would
  // release their weights.
  const upTo = tf.model({ inputs: model.inputs, outputs });
  return tf.tidy(() => {
    const computed = upTo.predict(inputTensor(tf, model, x, 1));
    const values = new Map(outputs.map((s, i) => [s, Array.isArray(computed) ? (computed[i] as tfjs.Tensor) : computed]));
    return layers.map((layer, i) => {
      const [query, value] = (wanted[i] as tfjs.SymbolicTensor[]).map((s) => values.get(s) as tfjs.Tensor);
      const probs = layer.attentionProbabilities(query as tfjs.Tensor, value);
      const [, heads = 0, queryLength = 0, keyLength = 0] = probs.shape;
      return { layer: layer.name, heads, queryLength, keyLength, weights: (probs.dataSync() as Float32Array).slice() };
    });
  });
}
