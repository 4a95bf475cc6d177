/**
 * A small word search for lists a person browses (the layer palette, templates): every word of the
 * query must be found somewhere, names count most, and each match says why it matched, so a
 * result found by "relu" through Dense's activation reads "activation: relu" rather than a puzzle.
 */

/** Another text an item is found by, how much a match on it counts, and what the result then shows. */
export interface SearchTerm {
  readonly text: string;
  /** What a match on this term counts: a whole word scores this, a word it begins 30 less, a shared stem 50 less. */
  readonly weight: number;
  /** Shown with the result, e.g. `activation: relu`, `keyword: image`, `category: Pooling`. */
  readonly why: string;
}

/** Something a search can find: its name, other terms, and a description searched last. */
export interface Searchable {
  readonly name: string;
  readonly terms: readonly SearchTerm[];
  readonly description: string;
}

/** How an item fits a query: its score, and why, one reason per query word not found in the name. */
export interface SearchMatch {
  readonly score: number;
  readonly why: readonly string[];
}

/** What a name that starts with a query word scores; one that holds it elsewhere scores {@link NAME_CONTAINS}. */
export const NAME_PREFIX = 300;
/** What a name that holds a query word past its start scores ("2d" finds Conv2D). */
export const NAME_CONTAINS = 200;
/** What a query word at the start of a description word scores: the weakest match. */
export const DESCRIPTION = 40;
/** The exact name, whole: it comes first whatever else matches. */
export const EXACT_NAME = 1000;

/** Lower-case words of a text: letters and digits, split at everything else. */
export const searchWords = (text: string): string[] =>
  text
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);

const SUFFIXES = ['isation', 'ization', 'ation', 'izer', 'iser', 'ize', 'ise', 'ing', 'es', 's'];

/**
 * A word without its common English ending, so that "regularization" meets "regularizer" and
 * "normalization" "normalize"; a word that would shrink below four letters is kept whole.
 */
export function stem(word: string): string {
  for (const suffix of SUFFIXES) {
    if (word.endsWith(suffix) && word.length - suffix.length >= 4) return word.slice(0, -suffix.length);
  }
  return word;
}

/** What one query word scores against one term: 0 when none of the term's words fits it. */
function termScore(token: string, words: readonly string[], weight: number): number {
  if (words.includes(token)) return weight;
  if (words.some((w) => w.startsWith(token))) return weight - 30;
  const root = stem(token);
  if (root !== token && words.some((w) => w.startsWith(root))) return weight - 50;
  return 0;
}

interface PreparedTerm {
  readonly words: readonly string[];
  readonly weight: number;
  readonly why: string;
}

/** One query word's best place in an item, or undefined when it is nowhere. */
function tokenMatch(token: string, name: string, terms: readonly PreparedTerm[], described: readonly string[]): { score: number; why?: string } | undefined {
  if (name.startsWith(token)) return { score: NAME_PREFIX };
  if (name.includes(token)) return { score: NAME_CONTAINS };
  let best: { score: number; why: string } | undefined;
  for (const term of terms) {
    const score = termScore(token, term.words, term.weight);
    if (score > (best?.score ?? 0)) best = { score, why: term.why };
  }
  if (best) return best;
  // Only where a description word starts, so that "skip" finds Add but "a" does not find them all.
  if (described.some((w) => w.startsWith(token))) return { score: DESCRIPTION, why: 'in its description' };
  return undefined;
}

/**
 * How `item` fits `query`, or undefined when some query word is found nowhere in it: not in the
 * name (anywhere), a term (a whole word, the start of one, or a shared stem) or at the start of a
 * description word. An empty query fits everything with score 1.
 */
export function matchItem(item: Searchable, query: string): SearchMatch | undefined {
  const tokens = searchWords(query);
  if (tokens.length === 0) return { score: 1, why: [] };
  const name = searchWords(item.name).join('');
  if (name === tokens.join('')) return { score: EXACT_NAME, why: [] };
  const terms = item.terms.map((t) => ({ words: searchWords(t.text), weight: t.weight, why: t.why }));
  const described = searchWords(item.description);
  let score = 0;
  const why: string[] = [];
  for (const token of tokens) {
    const found = tokenMatch(token, name, terms, described);
    if (!found) return undefined;
    score += found.score;
    if (found.why !== undefined && !why.includes(found.why)) why.push(found.why);
  }
  return { score, why };
}

/** The items `query` finds with their matches, best first; ties keep the list's order. */
export function searchItems<T extends Searchable>(items: readonly T[], query: string): { readonly item: T; readonly match: SearchMatch }[] {
  return items
    .map((item, index) => ({ item, index, match: matchItem(item, query) }))
    .filter((r): r is { item: T; index: number; match: SearchMatch } => r.match !== undefined)
    .sort((a, b) => b.match.score - a.match.score || a.index - b.index)
    .map(({ item, match }) => ({ item, match }));
}
