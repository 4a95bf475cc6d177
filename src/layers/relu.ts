import { defineLayer } from './define-layer';
import { float, optionalFloat } from './params';
import { ok } from './shape-utils';
import { netloomLayer } from './tfjs-extra/index';

const params = {
  max_value: optionalFloat(null, 'Largest value the layer outputs (6 gives ReLU6); None for no cap.', { min: 0 }),
  negative_slope: float(0, 'Slope below the threshold: 0 outputs zero there, a small value such as 0.1 lets some signal through.', {
    min: 0,
  }),
  threshold: float(0, 'Inputs at or below this value count as "off"; 0 is the usual ReLU.', { min: 0 }),
};

/** Keras 3's ReLU layer, with its cap, slope below the threshold, and threshold. */
export const relu = defineLayer({
  kind: 'ReLU',
  kerasClass: 'ReLU',
  category: 'Activation',
  description:
    'Rectified linear unit: passes positive values and outputs zero for the rest; optionally caps the output (max_value) or lets a small slope through below the threshold.',
  params,
  arity: { min: 1, max: 1 },
  inferShape: ([input = []]) => ok(input),
  countParams: () => ({ trainable: 0, nonTrainable: 0 }),
  // tfjs's own ReLU reads only max_value; Netloom's registered one takes all three, as Keras 3.
  toTfjs: (tf, p, name) => netloomLayer(tf, 'ReLU', { name, maxValue: p.max_value, negativeSlope: p.negative_slope, threshold: p.threshold }),
});
