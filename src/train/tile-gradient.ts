import type * as tfjs from '@tensorflow/tfjs';
import type { Tf } from '../layers/layer-spec';

/**
 * The gradient of `tile`: `dy` reshaped so each tiled axis splits into (repeats, size), summed
 * over the repeat axes. tfjs 4.22's own gradient slices `dy` once per repetition and adds the
 * slices, so a LayerNormalization over a (batch, seq, features) input, which tiles its [1, 1, d]
 * scale and offset to the input's shape, costs batch * seq slices and adds for each of them per
 * step: 4,096 kernel calls a batch in the Transformer template, most of its training time.
 */
export function tileGradient(tf: Tf): tfjs.GradConfig {
  return {
    kernelName: 'Tile',
    inputsToSave: ['x'],
    gradFunc: (dy, saved, attrs) => {
      const [x] = saved as tfjs.Tensor[];
      const reps = (attrs as unknown as tfjs.TileAttrs).reps;
      const grad = dy as tfjs.Tensor;
      return {
        x: () => {
          if (x === undefined) throw new Error('the Tile gradient lost its input');
          const split = x.shape.flatMap((size, axis) => [reps[axis] ?? 1, size]);
          const repeatAxes = x.shape.map((_, axis) => 2 * axis);
          return tf.sum(tf.reshape(grad, split), repeatAxes);
        },
      };
    },
  };
}

/** Puts Netloom's gradients in place of tfjs's slower ones (see {@link tileGradient}); every backend uses them. */
export function registerFastGradients(tf: Tf): void {
  tf.registerGradient(tileGradient(tf));
}
