import { describe, expect, it } from 'vitest';
import type { DiagnosticCode } from '../graph/diagnostics';
import type { ParamValue, Shape } from '../graph/types';
import type { LayerKind } from '../graph/layer-kinds';
import { defaultParams } from './params';
import { layerSpec } from './registry';

const infer = (kind: LayerKind, inputs: readonly Shape[], params: Readonly<Record<string, ParamValue>>) => {
  const spec = layerSpec(kind);
  return spec.inferShape(inputs, { ...defaultParams(spec.params), ...params }, { name: 'layer_1', inputClasses: inputs.map(() => 'Input') });
};

/** Inputs Keras 3 (or, where said, tfjs 4.22) refuses for these layers, and what Netloom says. */
describe('shape problems of the reshaping, regularization and merge layers', () => {
  it.each([
    ['RepeatVector', [[null, 3, 4]], {}, 'wrong-rank', 'RepeatVector needs a 2-D input (batch, features) but layer_1 gets 3-D (None, 3, 4) from Input'],
    ['Permute', [[null, 3, 4]], { dims: [1, 3] }, 'invalid-param', 'Permute layer_1: dims (1, 3) must list each of the axes 1 to 2 exactly once, e.g. (2, 1)'],
    ['Permute', [[null, 3, 4]], { dims: [1, 1] }, 'invalid-param', 'dims (1, 1) must list each of the axes 1 to 2 exactly once'],
    ['Permute', [[null, 3, 4, 5]], { dims: [2, 1] }, 'wrong-rank', 'reorders 2 axes, so it needs a 3-D input, but gets 4-D (None, 3, 4, 5) from Input'],
    ['Cropping2D', [[null, 28, 28]], {}, 'wrong-rank', 'Cropping2D needs a 4-D input (batch, height, width, channels)'],
    [
      'Cropping2D',
      [[null, 28, 28, 1]],
      {
        cropping: [
          [14, 14],
          [0, 0],
        ],
      },
      'empty-output',
      'Cropping2D layer_1 removes 28 rows of the 28 in (None, 28, 28, 1), so the output would be empty; crop fewer than 28 rows in all',
    ],
    [
      'Cropping2D',
      [[null, null, 4, 1]],
      {
        cropping: [
          [9, 9],
          [3, 2],
        ],
      },
      'empty-output',
      'removes 5 columns of the 4',
    ],
    ['ZeroPadding1D', [[null, 8]], {}, 'wrong-rank', 'ZeroPadding1D needs a 3-D input (batch, steps, channels)'],
    ['SpatialDropout1D', [[null, 8]], {}, 'wrong-rank', 'SpatialDropout1D needs a 3-D input (batch, steps, channels)'],
    [
      'Maximum',
      [
        [null, 4],
        [null, 5],
      ],
      {},
      'merge-mismatch',
      'Maximum inputs must have the same shape: (None, 4) vs (None, 5)',
    ],
    [
      'Minimum',
      [
        [null, 4],
        [null, 4, 1],
      ],
      {},
      'merge-mismatch',
      'Minimum inputs must have the same shape',
    ],
    [
      'Dot',
      [
        [null, 3, 4],
        [null, 5],
      ],
      { axes: [2, 1] },
      'merge-mismatch',
      'Dot layer_1 multiplies axis 2 of (None, 3, 4) with axis 1 of (None, 5), whose sizes 4 and 5 differ',
    ],
    [
      'Dot',
      [
        [null, null],
        [null, 4],
      ],
      {},
      'merge-mismatch',
      'whose sizes None and 4 differ',
    ],
    [
      'Dot',
      [
        [null, 4],
        [null, 4],
      ],
      { axes: [0, 0] },
      'invalid-param',
      'Dot layer_1: axes[0] = 0 is not an axis of input 1 (None, 4); use 1 or -1 (axis 0 is the batch)',
    ],
    [
      'Dot',
      [
        [null, 3, 4],
        [null, 4],
      ],
      { axes: [-1, -2] },
      'invalid-param',
      'axes[1] = -2 is not an axis of input 2 (None, 4)',
    ],
    [
      'Dot',
      [
        [null, 3, 4],
        [null, 3, 5],
      ],
      { axes: [3, 1] },
      'invalid-param',
      'axes[0] = 3 is not an axis of input 1 (None, 3, 4); use 1 to 2 or -1 to -2',
    ],
    // Keras 3 takes these (it squashes the middle axes); tfjs 4.22's Dot throws.
    [
      'Dot',
      [
        [null, 2, 3, 4],
        [null, 2, 3, 4],
      ],
      {},
      'wrong-rank',
      'Dot layer_1: TF.js takes inputs of at most 3 dimensions (batch, steps, features), but input 1 is 4-D (None, 2, 3, 4); Reshape or Flatten it first',
    ],
  ] as const)('%s on %j with %j: %s', (kind, inputs, params, code: DiagnosticCode, message) => {
    const result = infer(kind, inputs, params);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problem.code).toBe(code);
      expect(result.problem.message).toContain(message);
    }
  });

  it.each([
    [
      'Cropping2D',
      [[null, null, 8, 2]],
      {
        cropping: [
          [40, 40],
          [1, 2],
        ],
      },
      [null, null, 5, 2],
    ],
    ['Masking', [[null, 7]], {}, [null, 7]],
    [
      'Dot',
      [
        [null, null, 4],
        [null, null, 4],
      ],
      { axes: [1, 1] },
      [null, 4, 4],
    ],
  ] as const)('%s on %j with %j leaves unknown sizes to run time: %j', (kind, inputs, params, shape) => {
    expect(infer(kind, inputs, params)).toEqual({ ok: true, shape });
  });
});
