import type { SearchTerm } from '../lib/word-search';
import { regularizerArgument } from './define-layer';
import { isActivationKey } from './keras-activations';
import type { AnyLayerSpec, Category } from './layer-spec';

/**
 * What each kind of term counts in palette search, below a name match (300 or 200): a keyword the
 * layer file chose, an activation it can apply, its category, then one of its parameters.
 */
export const TERM_WEIGHT = { keyword: 150, activation: 140, category: 130, parameter: 90 } as const;

/** Search terms for chosen keywords and a category: what layers and blocks alike are found by. */
export function keywordTerms(keywords: readonly string[], category: Category): SearchTerm[] {
  return [
    ...keywords.map((text) => ({ text, weight: TERM_WEIGHT.keyword, why: `keyword: ${text}` })),
    { text: category, weight: TERM_WEIGHT.category, why: `category: ${category}` },
  ];
}

/**
 * Everything palette search finds a layer kind by besides its name and description, read from its
 * spec so that no list goes stale: its keywords and category, every choice of an activation
 * parameter ("relu" finds Dense as `activation: relu`), and its parameters by Keras name, a flat
 * L1/L2 one also by the regularizer argument it is part of ("l2" and "regularizer" find Dense).
 */
export function layerSearchTerms(spec: AnyLayerSpec): SearchTerm[] {
  const terms = keywordTerms(spec.keywords ?? [], spec.category);
  for (const [key, param] of Object.entries(spec.params)) {
    if (param.type === 'choice' && isActivationKey(key)) {
      terms.push(...param.options.map((option) => ({ text: option, weight: TERM_WEIGHT.activation, why: `${key}: ${option}` })));
    }
    const argument = regularizerArgument(key);
    terms.push(
      argument === undefined
        ? { text: key, weight: TERM_WEIGHT.parameter, why: `parameter: ${key}` }
        : { text: `${key} ${argument}`, weight: TERM_WEIGHT.parameter, why: `parameter: ${key} (${argument})` },
    );
  }
  return terms;
}
