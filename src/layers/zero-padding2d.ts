import { defineLayer } from './define-layer';
import { pairs } from './params';
import { checkRank, ok } from './shape-utils';

const params = {
  padding: pairs(
    2,
    [
      [1, 1],
      [1, 1],
    ],
    'Rows of zeros added above and below, and columns added left and right; the two sides may differ, as MobileNetV2 pads ((0, 1), (0, 1)).',
  ),
};

const grow = (d: number | null, [before = 0, after = 0]: readonly number[]) => (d === null ? null : d + before + after);

/** Pads images with zeros, possibly more on one side than the other. */
export const zeroPadding2d = defineLayer({
  kind: 'ZeroPadding2D',
  kerasClass: 'ZeroPadding2D',
  category: 'Reshaping',
  keywords: ['image', 'pad'],
  description: 'Adds rows and columns of zeros around each image, e.g. to keep the size through a "valid" convolution.',
  params,
  arity: { min: 1, max: 1 },
  positional: ['padding'],
  inferShape: ([input = []], p, ctx) => {
    const wrong = checkRank(input, 4, 'ZeroPadding2D', '(batch, height, width, channels)', ctx);
    if (wrong) return wrong;
    const [rows = [0, 0], cols = [0, 0]] = p.padding;
    return ok([null, grow(input[1] ?? null, rows), grow(input[2] ?? null, cols), input[3] ?? null]);
  },
  countParams: () => ({ trainable: 0, nonTrainable: 0 }),
  toTfjs: (tf, p, name) =>
    tf.layers.zeroPadding2d({ padding: p.padding.map((pair) => [pair[0] ?? 0, pair[1] ?? 0]) as [[number, number], [number, number]], name }),
});
