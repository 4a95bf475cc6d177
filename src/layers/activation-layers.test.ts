import { describe, expect, it } from 'vitest';
import type { Shape } from '../graph/types';
import type { LayerKind } from '../graph/layer-kinds';
import { defaultParams } from './params';
import { layerSpec } from './registry';

const ctx = { name: 'layer_1', inputClasses: [] };
const infer = (kind: LayerKind, input: Shape, params: Record<string, unknown>) => {
  const spec = layerSpec(kind);
  return spec.inferShape([input], { ...defaultParams(spec.params), ...params } as never, ctx);
};

describe('Keras configs of the activation layers', () => {
  it.each([
    // Keras 3.15 get_config() output (dtype left out), pasted from the venv.
    ['LeakyReLU', { name: 'lr', trainable: true, negative_slope: 0.1 }, { negative_slope: 0.1 }],
    // Keras 2 and tfjs call the slope alpha.
    ['LeakyReLU', { name: 'lr', alpha: 0.2 }, { negative_slope: 0.2 }],
    ['LeakyReLU', { name: 'lr' }, { negative_slope: 0.3 }],
    [
      'PReLU',
      {
        name: 'p',
        alpha_initializer: { module: 'keras.initializers', class_name: 'HeNormal', config: { seed: null }, registered_name: null },
        alpha_regularizer: { module: 'keras.regularizers', class_name: 'L1L2', config: { l1: 0.001, l2: 0.002 }, registered_name: null },
        alpha_constraint: null,
        shared_axes: [1, 2],
      },
      { alpha_initializer: 'he_normal', alpha_l1: 0.001, alpha_l2: 0.002, shared_axes: [1, 2] },
    ],
    ['PReLU', { name: 'p', shared_axes: 1 }, { alpha_initializer: 'zeros', alpha_l1: 0, alpha_l2: 0, shared_axes: [1] }],
    // Old Keras 2 and tfjs files know only max_value.
    ['ReLU', { name: 'r', max_value: 6 }, { max_value: 6, negative_slope: 0, threshold: 0 }],
    ['ReLU', { name: 'r', max_value: null, negative_slope: 0.1, threshold: 0.5 }, { max_value: null, negative_slope: 0.1, threshold: 0.5 }],
    ['Softmax', { name: 's', axis: [1] }, { axis: 1 }],
    ['ThresholdedReLU', { name: 't', theta: 0.5 }, { theta: 0.5 }],
  ] as const)('%s %j', (kind, config, params) => {
    expect(layerSpec(kind).fromKeras(config)).toEqual(params);
  });

  it('refuses a softmax over several axes, naming the layer', () => {
    expect(() => layerSpec('Softmax').fromKeras({ name: 's', axis: [1, 2] })).toThrow('layer "s" has a softmax over axes [1,2]');
  });
});

describe('shapes the activation layers refuse', () => {
  it('PReLU needs known sizes on the axes it does not share, and offers to share them', () => {
    const result = infer('PReLU', [null, null, 4], {});
    expect(result).toMatchObject({
      ok: false,
      problem: { code: 'unknown-dim', fix: { kind: 'set-param', param: 'shared_axes', value: [1] } },
    });
    expect(infer('PReLU', [null, null, 4], { shared_axes: [1] })).toMatchObject({ ok: true, shape: [null, null, 4] });
  });

  it('PReLU refuses a shared axis past the input', () => {
    expect(infer('PReLU', [null, 4], { shared_axes: [2] })).toMatchObject({ ok: false, problem: { code: 'invalid-param' } });
  });

  it('Softmax refuses the batch axis and axes past the input, and warns over one value', () => {
    expect(infer('Softmax', [null, 4], { axis: 0 })).toMatchObject({ ok: false, problem: { code: 'invalid-param' } });
    expect(infer('Softmax', [null, 4], { axis: -2 })).toMatchObject({ ok: false, problem: { code: 'invalid-param' } });
    expect(infer('Softmax', [null, 4], { axis: 2 })).toMatchObject({ ok: false, problem: { code: 'invalid-param' } });
    expect(infer('Softmax', [null, 3, 1], {})).toMatchObject({ ok: true, warnings: [{ code: 'softmax-one-unit' }] });
  });
});
