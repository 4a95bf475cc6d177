import { formatShape } from '../graph/shape';
import type { Dim, Shape } from '../graph/types';
import { defineLayer, tfjsConfig } from './define-layer';
import type { LayerKind } from '../graph/layer-kinds';
import type { InferResult, ShapeContext, Tf, TfLayer } from './layer-spec';
import { fail, ok } from './shape-utils';
import { pyString } from '../lib/py-source';

/**
 * Elementwise merge shape, as tfjs computes it: equal ranks, and on each axis equal sizes, or one
 * of them 1 (broadcast), or unknown.
 */
export function elementwiseShape(inputs: readonly Shape[], kerasClass: string, ctx: ShapeContext): InferResult {
  const [first = [], ...rest] = inputs;
  let out: Dim[] = [...first];
  for (const [i, shape] of rest.entries()) {
    const mismatch = fail(
      'merge-mismatch',
      `${kerasClass} inputs must have the same shape: ${formatShape(first)} vs ${formatShape(shape)} ` + `(input ${i + 2} of ${ctx.name})`,
    );
    if (shape.length !== out.length) return mismatch;
    const next: Dim[] = [];
    for (const [axis, d] of shape.entries()) {
      const o = out[axis] ?? null;
      if (o === null || d === null) next.push(null);
      else if (o === 1) next.push(d);
      else if (d === 1 || d === o) next.push(o);
      else return mismatch;
    }
    out = next;
  }
  return ok(out);
}

/** What an elementwise merge layer file says about itself. */
export interface MergeDefinition<K extends LayerKind = LayerKind> {
  readonly kind: K;
  readonly description: string;
  /** Other words palette search finds it by. */
  readonly keywords?: readonly string[];
  readonly build: (tf: Tf, config: never) => TfLayer;
}

/** Add, Multiply, Average, Maximum and Minimum: combine two or more same-shaped inputs elementwise. */
export function elementwiseMergeLayer<const K extends LayerKind>(def: MergeDefinition<K>) {
  const params = {};
  return defineLayer({
    kind: def.kind,
    kerasClass: def.kind,
    category: 'Merge',
    keywords: def.keywords ?? ['combine'],
    description: def.description,
    params,
    arity: { min: 2, max: Infinity },
    inferShape: (inputs, _p, ctx) => elementwiseShape(inputs, def.kind, ctx),
    countParams: () => ({ trainable: 0, nonTrainable: 0 }),
    toTfjs: (tf, p, name) => def.build(tf, tfjsConfig<never>(tf, params, p, name)),
    toKeras: (_p, name) => `layers.${def.kind}(${name === null ? '' : `name=${pyString(name)}`})`,
  });
}
