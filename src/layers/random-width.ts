import { UserFileError } from '../lib/errors';
import { defineLayer, fromKerasConfig } from './define-layer';
import { choice, float, optionalInt, type ParamValues } from './params';
import { checkRank, ok } from './shape-utils';
import { netloomLayer } from './tfjs-extra/index';

const params = {
  factor: float(0.2, 'How much the width may change while training: 0.2 stretches or squeezes each batch by a random amount up to 20%.', {
    min: 0,
    max: 1,
  }),
  interpolation: choice(['bilinear', 'nearest'] as const, 'bilinear', 'How the resized pixels are computed: blended (bilinear) or copied (nearest).'),
  seed: optionalInt(null, 'Seed of the random widths, for repeatable runs; empty draws a new sequence each time.', { advanced: true }),
};

const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/**
 * Keras 2's RandomWidth, from Netloom's class (tfjs-extra), since tfjs 4.22's reports a wrong
 * symbolic shape and resizes at prediction time too. The factor is symmetric, [-factor, factor]:
 * a (lower, upper) pair has no spec type (there is no pair of real numbers), so a file with an
 * uneven pair is refused. Keras 3 has no RandomWidth, and none of its layers changes the width
 * at random, so the Keras line is Keras 2's (tf.keras), which Keras 3 cannot run.
 */
export const randomWidth = defineLayer({
  kind: 'RandomWidth',
  kerasClass: 'RandomWidth',
  category: 'Preprocessing',
  description:
    'Augmentation: while training, stretches or squeezes each batch of images to a random width (up to factor either way), so the width becomes unknown (None). Passes images through unchanged at prediction time.',
  params,
  arity: { min: 1, max: 1 },
  positional: ['factor'],
  inferShape: ([input = []], _p, ctx) => {
    const wrong = checkRank(input, 4, 'RandomWidth', '(batch, height, width, channels)', ctx);
    return wrong ?? ok([null, input[1] ?? null, null, input[3] ?? null]);
  },
  countParams: () => ({ trainable: 0, nonTrainable: 0 }),
  // The pair form: stock tfjs, reading the saved file without Netloom, refuses a factor of 0 as a number.
  toTfjs: (tf, p, name) =>
    netloomLayer(tf, 'RandomWidth', { name, factor: [-p.factor, p.factor], interpolation: p.interpolation, ...(p.seed === null ? {} : { seed: p.seed }) }),
  fromKeras: (config) => {
    const raw = config.factor;
    let factor = raw;
    if (Array.isArray(raw)) {
      const [lower, upper] = raw as unknown[];
      if (raw.length !== 2 || !isNumber(lower) || !isNumber(upper) || lower !== -upper) {
        throw new UserFileError(
          `layer "${String(config.name)}" has factor=${JSON.stringify(raw)}; Netloom takes an even factor, (-f, f), written as the single number f`,
        );
      }
      factor = upper;
    }
    return fromKerasConfig(params, { ...config, factor }) as ParamValues<typeof params>;
  },
});
