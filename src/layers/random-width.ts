import { UserFileError } from '../lib/errors';
import { defineLayer, fromKerasConfig, kerasCall } from './define-layer';
import { choice, float, optionalFloat, optionalInt, type ParamValues } from './params';
import { checkRank, fail, ok } from './shape-utils';
import { netloomLayer } from './tfjs-extra/index';

const params = {
  factor: float(0.2, 'How much the width may change while training: 0.2 stretches or squeezes each batch by a random amount up to 20%.', {
    min: 0,
    max: 1,
  }),
  // Keras writes factor=(lower, upper) when the two differ; Netloom keeps the upper bound in
  // `factor` and the lower one here, so the common symmetric case stays one number.
  factor_lower: optionalFloat(
    null,
    'The lower bound of the change when it is not -factor: -0.1 with factor 0.3 changes the width by -10% to +30%. Empty means -factor.',
    {
      min: -1,
      max: 1,
      advanced: true,
    },
  ),
  interpolation: choice(['bilinear', 'nearest'] as const, 'bilinear', 'How the resized pixels are computed: blended (bilinear) or copied (nearest).'),
  seed: optionalInt(null, 'Seed of the random widths, for repeatable runs; empty draws a new sequence each time.', { advanced: true }),
};

const { factor_lower: _lower, ...restParams } = params;

const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const lowerOf = (p: { factor: number; factor_lower: number | null }) => p.factor_lower ?? -p.factor;

/**
 * Keras 2's RandomWidth, from Netloom's class (tfjs-extra), since tfjs 4.22's reports a wrong
 * symbolic shape and resizes at prediction time too. The change is drawn from
 * [factor_lower, factor], factor_lower defaulting to -factor as Keras's single number means. Keras 3 has no RandomWidth, and none of its layers changes the width
 * at random, so a Keras script defines Keras 2's as a small class of its own (`kerasDefinition`)
 * and calls that. Its width changes from batch to batch, which the TensorFlow backend (the
 * script's default) trains with; JAX compiles for fixed shapes.
 */
export const randomWidth = defineLayer({
  kind: 'RandomWidth',
  kerasClass: 'RandomWidth',
  category: 'Preprocessing',
  keywords: ['image', 'augmentation'],
  description:
    'Augmentation: while training, stretches or squeezes each batch of images to a random width (up to factor either way), so the width becomes unknown (None). Passes images through unchanged at prediction time.',
  params,
  arity: { min: 1, max: 1 },
  positional: ['factor'],
  inferShape: ([input = []], p, ctx) => {
    const wrong = checkRank(input, 4, 'RandomWidth', '(batch, height, width, channels)', ctx);
    if (wrong) return wrong;
    if (lowerOf(p) > p.factor) return fail('invalid-param', `RandomWidth ${ctx.name}: factor_lower ${lowerOf(p)} is above factor ${p.factor}`);
    return ok([null, input[1] ?? null, null, input[3] ?? null]);
  },
  countParams: () => ({ trainable: 0, nonTrainable: 0 }),
  kerasDefinition: {
    name: 'RandomWidth',
    lines: [
      '@keras.saving.register_keras_serializable(package="netloom")',
      'class RandomWidth(keras.layers.Layer):',
      '    """Keras 2\'s RandomWidth, which Keras 3 dropped: while training, resizes each batch to a random',
      '    width within (1 - factor, 1 + factor), or (1 + lower, 1 + upper), of its own; at prediction, passes the images through."""',
      '',
      '    def __init__(self, factor, interpolation="bilinear", seed=None, **kwargs):',
      '        super().__init__(**kwargs)',
      '        self.factor = factor',
      '        self.interpolation = interpolation',
      '        self.seed = seed',
      '        self.generator = keras.random.SeedGenerator(seed)',
      '',
      '    def call(self, images, training=None):',
      '        if not training:',
      '            return images',
      '        height, width = keras.ops.shape(images)[1], keras.ops.shape(images)[2]',
      '        lower, upper = self.factor if isinstance(self.factor, (tuple, list)) else (-self.factor, self.factor)',
      '        scale = keras.random.uniform((), 1.0 + lower, 1.0 + upper, seed=self.generator)',
      '        new_width = keras.ops.cast(keras.ops.cast(width, "float32") * scale, "int32")',
      '        return keras.ops.image.resize(images, (height, new_width), interpolation=self.interpolation)',
      '',
      '    def compute_output_shape(self, input_shape):',
      '        return (input_shape[0], input_shape[1], None, input_shape[3])',
      '',
      '    def get_config(self):',
      '        return {**super().get_config(), "factor": self.factor, "interpolation": self.interpolation, "seed": self.seed}',
    ],
  },
  // The script's own class: Keras 3 has no layers.RandomWidth.
  toKeras: (p, name) => {
    const { factor_lower: lower, ...rest } = p;
    const line = kerasCall('RandomWidth', restParams, ['factor'], rest, name).replace(/^layers\./, '');
    // An uneven range is Keras 2's factor=(lower, upper).
    return lower === null ? line : line.replace(/^RandomWidth\([^,)]*/, `RandomWidth((${lower}, ${p.factor})`);
  },
  // The pair form: stock tfjs, reading the saved file without Netloom, refuses a factor of 0 as a number.
  toTfjs: (tf, p, name) =>
    netloomLayer(tf, 'RandomWidth', { name, factor: [lowerOf(p), p.factor], interpolation: p.interpolation, ...(p.seed === null ? {} : { seed: p.seed }) }),
  fromKeras: (config) => {
    const raw = config.factor;
    let factor = raw;
    let lower: number | null = null;
    if (Array.isArray(raw)) {
      const [low, upper] = raw as unknown[];
      if (raw.length !== 2 || !isNumber(low) || !isNumber(upper) || low > upper) {
        throw new UserFileError(`layer "${String(config.name)}" has factor=${JSON.stringify(raw)}; it takes a number, or (lower, upper) with lower <= upper`);
      }
      factor = upper;
      lower = low === -upper ? null : low;
    }
    return { ...(fromKerasConfig(params, { ...config, factor, factor_lower: lower }) as ParamValues<typeof params>), factor_lower: lower };
  },
});
