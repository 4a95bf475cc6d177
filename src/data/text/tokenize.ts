/**
 * Standardising and splitting text exactly as Keras 3's `TextVectorization` does through
 * `tf.strings` (checked against Keras in `keras-golden.test.ts`):
 *
 * - `tf.strings.lower` without an encoding lowercases ASCII letters only: `É`, `Σ`, `İ` stay;
 * - the punctuation regex strips the 32 ASCII punctuation characters only: `’ “ — …` stay;
 * - `tf.strings.split` splits on runs of ASCII whitespace (space, \t, \n, \v, \f, \r) and drops
 *   empty tokens: a no-break space or an ideographic space is part of a token;
 * - `tf.strings.unicode_split` yields code points (an emoji is one token, a combining accent is
 *   another), spaces included.
 */
import { assertNever } from '../../lib/assert-never';
import type { TextSplit, TextStandardize } from './types';

/** Keras's `[!"#$%&()\*\+,-\./:;<=>?@\[\\\]^_`{|}~']`: every ASCII punctuation character. */
const PUNCTUATION = /[!"#$%&()*+,\-./:;<=>?@[\\\]^_`{|}~']/g;
const ASCII_UPPER = /[A-Z]+/g;
const ASCII_WHITESPACE = /[ \t\n\v\f\r]+/;

/** The text after Keras's `standardize` step. */
export function standardizeText(text: string, standardize: TextStandardize): string {
  switch (standardize) {
    case 'lower_and_strip_punctuation':
      return text.replace(ASCII_UPPER, (s) => s.toLowerCase()).replace(PUNCTUATION, '');
    case null:
      return text;
    default:
      return assertNever(standardize);
  }
}

/**
 * The tokens of standardised text after Keras's `split` step. A lone UTF-16 surrogate (which
 * Python could not even encode for Keras) becomes U+FFFD, as TF's decoder replaces bad bytes.
 */
export function splitText(text: string, split: TextSplit): string[] {
  switch (split) {
    case 'whitespace':
      return text.split(ASCII_WHITESPACE).filter((t) => t !== '');
    case 'character':
      return Array.from(text, (c) => (c.length === 1 && c >= '\ud800' && c <= '\udfff' ? '\ufffd' : c));
    default:
      return assertNever(split);
  }
}

/** Standardise, then split: the tokens Keras looks up for one row. */
export function textTokens(text: string, standardize: TextStandardize, split: TextSplit): string[] {
  return splitText(standardizeText(text, standardize), split);
}

/**
 * Compares two strings by Unicode code point, which is the order of their UTF-8 bytes (the order
 * numpy gives the bytes Keras sorts). Plain `<` compares UTF-16 units and puts U+FF01 after 😀.
 */
export function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.codePointAt(i) as number;
    const y = b.codePointAt(i) as number;
    if (x !== y) return x - y;
    if (x > 0xffff) i++;
  }
  return a.length - b.length;
}
