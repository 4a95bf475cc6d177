import { bool, float } from './params';

/** Parameters BatchNormalization and LayerNormalization share. */
export const normalizationParams = {
  epsilon: float(0.001, 'Small number added to the variance to avoid dividing by zero.', { min: 0 }),
  center: bool(true, 'Learn an offset (beta) added after normalising.'),
  scale: bool(true, 'Learn a factor (gamma) applied after normalising.'),
};
