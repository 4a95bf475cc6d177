import { defineLayer, pyValue } from './define-layer';
import { UserFileError } from '../lib/errors';
import { dims } from './params';
import { ok } from './shape-utils';
import { pyString } from '../lib/py-source';

const params = {
  shape: dims(
    [4],
    'Shape of one sample, without the batch axis: (4,) for 4 features, (28, 28, 1) for a grayscale image. ' +
      'None leaves a size open until the data arrives: (None, None, 3) takes images of any size.',
    { minLength: 1, min: 1 },
  ),
};

/** A model input: where data enters. `shape` excludes the batch axis, as in `keras.Input(shape=...)`. */
export const input = defineLayer({
  kind: 'Input',
  kerasClass: 'InputLayer',
  category: 'Input',
  keywords: ['start', 'features', 'shape', 'data'],
  description: 'Where data enters the model. Its shape is one sample without the batch axis, as in keras.Input(shape=(4,)).',
  params,
  arity: { min: 0, max: 0 },
  inferShape: (_inputs, p) => ok([null, ...p.shape]),
  countParams: () => ({ trainable: 0, nonTrainable: 0 }),
  toTfjs: (tf, p, name) => tf.layers.inputLayer({ batchInputShape: [null, ...p.shape], name }),
  toKeras: (p, name) => `keras.Input(shape=${pyValue(p.shape, params.shape)}${name === null ? '' : `, name=${pyString(name)}`})`,
  fromKeras: (config) => {
    // Keras 2 and tfjs write batch_input_shape; Keras 3 writes batch_shape.
    const batch = config.batch_input_shape ?? config.batch_shape;
    const layer = typeof config.name === 'string' ? config.name : 'input';
    if (!Array.isArray(batch) || batch.length < 2) {
      throw new UserFileError(`input "${layer}" has no batch_input_shape`);
    }
    const shape = batch.slice(1);
    if (!shape.every((d): d is number | null => d === null || (typeof d === 'number' && Number.isInteger(d) && d > 0))) {
      throw new UserFileError(`input "${layer}" has shape ${JSON.stringify(batch)}; each dimension must be a positive whole number or None`);
    }
    return { shape };
  },
});
