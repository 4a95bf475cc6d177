let counter = 0;

/** A short id, unique within this process and unlikely to clash across sessions. */
export function newId(prefix = 'n'): string {
  counter += 1;
  const random = Math.random().toString(36).slice(2, 8);
  return `${prefix}_${Date.now().toString(36)}${counter.toString(36)}${random}`;
}
