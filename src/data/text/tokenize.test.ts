import { describe, expect, it } from 'vitest';
import { compareCodePoints, splitText, standardizeText, textTokens } from './tokenize';

describe('standardizeText', () => {
  it.each([
    ['Hello, World!', 'hello world'],
    ["Don't", 'dont'],
    ['a-b_c.d/e\\f', 'abcdef'],
    ['[UNK]', 'unk'],
    ['ÉCOLE Straße ΣΑΣ İ', 'École straße ΣΑΣ İ'],
    ['it’s “x” — y…', 'it’s “x” — y…'],
    ['!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~', ''],
    ['', ''],
  ])('lower_and_strip_punctuation: %j -> %j', (text, expected) => {
    expect(standardizeText(text, 'lower_and_strip_punctuation')).toBe(expected);
  });

  it('leaves the text alone without standardize', () => {
    expect(standardizeText('A, B!', null)).toBe('A, B!');
  });
});

describe('splitText', () => {
  it.each([
    ['  a  b\tc\nd\r\ne\vf\fg  ', ['a', 'b', 'c', 'd', 'e', 'f', 'g']],
    ['', []],
    [' \t\n ', []],
    ['no\u00a0break ideo\u3000space', ['no\u00a0break', 'ideo\u3000space']],
    ['x\u001cy', ['x\u001cy']],
  ])('whitespace: %j', (text, expected) => {
    expect(splitText(text, 'whitespace')).toEqual(expected);
  });

  it.each([
    ['ab c', ['a', 'b', ' ', 'c']],
    ['😀é', ['😀', 'é']],
    ['e\u0301', ['e', '\u0301']],
    ['', []],
    ['a\ud800b', ['a', '\ufffd', 'b']],
  ])('character: %j', (text, expected) => {
    expect(splitText(text, 'character')).toEqual(expected);
  });

  it('standardises before splitting', () => {
    expect(textTokens('Hi, THERE.  you', 'lower_and_strip_punctuation', 'whitespace')).toEqual(['hi', 'there', 'you']);
  });
});

describe('compareCodePoints', () => {
  it.each([
    ['a', 'b', -1],
    ['b', 'a', 1],
    ['a', 'a', 0],
    ['a', 'ab', -1],
    ['\uff01', '😀', -1],
    ['😀', '\ue000', 1],
    ['😀a', '😀b', -1],
  ])('%j vs %j', (a, b, sign) => {
    expect(Math.sign(compareCodePoints(a, b))).toBe(sign);
  });
});
