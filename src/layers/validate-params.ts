import type { ParamValue, WrappedLayer } from '../graph/types';
import { assertNever } from '../lib/assert-never';
import { scalarProblem } from '../lib/value-spec';
import type { LayerListParamSpec, ParamSpec } from './params';
import { isLayerKind, layerSpec } from './registry';

const isWrapped = (value: ParamValue | undefined): value is WrappedLayer => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Why a wrapped layer is not valid: a kind it may not hold, or the first bad inner param. */
function wrappedProblem(kinds: readonly string[] | undefined, value: ParamValue | undefined): string | null {
  if (!isWrapped(value) || !isLayerKind(value.kind)) return 'must be a layer';
  const inner = layerSpec(value.kind);
  if (kinds ? !kinds.includes(value.kind) : inner.arity.min !== 1 || inner.arity.max !== 1) {
    return kinds ? `must be one of ${kinds.join(', ')}` : 'must be a layer that takes one input';
  }
  for (const [key, spec] of Object.entries(inner.params)) {
    const problem = paramProblem(spec, value.params[key]);
    if (problem !== null) return `${key} ${problem}`;
  }
  return null;
}

/** Why a list of wrapped layers is not valid: too short, or the first bad entry, named by its place. */
function wrappedListProblem(spec: LayerListParamSpec, value: ParamValue | undefined): string | null {
  if (!Array.isArray(value) || !value.every((v: ParamValue) => isWrapped(v))) return 'must be a list of layers';
  const list = value as readonly WrappedLayer[];
  if (list.length < spec.minLength) return `must hold at least ${spec.minLength} layer${spec.minLength === 1 ? '' : 's'}`;
  for (const [i, entry] of list.entries()) {
    const problem = wrappedProblem(spec.kinds, entry);
    if (problem !== null) return `#${i + 1} ${problem}`;
  }
  return null;
}

/**
 * Why `value` is not valid for `spec`, in words for the inspector ("must be a whole number at
 * least 1"), or null when it is valid.
 */
export function paramProblem(spec: ParamSpec, value: ParamValue | undefined): string | null {
  switch (spec.type) {
    case 'int':
    case 'float':
    case 'bool':
    case 'choice':
      return scalarProblem(spec, value);
    case 'ints': {
      if (value === null) return spec.nullable ? null : 'must be set';
      const count = spec.length !== undefined ? `${spec.length} ` : '';
      const min = spec.min ?? -Infinity;
      const want = `must be ${count}whole numbers${spec.min !== undefined ? ` of at least ${spec.min}` : ''}${spec.allowMinusOne ? ' (or -1)' : ''}`;
      if (!Array.isArray(value)) return want;
      if (spec.length !== undefined && value.length !== spec.length) return want;
      if (value.length < (spec.minLength ?? 1)) return want;
      const okDim = (n: unknown) =>
        (n === null && spec.noneDims === true) || (typeof n === 'number' && Number.isInteger(n) && (n >= min || (spec.allowMinusOne && n === -1)));
      return value.every(okDim) ? null : spec.noneDims ? `${want} (or None)` : want;
    }
    case 'pairs': {
      const min = spec.min ?? 0;
      const want = `must be ${spec.axes} pair${spec.axes === 1 ? '' : 's'} (before, after) of whole numbers of at least ${min}`;
      if (!Array.isArray(value) || value.length !== spec.axes) return want;
      const okPair = (pair: unknown) => Array.isArray(pair) && pair.length === 2 && pair.every((n) => typeof n === 'number' && Number.isInteger(n) && n >= min);
      return value.every(okPair) ? null : want;
    }
    case 'layer':
      return wrappedProblem(spec.kinds, value);
    case 'layers':
      return wrappedListProblem(spec, value);
    default:
      return assertNever(spec, 'param spec');
  }
}
