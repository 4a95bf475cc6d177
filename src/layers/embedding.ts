import { formatShape } from '../graph/shape';
import { defineLayer, tfjsConfig } from './define-layer';
import { bool, int } from './params';
import { fail, ok } from './shape-utils';

const params = {
  input_dim: int(1000, 'Vocabulary size: the largest token id plus one.', { min: 1 }),
  output_dim: int(64, 'Length of the vector learned for each token.', { min: 1 }),
  mask_zero: bool(false, 'Treat token 0 as padding that later recurrent layers skip.'),
};

/** Maps integer token ids to learned vectors. */
export const embedding = defineLayer({
  kind: 'Embedding',
  kerasClass: 'Embedding',
  category: 'Core',
  keywords: ['text', 'sequence', 'word', 'token', 'vocabulary', 'nlp', 'word2vec', 'textvectorization'],
  description: 'Turns integer token ids (words, characters) into learned dense vectors: (None, steps) to (None, steps, output_dim).',
  params,
  arity: { min: 1, max: 1 },
  positional: ['input_dim', 'output_dim'],
  kerasRequired: ['input_dim', 'output_dim'],
  inferShape: ([input = []], p, ctx) => {
    if (input.length < 2) return fail('wrong-rank', `Embedding ${ctx.name} needs token ids (batch, steps), got ${formatShape(input)}`);
    return ok([...input, p.output_dim]);
  },
  countParams: (_inputs, p) => ({ trainable: p.input_dim * p.output_dim, nonTrainable: 0 }),
  toTfjs: (tf, p, name) => tf.layers.embedding(tfjsConfig(tf, params, p, name)),
});
