/**
 * Netloom's tokenizer against Keras 3's TextVectorization, through the golden file that
 * `scripts/text-vectorization-golden.py` writes with real Keras and TensorFlow.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { UserFileError } from '../../lib/errors';
import { textVectorizerOptionsSchema } from './schema';
import { vectorize, vectorizeBatch } from './vectorize';
import { fitTextVectorizer } from './vocabulary';

interface GoldenCase {
  readonly name: string;
  readonly options: unknown;
  readonly vocabulary?: readonly string[];
  readonly texts?: readonly string[];
  readonly output?: readonly (readonly number[])[];
  readonly error?: string;
}

const golden = JSON.parse(readFileSync(new URL('./fixtures/keras-text-vectorization.json', import.meta.url), 'utf8')) as {
  readonly keras: string;
  readonly adapt: readonly string[];
  readonly cases: readonly GoldenCase[];
};

describe(`TextVectorization parity with Keras ${golden.keras}`, () => {
  it('covers every case the generator writes', () => {
    expect(golden.cases.length).toBeGreaterThanOrEqual(8);
  });

  it.each(golden.cases.filter((c) => c.error === undefined))('$name: same vocabulary and outputs', (c) => {
    const options = textVectorizerOptionsSchema.parse(c.options);
    const vocab = fitTextVectorizer(golden.adapt, options);
    expect(vocab.fitted.vocabulary).toEqual(c.vocabulary);
    const texts = c.texts as readonly string[];
    const batch = vectorizeBatch(texts, vocab);
    const rows = Array.from({ length: batch.rows }, (_, i) => Array.from(batch.values.subarray(i * batch.length, (i + 1) * batch.length)));
    expect(rows).toEqual(c.output);
    if (options.outputSequenceLength !== null) {
      texts.forEach((t, i) => expect(Array.from(vectorize(t, vocab))).toEqual(c.output?.[i]));
    }
  });

  it.each(golden.cases.filter((c) => c.error !== undefined))('$name: Keras fails, Netloom refuses the options', (c) => {
    const options = textVectorizerOptionsSchema.safeParse(c.options);
    expect(options.success).toBe(false);
    expect(() => fitTextVectorizer(golden.adapt, c.options as never)).toThrow(UserFileError);
  });
});
