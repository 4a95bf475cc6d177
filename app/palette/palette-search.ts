import type { Category } from '../../src/layers/layer-spec';
import { LAYER_KINDS, layerSpec } from '../../src/layers/registry';
import type { LayerKind } from '../../src/graph/layer-kinds';
import { BLOCKS } from '../../src/analysis/blocks';
import { TEMPLATES } from '../../src/analysis/templates';
import type { Template } from '../../src/analysis/templates';
import { keywordTerms, layerSearchTerms, TERM_WEIGHT } from '../../src/layers/search-terms';
import { matchItem, searchItems } from '../../src/lib/word-search';
import type { SearchTerm } from '../../src/lib/word-search';
import { CATEGORY_ORDER } from '../layer-style';

/** One thing the palette offers: a layer kind, or a block of wired layers (a group). */
export type PaletteEntry =
  | { readonly type: 'layer'; readonly id: LayerKind; readonly category: Category; readonly description: string; readonly terms: readonly SearchTerm[] }
  | { readonly type: 'block'; readonly id: string; readonly category: Category; readonly description: string; readonly terms: readonly SearchTerm[] };

/** One palette section: a category and its entries, in palette order. */
export interface PaletteGroup {
  readonly category: Category;
  readonly entries: readonly PaletteEntry[];
}

/** A search result and why it matched (`activation: relu`); nothing for a match on the name. */
export interface PaletteHit<T> {
  readonly entry: T;
  readonly why: readonly string[];
}

/** What a palette search finds: layers and blocks, and the templates a new project can start from. */
export interface PaletteResults {
  readonly entries: readonly PaletteHit<PaletteEntry>[];
  readonly templates: readonly PaletteHit<Template>[];
}

/** Every entry in palette order: by category, blocks before a category's layers, layers in LAYER_KINDS order. */
export const PALETTE_ENTRIES: readonly PaletteEntry[] = CATEGORY_ORDER.flatMap((category) => [
  ...BLOCKS.filter((b) => b.category === category).map((b): PaletteEntry => ({
    type: 'block',
    id: b.id,
    category,
    description: b.description,
    terms: keywordTerms(b.keywords, category),
  })),
  ...LAYER_KINDS.filter((kind) => layerSpec(kind).category === category).map((kind): PaletteEntry => {
    const spec = layerSpec(kind);
    return { type: 'layer', id: kind, category, description: spec.description, terms: layerSearchTerms(spec) };
  }),
]);

const searchable = (entry: PaletteEntry) => ({ entry, name: entry.id, terms: entry.terms, description: entry.description });
const SEARCHABLE_ENTRIES = PALETTE_ENTRIES.map(searchable);

/** Templates by title, keywords and description; the blank canvas is nothing to find. */
const SEARCHABLE_TEMPLATES = TEMPLATES.filter((t) => t.id !== 'blank').map((template) => ({
  template,
  name: template.title,
  terms: template.keywords.map((text) => ({ text, weight: TERM_WEIGHT.keyword, why: `keyword: ${text}` })),
  description: template.description,
}));

/**
 * How well `query` fits `entry`, 0 when it does not: every word of the query must be found in the
 * name (anywhere), a search term (keyword, activation, category, parameter) or at the start of a
 * description word. The exact name scores highest; then a name that starts with a query word, one
 * that holds it, then the terms by weight and last the description.
 */
export const matchScore = (entry: PaletteEntry, query: string): number => matchItem(searchable(entry), query)?.score ?? 0;

/** True when `query` finds `entry` (see {@link matchScore}). */
export const matchesQuery = (entry: PaletteEntry, query: string): boolean => matchScore(entry, query) > 0;

/** The entries and templates `query` finds, each best first (ties keep palette order), with why each matched. */
export function searchPalette(query: string): PaletteResults {
  return {
    entries: searchItems(SEARCHABLE_ENTRIES, query).map(({ item, match }) => ({ entry: item.entry, why: match.why })),
    templates: searchItems(SEARCHABLE_TEMPLATES, query).map(({ item, match }) => ({ entry: item.template, why: match.why })),
  };
}

/** The palette's sections with no search: categories in CATEGORY_ORDER, empty ones left out. */
export function paletteGroups(): PaletteGroup[] {
  return CATEGORY_ORDER.map((category) => ({ category, entries: PALETTE_ENTRIES.filter((e) => e.category === category) })).filter(
    (group) => group.entries.length > 0,
  );
}
