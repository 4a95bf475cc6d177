/** A statistic for the layer panel: 3 significant digits, exponents for the very small or large. */
export function formatValue(v: number | undefined): string {
  if (v === undefined || !Number.isFinite(v)) return '–';
  if (v === 0) return '0';
  const a = Math.abs(v);
  return a < 1e-3 || a >= 1e4 ? v.toExponential(1) : Number(v.toPrecision(3)).toString();
}

/** A share as a percentage: 12.5%. */
export const formatShare = (v: number): string => `${Number((v * 100).toPrecision(3))}%`;
