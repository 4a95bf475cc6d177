import type { LayerKind } from './layer-kinds';

const PYTHON_KEYWORDS = new Set(
  (
    'False None True and as assert async await break class continue def del elif else except finally for from ' +
    'global if import in is lambda nonlocal not or pass raise return try while with yield'
  ).split(' '),
);

/** True when `name` can be a Keras layer name that is also a Python identifier. */
export function isValidLayerName(name: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) && !PYTHON_KEYWORDS.has(name);
}

/** Keras's base name for a kind: `Conv2D` -> `conv2d`, `BatchNormalization` -> `batch_normalization`. */
export function baseName(kind: LayerKind): string {
  if (kind === 'Input') return 'input';
  return kind
    .replace(/([a-z])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .toLowerCase()
    .replace(/_(\d)d\b/g, '$1d');
}

/** The first free `<base>_<n>` (n from 1), as Keras numbers layers. */
export function uniqueLayerName(kind: LayerKind, taken: ReadonlySet<string>): string {
  const base = baseName(kind);
  for (let n = 1; ; n += 1) {
    const candidate = `${base}_${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/**
 * Makes any string a valid, unused layer name: invalid characters become `_`, a leading digit
 * or keyword gets a `_` prefix, and a clash gets a numeric suffix.
 */
export function sanitizeLayerName(raw: string, taken: ReadonlySet<string>): string {
  let name = raw.replace(/[^A-Za-z0-9_]/g, '_') || 'layer';
  if (!isValidLayerName(name)) name = `_${name}`;
  if (!taken.has(name)) return name;
  for (let n = 1; ; n += 1) {
    if (!taken.has(`${name}_${n}`)) return `${name}_${n}`;
  }
}
