/**
 * Text columns as Keras's `TextVectorization` (`output_mode='int'`) sees them: fitting a
 * vocabulary, vectorising rows, listing tokens and summarising. See `docs/text-data.md`.
 */
export { fittedTextVectorizerSchema, textVectorizerOptionsSchema } from './schema';
export { lengthStats, oovShare, summarizeText } from './summary';
export type { LengthBin, LengthStats, OovStats, TextSummary, TokenCount } from './summary';
export { compareCodePoints, splitText, standardizeText, textTokens } from './tokenize';
export { DEFAULT_TEXT_OPTIONS, OOV_INDEX, OOV_TOKEN, PAD_INDEX, PAD_TOKEN } from './types';
export type { FittedTextVectorizer, TextSplit, TextStandardize, TextVectorizerOptions, TextVocabulary } from './types';
export { sequenceOfIds, tokenIndices, tokenize, tokenSequence, vectorize, vectorizeBatch } from './vectorize';
export type { SamplePositions, TextToken, TokenSequence, VectorizedBatch } from './vectorize';
export { checkTextOptions, countTokens, fitTextVectorizer, textVocabulary } from './vocabulary';
