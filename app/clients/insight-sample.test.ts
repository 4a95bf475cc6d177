import { describe, expect, it } from 'vitest';
import { parseCsvText } from '../../src/data/csv';
import { defaultPlan } from '../../src/data/plan';
import { fitPreprocessing } from '../../src/data/preprocess';
import { prepareFromTable } from '../../src/data/prepare';
import { insightSampleOf } from './insight-sample';

const rows = Array.from({ length: 20 }, (_, i) => `"the film ${i} ${i % 2 ? 'was good' : 'felt bad'}",${i % 2 ? 'pos' : 'neg'}`);
const reviews = parseCsvText(`review,label\n${rows.join('\n')}\n`, 'reviews.csv');

describe('the sample the views are of', () => {
  it("names a text sample's tokens, so its attention maps can be labelled by them", () => {
    const plan = defaultPlan(reviews);
    const fitted = fitPreprocessing(reviews, plan);
    const split = prepareFromTable(reviews, plan, fitted);
    const sample = insightSampleOf(split, 0, fitted);
    expect(sample.count).toBe(split.validation.count);
    const positions = sample.positions;
    if (positions === undefined) throw new Error('no positions');
    expect(positions.offset).toBe(0);
    expect(positions.featureNames).toEqual(fitted.featureNames);
    const words = positions.sequence.tokens.map((t) => t.token);
    // The validation rows' words are in the vocabulary but their numbers are not: [UNK].
    expect(words.slice(0, 2)).toEqual(['the', 'film']);
    expect(words).toContain('[UNK]');
    expect(['was good', 'felt bad']).toContain(words.slice(-2).join(' '));
    expect(positions.sequence.tokens.length + positions.sequence.padding).toBe(fitted.featureNames.length);
  });

  it('leaves positions out without a fitted text column, or for samples of another width', () => {
    const plan = defaultPlan(reviews);
    const fitted = fitPreprocessing(reviews, plan);
    const split = prepareFromTable(reviews, plan, fitted);
    expect(insightSampleOf(split, 0)).not.toHaveProperty('positions');
    const other = { ...fitted, featureNames: [...fitted.featureNames, 'extra'] };
    expect(insightSampleOf(split, 0, other)).not.toHaveProperty('positions');
    expect(insightSampleOf(undefined, 0, fitted)).toEqual({ count: 0 });
  });
});
