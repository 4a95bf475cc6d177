import type { Shape, WrappedLayer } from '../graph/types';
import { UserFileError } from '../lib/errors';
import type { AnyLayerSpec, InferResult, KerasConfig, LayerLookup, LayerProblem, ShapeContext } from './layer-spec';

/** The inner layer's spec and params, as stored in a wrapper's `layer` param. */
export function innerOf(lookup: LayerLookup, layer: WrappedLayer): { spec: AnyLayerSpec; params: WrappedLayer['params'] } {
  return { spec: lookup.spec(layer.kind), params: layer.params };
}

/**
 * The inner layer's inference, seen from its wrapper: problems keep their code and message, but
 * lose their one-click fixes, which name params of the inner layer rather than of the node.
 */
export function innerInfer(lookup: LayerLookup, layer: WrappedLayer, inputs: readonly Shape[], ctx: ShapeContext, wrapper: string): InferResult {
  const { spec, params } = innerOf(lookup, layer);
  const result = spec.inferShape(inputs, params, { ...ctx, name: `${ctx.name} (${wrapper}'s ${spec.kerasClass})` });
  const strip = (p: LayerProblem): LayerProblem => ({ code: p.code, message: p.message });
  if (!result.ok) return { ok: false, problem: strip(result.problem) };
  return { ok: true, shape: result.shape, ...(result.warnings ? { warnings: result.warnings.map(strip) } : {}) };
}

/**
 * Reads a wrapped layer from a Keras config's `layer` entry (`{class_name, config}`), refusing a
 * class Netloom does not know or the wrapper does not take.
 */
export function readWrapped(lookup: LayerLookup, config: KerasConfig, allowed: (kind: string) => boolean, wrapper: string): WrappedLayer {
  const inner = config.layer as { class_name?: unknown; config?: KerasConfig } | undefined;
  const cls = typeof inner?.class_name === 'string' ? inner.class_name : String(inner?.class_name);
  const kind = lookup.kindFor(cls);
  const name = String(config.name);
  if (kind === undefined || inner?.config === undefined) throw new UserFileError(`${wrapper} "${name}" wraps ${cls}, which Netloom does not know`);
  if (!allowed(kind)) throw new UserFileError(`${wrapper} "${name}" wraps ${cls}, which a ${wrapper} cannot hold in Netloom`);
  return { kind, params: lookup.spec(kind).fromKeras({ ...inner.config, name: inner.config.name ?? name }) };
}
