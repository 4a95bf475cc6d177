import { describe, expect, it } from 'vitest';
import { HOSTILE_STRINGS } from './hostile-strings';
import { pyCommentText, pySource, pyString, readPyString } from './py-source';

/** Raw characters that end a line somewhere (Python, an editor, `str.splitlines`) or hide text. */
const RAW_UNSAFE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/u;

describe('pyString', () => {
  it.each(HOSTILE_STRINGS)('%s: one line, no raw control characters, reads back as itself', (_label, value) => {
    const literal = pyString(value);
    expect(literal).not.toMatch(RAW_UNSAFE);
    expect(readPyString(literal)).toBe(value);
    // Inside the quotes, every quote is escaped: the literal cannot end early.
    expect(literal.slice(1, -1)).not.toMatch(/(?<!\\)(?:\\\\)*"/);
  });

  it.each([
    ['plain', 'iris.csv', '"iris.csv"'],
    ['quote and backslash', 'a"b\\c', '"a\\"b\\\\c"'],
    ['line breaks', 'a\nb\rc\td', '"a\\nb\\rc\\td"'],
    ['NUL, NEL and separators', '\0\x85\u2028\u2029', '"\\u0000\\u0085\\u2028\\u2029"'],
    ['bidi override', '\u202e', '"\\u202e"'],
    ['lone surrogate', '\ud800', '"\\ud800"'],
    ['astral format character', '\u{e0041}', '"\\U000e0041"'],
    ['accents, CJK and emoji stay as they are', 'café 数据 😀', '"café 数据 😀"'],
  ])('%s', (_label, value, expected) => {
    expect(pyString(value)).toBe(expected);
  });
});

describe('pyCommentText', () => {
  it.each(HOSTILE_STRINGS)('%s: stays on one line', (_label, value) => {
    expect(pyCommentText(value)).not.toMatch(RAW_UNSAFE);
  });

  it('writes line breaks as escapes and keeps the rest', () => {
    expect(pyCommentText('x\nimport os\r\u2028"quoted" \\ café')).toBe('x\\nimport os\\r\\u2028"quoted" \\ café');
  });
});

describe('readPyString', () => {
  it("reads single-quoted literals and Python's short escapes", () => {
    expect(readPyString("'it\\'s'")).toBe("it's");
    expect(readPyString('"\\x41\\0\\a\\v"')).toBe('A\0\x07\v');
  });
});

describe('pySource', () => {
  it('joins clean lines', () => {
    expect(pySource(['import os', '', 'x = "a\\nb"'])).toBe('import os\n\nx = "a\\nb"');
  });

  it.each([
    ['a line feed', 'x = 1\nimport os'],
    ['a carriage return', '# name\rimport os'],
    ['a line separator', '# name\u2028import os'],
    ['a NUL', 'x = "\0"'],
  ])('refuses a line with %s', (_label, line) => {
    expect(() => pySource(['import keras', line])).toThrow(/line 2 holds an unescaped/);
  });
});
