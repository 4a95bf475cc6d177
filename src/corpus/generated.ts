/**
 * The generated corpus (test support): one small model per tfjs layer class Netloom supports and
 * one per trait of real files, built with tfjs's own API and seeded weights. See corpus-model.ts.
 */
import type { Tf } from '../layers/layer-spec';
import { buildCorpusModel, type CorpusCase, type CorpusModel } from './corpus-model';
import { CONV_CASES, POOLING_CASES } from './generated-conv';
import { ACTIVATION_CASES, CORE_CASES } from './generated-core';
import { MERGE_CASES } from './generated-merge';
import { NORMALIZATION_CASES, PREPROCESSING_CASES, REGULARIZATION_CASES } from './generated-preprocessing';
import { PROBE_CASES } from './generated-probes';
import { RECURRENT_CASES, WRAPPER_CASES } from './generated-recurrent';
import { SPELLING_CASES } from './generated-spellings';
import { TRAIT_CASES } from './generated-traits';

/** Every recipe, in a fixed order (each model's weights are seeded from its place in it). */
export const CORPUS_CASES: readonly CorpusCase[] = [
  ...CORE_CASES,
  ...ACTIVATION_CASES,
  ...CONV_CASES,
  ...POOLING_CASES,
  ...RECURRENT_CASES,
  ...WRAPPER_CASES,
  ...MERGE_CASES,
  ...PREPROCESSING_CASES,
  ...NORMALIZATION_CASES,
  ...REGULARIZATION_CASES,
  ...TRAIT_CASES,
  ...SPELLING_CASES,
  ...PROBE_CASES,
];

/** Builds and saves every recipe. */
export async function generatedModels(tf: Tf): Promise<CorpusModel[]> {
  const ids = new Set<string>();
  const out: CorpusModel[] = [];
  for (const [i, recipe] of CORPUS_CASES.entries()) {
    if (ids.has(recipe.id)) throw new Error(`two corpus recipes are named ${recipe.id}`);
    ids.add(recipe.id);
    out.push(await buildCorpusModel(tf, recipe, i + 1));
  }
  return out;
}
