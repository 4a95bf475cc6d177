import { formatShape, lastDim } from '../graph/shape';
import { defineLayer, tfjsConfig } from './define-layer';
import type { LayerKind } from '../graph/layer-kinds';
import type { Tf, TfLayer } from './layer-spec';
import { POOLING_KEYWORDS } from './pooling';
import { fail, ok } from './shape-utils';

/** What a global pooling layer file says about itself. */
export interface GlobalPoolingDefinition<K extends LayerKind = LayerKind> {
  readonly kind: K;
  readonly n: 1 | 2;
  readonly description: string;
  readonly build: (tf: Tf, config: never) => TfLayer;
}

const LAYOUT = { 1: '(batch, steps, channels)', 2: '(batch, height, width, channels)' } as const;

/** Reduces every spatial axis to one value per channel: `(None, 7, 7, 64)` -> `(None, 64)`. */
export function globalPoolingLayer<const K extends LayerKind>(def: GlobalPoolingDefinition<K>) {
  const params = {};
  return defineLayer({
    kind: def.kind,
    kerasClass: def.kind,
    category: 'Pooling',
    keywords: POOLING_KEYWORDS[def.n],
    description: def.description,
    params,
    arity: { min: 1, max: 1 },
    inferShape: ([input = []], _p, ctx) => {
      if (input.length !== def.n + 2) {
        return fail('wrong-rank', `${def.kind} needs a ${def.n + 2}-D input ${LAYOUT[def.n]} but ${ctx.name} gets ${formatShape(input)}`);
      }
      return ok([null, lastDim(input)]);
    },
    countParams: () => ({ trainable: 0, nonTrainable: 0 }),
    toTfjs: (tf, p, name) => def.build(tf, tfjsConfig<never>(tf, params, p, name)),
  });
}
