/** Median and spread of repeated bench measurements, for figures that hold on a noisy machine. */
export interface Spread {
  median: number;
  low: number;
  high: number;
  runs: number;
}

/** The median (the mean of the middle two for an even count), lowest and highest of `values`; throws on none. */
export function spread(values: readonly number[]): Spread {
  if (values.length === 0) throw new Error('spread of no values: the bench measured nothing');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
  return { median, low: sorted[0] as number, high: sorted[sorted.length - 1] as number, runs: sorted.length };
}

/** `spread` as bench-line fields `<name>`, `<name>_low`, `<name>_high`, rounded to `digits`. */
export function spreadFields(name: string, values: readonly number[], digits = 0): Record<string, number> {
  const s = spread(values);
  const round = (v: number) => Number(v.toFixed(digits));
  return { [name]: round(s.median), [`${name}_low`]: round(s.low), [`${name}_high`]: round(s.high) };
}
