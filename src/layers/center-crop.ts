import { formatShape } from '../graph/shape';
import { defineLayer } from './define-layer';
import { int } from './params';
import { checkRank, fail, ok } from './shape-utils';
import { netloomLayer } from './tfjs-extra/index';

const params = {
  height: int(224, 'Height of the centred window kept from each image, in pixels.', { min: 1 }),
  width: int(224, 'Width of the centred window kept from each image, in pixels.', { min: 1 }),
};

/**
 * Keeps the centre of each image. Built from Netloom's CenterCrop class (tfjs-extra): tfjs 4.22's
 * overwrites its input's symbolic shape, crops one column off centre when the widths differ by 1,
 * and has no gradient (it crops with CropAndResize).
 */
export const centerCrop = defineLayer({
  kind: 'CenterCrop',
  kerasClass: 'CenterCrop',
  category: 'Preprocessing',
  keywords: ['image', 'crop'],
  description: 'Keeps the central height x width window of every image (batch, height, width, channels) and drops the border. No weights.',
  params,
  arity: { min: 1, max: 1 },
  positional: ['height', 'width'],
  kerasRequired: ['height', 'width'],
  inferShape: ([input = []], p, ctx) => {
    const wrong = checkRank(input, 4, 'CenterCrop', '(batch, height, width, channels)', ctx);
    if (wrong) return wrong;
    const [h = null, w = null] = input.slice(1);
    // Keras resizes (crop to aspect ratio, then bilinear) instead of cropping when the window is
    // larger than the image: almost always a mistake in a model, so it is refused where known.
    if ((h !== null && p.height > h) || (w !== null && p.width > w)) {
      return fail(
        'invalid-param',
        `CenterCrop ${ctx.name} keeps a ${p.height} x ${p.width} window of a smaller image ${formatShape(input)}; ` +
          'the window must fit inside the image (use Resizing to enlarge images)',
      );
    }
    return ok([null, p.height, p.width, input[3] ?? null]);
  },
  countParams: () => ({ trainable: 0, nonTrainable: 0 }),
  toTfjs: (tf, p, name) => netloomLayer(tf, 'CenterCrop', { name, height: p.height, width: p.width }),
});
