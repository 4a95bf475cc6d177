import type { Category } from '../../src/layers/layer-spec';
import { LAYER_KINDS, layerSpec } from '../../src/layers/registry';
import type { LayerKind } from '../../src/graph/layer-kinds';
import { BLOCKS } from '../../src/analysis/blocks';
import { CATEGORY_ORDER } from '../layer-style';

/** One thing the palette offers: a layer kind, or a block of wired layers (a group). */
export type PaletteEntry =
  | { readonly type: 'layer'; readonly id: LayerKind; readonly category: Category; readonly description: string; readonly keywords: readonly string[] }
  | { readonly type: 'block'; readonly id: string; readonly category: Category; readonly description: string; readonly keywords: readonly string[] };

/** One palette section: a category and its entries, in palette order. */
export interface PaletteGroup {
  readonly category: Category;
  readonly entries: readonly PaletteEntry[];
}

/** Every entry in palette order: by category, blocks before a category's layers, layers in LAYER_KINDS order. */
export const PALETTE_ENTRIES: readonly PaletteEntry[] = CATEGORY_ORDER.flatMap((category) => [
  ...BLOCKS.filter((b) => b.category === category).map((b): PaletteEntry => ({ type: 'block', ...b })),
  ...LAYER_KINDS.filter((kind) => layerSpec(kind).category === category).map((kind): PaletteEntry => {
    const spec = layerSpec(kind);
    return { type: 'layer', id: kind, category, description: spec.description, keywords: spec.keywords ?? [] };
  }),
]);

const words = (text: string) =>
  text
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);

/** How well one query word fits an entry, best first; 0 when it fits nowhere. */
function tokenScore(entry: PaletteEntry, token: string, keywordWords: readonly string[], described: readonly string[]): number {
  const name = entry.id.toLowerCase();
  if (name.startsWith(token)) return 300;
  // Anywhere in the name, so "2d" finds Conv2D and "relu" LeakyReLU.
  if (name.includes(token)) return 200;
  if (keywordWords.includes(token)) return 150;
  if (keywordWords.some((w) => w.startsWith(token))) return 120;
  if (entry.category.toLowerCase().includes(token)) return 60;
  // Only where a description word starts, so "skip" finds Add but "a" does not match them all.
  if (described.some((w) => w.startsWith(token))) return 40;
  return 0;
}

/**
 * How well `query` fits `entry`, 0 when it does not: every word of the query must be found in the
 * name (anywhere), a keyword, the category, or at the start of a description word. The exact name
 * scores highest; then a name that starts with a query word, one that contains it, a keyword, the
 * category and last the description.
 */
export function matchScore(entry: PaletteEntry, query: string): number {
  const tokens = words(query);
  if (tokens.length === 0) return 1;
  if (words(entry.id).join('') === tokens.join('')) return 1000;
  const keywordWords = entry.keywords.flatMap(words);
  const described = words(entry.description);
  let total = 0;
  for (const token of tokens) {
    const score = tokenScore(entry, token, keywordWords, described);
    if (score === 0) return 0;
    total += score;
  }
  return total;
}

/** True when `query` finds `entry` (see {@link matchScore}). */
export const matchesQuery = (entry: PaletteEntry, query: string): boolean => matchScore(entry, query) > 0;

/** The entries `query` finds, best first; ties keep palette order. */
export function searchPalette(query: string): PaletteEntry[] {
  return PALETTE_ENTRIES.map((entry, index) => ({ entry, index, score: matchScore(entry, query) }))
    .filter((r) => r.score > 0)
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .map((r) => r.entry);
}

/** The palette's sections with no search: categories in CATEGORY_ORDER, empty ones left out. */
export function paletteGroups(): PaletteGroup[] {
  return CATEGORY_ORDER.map((category) => ({ category, entries: PALETTE_ENTRIES.filter((e) => e.category === category) })).filter(
    (group) => group.entries.length > 0,
  );
}
