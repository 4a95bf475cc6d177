import type { ParamValue } from '../../src/graph/types';

/** A number typed by the user; blank or junk becomes NaN so that validation can say what is wanted. */
export function parseNumber(text: string): number {
  const trimmed = text.trim();
  return trimmed === '' ? Number.NaN : Number(trimmed);
}

/**
 * Comma-separated integers as a tuple: "28, 28, 1" -> [28, 28, 1]. A trailing comma is allowed,
 * as in Python's `(4,)`; "None" (any case) is an unknown size. A token that is not a whole number
 * becomes NaN, which validation rejects.
 */
export function parseIntList(text: string): (number | null)[] {
  const tokens = text.split(',').map((t) => t.trim());
  if (tokens.length > 1 && tokens[tokens.length - 1] === '') tokens.pop();
  if (tokens.length === 1 && tokens[0] === '') return [];
  return tokens.map((t) => (/^none$/i.test(t) ? null : /^[+-]?\d+$/.test(t) ? Number(t) : Number.NaN));
}

/** A tuple the way the list field shows it: "28, 28, 1", unknown sizes as "None". */
export const formatIntList = (value: ParamValue | undefined): string =>
  Array.isArray(value) ? value.map((d) => (d === null ? 'None' : String(d))).join(', ') : '';

/** True when two parameter values are the same (tuples compared by element). */
export function sameValue(a: ParamValue | undefined, b: ParamValue | undefined): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => Object.is(x, b[i]));
  return Object.is(a, b);
}
