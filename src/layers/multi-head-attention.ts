import { formatShape, lastDim } from '../graph/shape';
import type { Shape } from '../graph/types';
import { UserFileError } from '../lib/errors';
import { defineLayer, fromKerasConfig, kerasCall } from './define-layer';
import type { ParamValues } from './params';
import type { InferResult, ShapeContext } from './layer-spec';
import { bool, float, int, optionalInt } from './params';
import { checkAttentionConfig, readAttentionCall } from './multi-head-attention-keras';
import { fail, fromWhat, known, ok } from './shape-utils';
import { netloomLayer } from './tfjs-extra';

const constructorParams = {
  num_heads: int(2, 'Number of attention heads; each attends on its own projection of the inputs.', { min: 1, alwaysEmit: true }),
  key_dim: int(16, 'Size of each head for query and key: the dot products that choose what to attend to.', { min: 1, alwaysEmit: true }),
  value_dim: optionalInt(null, 'Size of each head for value; None uses key_dim.', { min: 1, advanced: true }),
  dropout: float(0, 'Fraction of attention weights dropped during training.', { min: 0, max: 1, maxExclusive: true }),
  use_bias: bool(true, 'Add a learned bias to each projection (query, key, value and output).', { advanced: true }),
  output_shape: optionalInt(null, 'Size of the output features; None keeps the query’s feature size.', { min: 1, advanced: true }),
};

const params = {
  ...constructorParams,
  // Keras takes this when the layer is called (`mha(q, v, use_causal_mask=True)`), not in its config.
  use_causal_mask: bool(false, 'Let each position attend only to itself and earlier positions (a decoder, or next-token prediction).'),
};

/** The problem with one input, or null: attention here runs over (batch, seq, features). */
function checkInput(input: Shape, slot: number, ctx: ShapeContext): InferResult | null {
  const what = slot === 0 ? 'query' : 'value';
  if (input.length !== 3) {
    return fail(
      'wrong-rank',
      `MultiHeadAttention ${ctx.name} needs a 3-D ${what} (batch, seq, features) but gets ${input.length}-D ${formatShape(input)}${fromWhat(ctx, slot)}; ` +
        'Reshape it, or put an Embedding before it',
    );
  }
  if (lastDim(input) === null) {
    return fail('unknown-dim', `MultiHeadAttention ${ctx.name} needs a known feature size in its ${what} but gets ${formatShape(input)}${fromWhat(ctx, slot)}`);
  }
  return null;
}

/** Keras's MultiHeadAttention: self-attention on one input, or query attending over value (= key) on two. */
export const multiHeadAttention = defineLayer({
  kind: 'MultiHeadAttention',
  kerasClass: 'MultiHeadAttention',
  category: 'Attention',
  keywords: ['transformer', 'attention', 'self-attention', 'cross-attention', 'bert', 'gpt', 'text', 'nlp'],
  description:
    'Scaled dot-product attention with several heads (the Transformer block): each position of the query mixes the value positions it matches. One input: self-attention; two: (query, value).',
  params,
  arity: { min: 1, max: 2 },
  kerasRequired: ['num_heads', 'key_dim'],
  inferShape: (inputs, p, ctx) => {
    const [query = [], value = query] = inputs;
    for (const [slot, shape] of inputs.entries()) {
      const problem = checkInput(shape, slot, ctx);
      if (problem) return problem;
    }
    const [bq = null, bv = null] = [query[0], value[0]];
    if (bq !== null && bv !== null && bq !== bv) {
      return fail(
        'merge-mismatch',
        `MultiHeadAttention ${ctx.name}: query ${formatShape(query)} and value ${formatShape(value)} must have the same batch size`,
      );
    }
    return ok([...query.slice(0, -1), p.output_shape ?? lastDim(query)]);
  },
  countParams: ([query = [], value = query], p) => {
    const [dq, dv] = [known(lastDim(query)), known(lastDim(value))];
    const [h, k, v] = [p.num_heads, p.key_dim, p.value_dim ?? p.key_dim];
    const out = p.output_shape ?? dq;
    const bias = p.use_bias ? 2 * h * k + h * v + out : 0;
    return { trainable: dq * h * k + dv * h * k + dv * h * v + h * v * out + bias, nonTrainable: 0 };
  },
  toTfjs: (tf, p, name) =>
    netloomLayer(tf, 'MultiHeadAttention', {
      name,
      numHeads: p.num_heads,
      keyDim: p.key_dim,
      valueDim: p.value_dim,
      dropout: p.dropout,
      useBias: p.use_bias,
      outputShape: p.output_shape,
      useCausalMask: p.use_causal_mask,
    }),
  // use_causal_mask goes to the call (kerasCallArgs), not the constructor.
  toKeras: (p, name) => kerasCall('MultiHeadAttention', constructorParams, [], p, name),
  // A Keras file keeps use_causal_mask in the layer's call, which fromKerasCall reads into the
  // config; Netloom's own files (via tfjs) carry it there. A config without it was read without
  // its call, and reading it as unmasked could change the model unseen.
  fromKeras: (config) => {
    const layer = typeof config.name === 'string' ? config.name : '?';
    if (!('use_causal_mask' in config)) {
      throw new UserFileError(
        `layer "${layer}" is a Keras MultiHeadAttention read without its call, where Keras keeps use_causal_mask (not in the config); Netloom cannot import it so`,
      );
    }
    checkAttentionConfig(config, layer);
    return fromKerasConfig(params, config) as ParamValues<typeof params>;
  },
  fromKerasCall: readAttentionCall,
  kerasCallArgs: (sources, p) => {
    const [query = '', value = query] = sources;
    return [query, value, ...(p.use_causal_mask ? ['use_causal_mask=True'] : [])].join(', ');
  },
});
