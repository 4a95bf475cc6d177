import { describe, expect, it } from 'vitest';
import { MAX_JSON_DEPTH, parseJsonText, tooDeepAt } from './parse-file';

const nested = (levels: number, open = '{"a":', close = '}') => `${open.repeat(levels)}0${close.repeat(levels)}`;

describe('parseJsonText', () => {
  it('reads JSON nested up to the limit, with or without a byte-order mark', () => {
    expect(parseJsonText(`\ufeff${nested(3)}`)).toEqual({ a: { a: { a: 0 } } });
    expect(() => parseJsonText(nested(MAX_JSON_DEPTH, '[', ']'))).not.toThrow();
  });

  it.each([
    ['objects', nested(100_000), '5,001'],
    ['arrays', nested(100_000, '[', ']'), '1,001'],
    ['one level past the limit', nested(MAX_JSON_DEPTH + 1, '[', ']'), '1,001'],
  ])('refuses %s nested past the limit before parsing, naming the file and the place', (_what, text, at) => {
    expect(() => parseJsonText(text, 'deep.json')).toThrow(
      `deep.json: the JSON nests arrays or objects more than 1,000 levels deep (at character ${at}); a project or model.json nests a few dozen at most`,
    );
  });

  it('does not count brackets inside strings, escaped quotes included', () => {
    const text = JSON.stringify({ name: `"\\${'['.repeat(5000)}` });
    expect(tooDeepAt(text)).toBe(-1);
    expect(parseJsonText(text)).toEqual({ name: `"\\${'['.repeat(5000)}` });
  });

  it.each([
    ['with files', 'PK\u0003\u0004\u0014\u0000\u0008'],
    ['empty', `PK\u0005\u0006${'\u0000'.repeat(18)}`],
  ])('says a zip (%s) is a zip rather than quoting its bytes', (_what, text) => {
    expect(() => parseJsonText(text, 'model.json')).toThrow(
      'model.json: this is a zip file, not JSON text: unzip it and use the .netloom.json or model.json inside',
    );
  });

  it('names the file and the syntax error otherwise', () => {
    expect(() => parseJsonText('{"a":', 'x.json')).toThrow(/^x\.json: not valid JSON: /);
  });
});
