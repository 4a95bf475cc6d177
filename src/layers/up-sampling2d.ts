import { defineLayer, tfjsConfig } from './define-layer';
import { choice, ints } from './params';
import { checkRank, ok } from './shape-utils';

const params = {
  size: ints([2, 2], 'How many times to repeat each row and column.', { length: 2, min: 1 }),
  interpolation: choice(['nearest', 'bilinear'] as const, 'nearest', 'How new pixels are filled: copies (nearest) or blends (bilinear).'),
};

/** Enlarges images by repeating (or interpolating) rows and columns. */
export const upSampling2d = defineLayer({
  kind: 'UpSampling2D',
  kerasClass: 'UpSampling2D',
  category: 'Reshaping',
  keywords: ['image', 'upsample', 'enlarge', 'decoder'],
  description: 'Enlarges each image by a whole factor, repeating or interpolating pixels; no weights. Used in decoders (U-Net).',
  params,
  arity: { min: 1, max: 1 },
  positional: ['size'],
  inferShape: ([input = []], p, ctx) => {
    const wrong = checkRank(input, 4, 'UpSampling2D', '(batch, height, width, channels)', ctx);
    if (wrong) return wrong;
    const [h = null, w = null, c = null] = input.slice(1);
    const [sh = 1, sw = 1] = p.size;
    return ok([null, h === null ? null : h * sh, w === null ? null : w * sw, c]);
  },
  countParams: () => ({ trainable: 0, nonTrainable: 0 }),
  toTfjs: (tf, p, name) => tf.layers.upSampling2d(tfjsConfig(tf, params, p, name)),
});
