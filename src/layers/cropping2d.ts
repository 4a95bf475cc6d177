import { formatShape } from '../graph/shape';
import { defineLayer } from './define-layer';
import { pairs } from './params';
import { checkRank, fail, ok } from './shape-utils';
import { netloomLayer } from './tfjs-extra';

const params = {
  cropping: pairs(
    2,
    [
      [0, 0],
      [0, 0],
    ],
    'Rows removed at the top and bottom, and columns removed at the left and right.',
    { min: 0 },
  ),
};

/** Removes rows and columns at the edges of each image. */
export const cropping2d = defineLayer({
  kind: 'Cropping2D',
  kerasClass: 'Cropping2D',
  category: 'Reshaping',
  keywords: ['image', 'crop'],
  description: 'Cuts rows and columns off the edges of each image, e.g. to trim a border or to match the size of another branch before merging (U-Net).',
  params,
  arity: { min: 1, max: 1 },
  positional: ['cropping'],
  inferShape: ([input = []], p, ctx) => {
    const wrong = checkRank(input, 4, 'Cropping2D', '(batch, height, width, channels)', ctx);
    if (wrong) return wrong;
    const [[top = 0, bottom = 0] = [], [left = 0, right = 0] = []] = p.cropping;
    const [h = null, w = null, c = null] = input.slice(1);
    const axes = [
      { size: h, cut: top + bottom, what: 'rows' },
      { size: w, cut: left + right, what: 'columns' },
    ];
    // Keras refuses a crop that leaves nothing; an unknown (None) size is checked only at run time.
    const empty = axes.find(({ size, cut }) => size !== null && cut >= size);
    if (empty) {
      return fail(
        'empty-output',
        `Cropping2D ${ctx.name} removes ${empty.cut} ${empty.what} of the ${String(empty.size)} in ${formatShape(input)}, so the ` +
          `output would be empty; crop fewer than ${String(empty.size)} ${empty.what} in all`,
      );
    }
    const out = axes.map(({ size, cut }) => (size === null ? null : size - cut));
    return ok([null, ...out, c]);
  },
  countParams: () => ({ trainable: 0, nonTrainable: 0 }),
  // Netloom's class: tfjs's own reports a negative size for an unknown (None) height or width.
  toTfjs: (tf, p, name) => netloomLayer(tf, 'Cropping2D', { cropping: p.cropping.map((pair) => [...pair]), name }),
});
