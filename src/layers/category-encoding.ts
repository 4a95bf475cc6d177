import { formatShape, lastDim } from '../graph/shape';
import { UserFileError } from '../lib/errors';
import { defineLayer, fromKerasConfig } from './define-layer';
import { choice, int, type ParamValues } from './params';
import { fail, ok } from './shape-utils';
import { netloomLayer } from './tfjs-extra/index';

const params = {
  num_tokens: int(10, 'How many different ids there are: ids run from 0 to num_tokens - 1, and each becomes one output position.', { min: 1 }),
  output_mode: choice(
    ['multi_hot', 'one_hot', 'count'] as const,
    'multi_hot',
    'multi_hot: 1 for every id present in the sample; one_hot: one vector per id; count: how often each id occurs.',
  ),
};

/** Keras's spellings of tfjs's modes: a config taken from tfjs's getConfig, not model.json, holds `multiHot`. */
const FROM_TFJS: Readonly<Record<string, string>> = { oneHot: 'one_hot', multiHot: 'multi_hot' };
const TO_TFJS = { one_hot: 'oneHot', multi_hot: 'multiHot', count: 'count' } as const;

/**
 * Turns integer ids into vectors of num_tokens. Built from Netloom's CategoryEncoding class
 * (tfjs-extra): tfjs 4.22's cannot one-hot several ids per sample.
 */
export const categoryEncoding = defineLayer({
  kind: 'CategoryEncoding',
  kerasClass: 'CategoryEncoding',
  category: 'Preprocessing',
  keywords: ['one-hot', 'onehot', 'categorical', 'tabular', 'text'],
  description: 'Turns integer category ids (0 to num_tokens - 1) into vectors: one_hot, multi_hot (which ids occur) or count (how often). No weights.',
  params,
  arity: { min: 1, max: 1 },
  positional: ['num_tokens'],
  inferShape: ([input = []], p, ctx) => {
    if (input.length < 2) return fail('wrong-rank', `CategoryEncoding ${ctx.name} needs ids (batch, ids) but gets ${formatShape(input)}`);
    const last = lastDim(input);
    if (p.output_mode === 'one_hot') {
      // The output has an axis more unless each sample is one id: (batch, 1) -> (batch, num_tokens).
      if (last === null) {
        return fail('unknown-dim', `CategoryEncoding ${ctx.name} with one_hot needs a known number of ids per sample, got ${formatShape(input)}`);
      }
      return ok(last === 1 ? [...input.slice(0, -1), p.num_tokens] : [...input, p.num_tokens]);
    }
    // Keras itself breaks on more axes: its symbolic shape and its output disagree there.
    if (input.length !== 2) {
      return fail(
        'wrong-rank',
        `CategoryEncoding with ${p.output_mode} needs a 2-D input (batch, ids) but ${ctx.name} gets ${input.length}-D ${formatShape(input)}`,
      );
    }
    return ok([null, p.num_tokens]);
  },
  countParams: () => ({ trainable: 0, nonTrainable: 0 }),
  toTfjs: (tf, p, name) => netloomLayer(tf, 'CategoryEncoding', { name, numTokens: p.num_tokens, outputMode: TO_TFJS[p.output_mode] }),
  fromKeras: (config) => {
    if (config.sparse === true) {
      throw new UserFileError(`layer "${String(config.name)}" uses sparse=True, which TensorFlow.js cannot run; Netloom encodes densely`);
    }
    const mode = typeof config.output_mode === 'string' ? (FROM_TFJS[config.output_mode] ?? config.output_mode) : config.output_mode;
    return fromKerasConfig(params, { ...config, output_mode: mode }) as ParamValues<typeof params>;
  },
});
