/**
 * The zod schema of a fitted text vectorizer, for the project file and the model's metadata.
 */
import { z } from '../../lib/zod';
import { OOV_TOKEN, PAD_TOKEN } from './types';
import type { FittedTextVectorizer } from './types';

/** Keras `TextVectorization` arguments (see `TextVectorizerOptions`). */
export const textVectorizerOptionsSchema = z.strictObject({
  standardize: z.union([z.literal('lower_and_strip_punctuation'), z.null()]),
  split: z.enum(['whitespace', 'character']),
  maxTokens: z.number().int().min(3).nullable(),
  outputSequenceLength: z.number().int().min(1).nullable(),
});

/**
 * A fitted vectorizer: options and Keras's `get_vocabulary()` list. The list starts with `''` and
 * `'[UNK]'`, holds no token twice and no more than `maxTokens` entries.
 */
export const fittedTextVectorizerSchema = z
  .strictObject({
    version: z.literal(1),
    options: textVectorizerOptionsSchema,
    vocabulary: z.array(z.string()).min(2).readonly(),
  })
  .check((ctx) => {
    const { vocabulary, options } = ctx.value;
    const issue = (message: string) => ctx.issues.push({ code: 'custom', message, input: ctx.value, path: ['vocabulary'] });
    if (vocabulary[0] !== PAD_TOKEN || vocabulary[1] !== OOV_TOKEN) issue(`the vocabulary must start with '' and '${OOV_TOKEN}'`);
    if (new Set(vocabulary).size !== vocabulary.length) issue('the vocabulary lists a token twice');
    if (options.maxTokens !== null && vocabulary.length > options.maxTokens) issue(`the vocabulary has more than ${options.maxTokens} entries`);
  });

// The schema and the hand-written type must describe the same JSON.
const _sameShape: (v: z.output<typeof fittedTextVectorizerSchema>) => FittedTextVectorizer = (v) => v;
void _sameShape;
