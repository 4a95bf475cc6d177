/**
 * Throws when a programmer assumption does not hold. Not for user-fixable problems: those are
 * diagnostics or typed file errors.
 */
export function invariant(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(`Invariant failed: ${message}`);
}
