/** What the attention views' tests share. Tests only. */
import { fitTextVectorizer, tokenSequence } from '../../src/data/text';
import type { SamplePositions } from '../../src/data/text';

/** "Not good, Bob" in a sequence of 4: not and good known, bob unknown, one padding position. */
export const NOT_GOOD_BOB: SamplePositions = {
  sequence: tokenSequence(
    'Not good, Bob',
    fitTextVectorizer(['not good', 'good film', 'not bad'], {
      standardize: 'lower_and_strip_punctuation',
      split: 'whitespace',
      maxTokens: null,
      outputSequenceLength: 4,
    }),
  ),
  offset: 0,
  featureNames: ['t[0]', 't[1]', 't[2]', 't[3]'],
};
