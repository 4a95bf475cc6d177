import type { Category } from '../../src/layers/layer-spec';
import type { LayerKind } from '../../src/graph/layer-kinds';
import { LAYER_KINDS, layerSpec } from '../../src/layers/registry';
import { CATEGORY_ORDER } from '../layer-style';

/** One palette section: a category and its layer kinds, in palette order. */
export interface PaletteGroup {
  readonly category: Category;
  readonly kinds: readonly LayerKind[];
}

const words = (text: string) =>
  text
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);

/**
 * True when every word of `query` is found in the kind, its Keras class or its category (anywhere,
 * so "2d" finds Conv2D), or starts a word of its description (so "skip" finds Add but "a" does not
 * match every description).
 */
export function matchesQuery(kind: LayerKind, query: string): boolean {
  const spec = layerSpec(kind);
  const names = `${kind} ${spec.kerasClass} ${spec.category}`.toLowerCase();
  const described = words(spec.description);
  return words(query).every((token) => names.includes(token) || described.some((w) => w.startsWith(token)));
}

/** The palette's sections for `query`: categories in CATEGORY_ORDER, empty ones left out. */
export function paletteGroups(query: string): PaletteGroup[] {
  return CATEGORY_ORDER.map((category) => ({
    category,
    kinds: LAYER_KINDS.filter((kind) => layerSpec(kind).category === category && matchesQuery(kind, query)),
  })).filter((group) => group.kinds.length > 0);
}
