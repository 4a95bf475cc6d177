/**
 * Marks a switch as exhaustive: the call only type-checks when every member of a union was handled.
 * Reaching it at run time means a value came from outside the type system (a bad file, say).
 */
export function assertNever(value: never, what = 'value'): never {
  throw new Error(`Unexpected ${what}: ${JSON.stringify(value)}`);
}
