import { UserFileError } from '../lib/errors';
import { defineLayer, fromKerasConfig, kerasCall } from './define-layer';
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
 * at random, so a Keras script defines Keras 2's as a small class of its own (`kerasDefinition`)
 * and calls that. Its width changes from batch to batch, which the TensorFlow backend (the
 * script's default) trains with; JAX compiles for fixed shapes.
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
  kerasDefinition: {
    name: 'RandomWidth',
    lines: [
      '@keras.saving.register_keras_serializable(package="netloom")',
      'class RandomWidth(keras.layers.Layer):',
      '    """Keras 2\'s RandomWidth, which Keras 3 dropped: while training, resizes each batch to a random',
      '    width within (1 - factor, 1 + factor) of its own; at prediction, passes the images through."""',
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
      '        scale = keras.random.uniform((), 1.0 - self.factor, 1.0 + self.factor, seed=self.generator)',
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
  toKeras: (p, name) => kerasCall('RandomWidth', params, ['factor'], p, name).replace(/^layers\./, ''),
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
