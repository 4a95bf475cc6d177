import { paddingParam } from './common-params';
import { isProblem, windowOutput } from './conv-shape';
import { defineLayer, fromKerasConfig, tfjsConfig } from './define-layer';
import type { LayerKind } from '../graph/layer-kinds';
import type { Tf, TfLayer } from './layer-spec';
import { ints } from './params';
import { ok } from './shape-utils';

const AXES = { 1: 'steps', 2: 'height and width', 3: 'depth, height and width' } as const;

const poolParams = (n: 1 | 2 | 3) => ({
  pool_size: ints(Array<number>(n).fill(2), `Window size along ${AXES[n]}.`, { length: n, min: 1 }),
  strides: ints<true>(null, 'Step of the window; empty means the pool size (non-overlapping windows).', {
    length: n,
    min: 1,
    nullable: true,
  }),
  padding: paddingParam(),
});

/** What pooling over 1, 2 or 3 axes is for, as palette search finds it. */
export const POOLING_KEYWORDS: Readonly<Record<1 | 2 | 3, readonly string[]>> = {
  1: ['sequence', 'text', 'time series', 'downsample'],
  2: ['image', 'cnn', 'downsample', 'subsample'],
  3: ['volume', 'video', 'downsample'],
};

/** What a pooling layer file says about itself. */
export interface PoolingDefinition<K extends LayerKind = LayerKind> {
  readonly kind: K;
  readonly n: 1 | 2 | 3;
  readonly description: string;
  readonly build: (tf: Tf, config: never) => TfLayer;
}

/** A max or average pooling layer over `n` spatial axes; they differ only in the reduction. */
export function poolingLayer<const K extends LayerKind>(def: PoolingDefinition<K>) {
  const params = poolParams(def.n);
  return defineLayer({
    kind: def.kind,
    kerasClass: def.kind,
    category: 'Pooling',
    keywords: POOLING_KEYWORDS[def.n],
    description: def.description,
    params,
    arity: { min: 1, max: 1 },
    positional: ['pool_size'],
    inferShape: ([input = []], p, ctx) => {
      const win = { kernel: p.pool_size, strides: p.strides ?? p.pool_size, padding: p.padding };
      const out = windowOutput(input, def.n, win, def.kind, ctx);
      return isProblem(out) ? out : ok([null, ...out.dims, out.channels]);
    },
    countParams: () => ({ trainable: 0, nonTrainable: 0 }),
    toTfjs: (tf, p, name) => def.build(tf, tfjsConfig<never>(tf, params, p, name)),
    fromKeras: (config) => {
      // Keras and tfjs write strides = pool_size for "None"; keep it following the pool size.
      const p = fromKerasConfig(params, config) as { pool_size: readonly number[]; strides: readonly number[] | null; padding: 'valid' | 'same' };
      return JSON.stringify(p.strides) === JSON.stringify(p.pool_size) ? { ...p, strides: null } : p;
    },
  });
}
