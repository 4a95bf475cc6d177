/**
 * One value made by an async function and kept while its key stands: a key is a list compared
 * item by item with `===`, so a change to any input (new data, a new setting) makes it anew.
 */
export interface KeyedCache<T> {
  /** The kept value when `key` matches the last one, else `make()`'s; a failed make is not kept. */
  get(key: readonly unknown[], make: () => Promise<T>): Promise<T>;
}

/** A cache with nothing in it. */
export function createKeyedCache<T>(): KeyedCache<T> {
  let kept: { key: readonly unknown[]; value: Promise<T> } | undefined;
  const same = (a: readonly unknown[], b: readonly unknown[]) => a.length === b.length && a.every((k, i) => k === b[i]);
  return {
    get(key, make) {
      if (kept && same(kept.key, key)) return kept.value;
      const entry = { key, value: make() };
      kept = entry;
      // A failed make is not kept: the next call asks again.
      entry.value.catch(() => {
        if (kept === entry) kept = undefined;
      });
      return entry.value;
    },
  };
}
