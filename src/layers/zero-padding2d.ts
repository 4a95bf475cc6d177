import { defineLayer, fromKerasConfig, tfjsConfig } from './define-layer';
import { UserFileError } from '../lib/errors';
import { ints } from './params';
import { checkRank, ok } from './shape-utils';

const params = {
  padding: ints([1, 1], 'Rows of zeros added above and below, and columns added left and right.', { length: 2, min: 0 }),
};

/** Pads images with zeros on every side. */
export const zeroPadding2d = defineLayer({
  kind: 'ZeroPadding2D',
  kerasClass: 'ZeroPadding2D',
  category: 'Reshaping',
  description: 'Adds rows and columns of zeros around each image, e.g. to keep the size through a "valid" convolution.',
  params,
  arity: { min: 1, max: 1 },
  positional: ['padding'],
  inferShape: ([input = []], p, ctx) => {
    const wrong = checkRank(input, 4, 'ZeroPadding2D', '(batch, height, width, channels)', ctx);
    if (wrong) return wrong;
    const [h = null, w = null, c = null] = input.slice(1);
    const [ph = 0, pw = 0] = p.padding;
    return ok([null, h === null ? null : h + 2 * ph, w === null ? null : w + 2 * pw, c]);
  },
  countParams: () => ({ trainable: 0, nonTrainable: 0 }),
  toTfjs: (tf, p, name) => tf.layers.zeroPadding2d(tfjsConfig(tf, params, p, name)),
  fromKeras: (config) => {
    // Keras writes ((top, bottom), (left, right)); Netloom pads symmetrically.
    const raw = config.padding;
    if (Array.isArray(raw) && raw.every(Array.isArray)) {
      const [[t, b], [l, r]] = raw as [number[], number[]];
      if (t !== b || l !== r) {
        throw new UserFileError(`layer "${String(config.name)}" pads unevenly ${JSON.stringify(raw)}; Netloom pads the same on both sides`);
      }
      return { padding: [t ?? 0, l ?? 0] };
    }
    return fromKerasConfig(params, config) as { padding: readonly number[] };
  },
});
