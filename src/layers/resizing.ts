import { UserFileError } from '../lib/errors';
import { defineLayer, fromKerasConfig } from './define-layer';
import { bool, choice, int, type ParamValues } from './params';
import { checkRank, ok } from './shape-utils';
import { netloomLayer } from './tfjs-extra/index';

const params = {
  height: int(224, 'Height of the output images, in pixels.', { min: 1 }),
  width: int(224, 'Width of the output images, in pixels.', { min: 1 }),
  interpolation: choice(
    ['bilinear', 'nearest'] as const,
    'bilinear',
    'How new pixels are computed: blended from their neighbours (bilinear) or copied from the nearest one.',
  ),
  crop_to_aspect_ratio: bool(false, "First crop the largest centred window with the output's aspect ratio, so images are not stretched."),
};

/**
 * Resizes images to a fixed size. Built from Netloom's Resizing class (tfjs-extra), which keeps
 * the batch axis and samples pixel centres as Keras does; tfjs 4.22's own does neither. Keras 3's
 * other interpolations and pad_to_aspect_ratio are not offered: that class does not compute them.
 */
export const resizing = defineLayer({
  kind: 'Resizing',
  kerasClass: 'Resizing',
  category: 'Preprocessing',
  keywords: ['image', 'resize', 'photo'],
  description:
    'Resizes every image (batch, height, width, channels) to height x width, e.g. to feed photos of any size to a model that needs 224 x 224. No weights.',
  params,
  arity: { min: 1, max: 1 },
  positional: ['height', 'width'],
  kerasRequired: ['height', 'width'],
  inferShape: ([input = []], p, ctx) => {
    const wrong = checkRank(input, 4, 'Resizing', '(batch, height, width, channels)', ctx);
    return wrong ?? ok([null, p.height, p.width, input[3] ?? null]);
  },
  countParams: () => ({ trainable: 0, nonTrainable: 0 }),
  toTfjs: (tf, p, name) =>
    netloomLayer(tf, 'Resizing', { name, height: p.height, width: p.width, interpolation: p.interpolation, cropToAspectRatio: p.crop_to_aspect_ratio }),
  fromKeras: (config) => {
    // Keras 3 options that change the pixels but that Netloom's class does not compute.
    for (const key of ['pad_to_aspect_ratio', 'antialias']) {
      if (config[key] === true) throw new UserFileError(`layer "${String(config.name)}" uses ${key}=True, which Netloom's Resizing does not compute`);
    }
    return fromKerasConfig(params, config) as ParamValues<typeof params>;
  },
});
