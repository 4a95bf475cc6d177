import type { LayerProblem } from './layer-spec';
import { bool, float } from './params';

/** Parameters BatchNormalization and LayerNormalization share. */
export const normalizationParams = {
  epsilon: float(0.001, 'Small number added to the variance to avoid dividing by zero.', { min: 0 }),
  center: bool(true, 'Learn an offset (beta) added after normalising.'),
  scale: bool(true, 'Learn a factor (gamma) applied after normalising.'),
};

/**
 * TF.js 4.22 reads gamma and beta while training even when they are switched off, and fails:
 * warn on the node rather than at the first training step.
 */
export function untrainableNormalization(kerasClass: string, name: string, center: boolean, scale: boolean): LayerProblem[] {
  if (center && scale) return [];
  const off = !center ? 'center' : 'scale';
  return [
    {
      code: 'cannot-train',
      message: `TF.js cannot train ${kerasClass} with ${off}=false (it can run it); turn ${off} back on to train ${name} in the browser`,
      fix: { kind: 'set-param', label: `Turn ${off} on`, param: off, value: true },
    },
  ];
}
