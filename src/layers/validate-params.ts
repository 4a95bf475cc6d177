import type { ParamValue } from '../graph/types';
import { assertNever } from '../lib/assert-never';
import type { ParamSpec } from './params';

const range = (min?: number, max?: number, maxExclusive?: boolean) =>
  min !== undefined && max !== undefined
    ? `between ${min} and ${max}${maxExclusive ? ' (exclusive)' : ''}`
    : min !== undefined
      ? `at least ${min}`
      : max !== undefined
        ? `at most ${max}`
        : '';

/**
 * Why `value` is not valid for `spec`, in words for the inspector ("must be a whole number at
 * least 1"), or null when it is valid.
 */
export function paramProblem(spec: ParamSpec, value: ParamValue | undefined): string | null {
  switch (spec.type) {
    case 'int':
    case 'float': {
      const whole = spec.type === 'int';
      const bounds = range(spec.min, spec.max, spec.type === 'float' && spec.maxExclusive);
      const want = `must be ${whole ? 'a whole number' : 'a number'}${bounds ? ` ${bounds}` : ''}`;
      if (typeof value !== 'number' || !Number.isFinite(value) || (whole && !Number.isInteger(value))) return want;
      if (spec.min !== undefined && value < spec.min) return want;
      if (spec.max !== undefined && (value > spec.max || (spec.type === 'float' && spec.maxExclusive && value === spec.max))) {
        return want;
      }
      return null;
    }
    case 'bool':
      return typeof value === 'boolean' ? null : 'must be true or false';
    case 'choice':
      return typeof value === 'string' && spec.options.includes(value) ? null : `must be one of ${spec.options.join(', ')}`;
    case 'ints': {
      if (value === null) return spec.nullable ? null : 'must be set';
      const count = spec.length !== undefined ? `${spec.length} ` : '';
      const min = spec.min ?? -Infinity;
      const want = `must be ${count}whole numbers${spec.min !== undefined ? ` of at least ${spec.min}` : ''}${spec.allowMinusOne ? ' (or -1)' : ''}`;
      if (!Array.isArray(value)) return want;
      if (spec.length !== undefined && value.length !== spec.length) return want;
      if (value.length < (spec.minLength ?? 1)) return want;
      const okDim = (n: unknown) => typeof n === 'number' && Number.isInteger(n) && (n >= min || (spec.allowMinusOne && n === -1));
      return value.every(okDim) ? null : want;
    }
    default:
      return assertNever(spec, 'param spec');
  }
}
