import { describe, expect, it } from 'vitest';
import { terminalText } from './terminal-text';

describe('terminalText', () => {
  it.each([
    ['an escape sequence', 'dense\x1b[31mred', 'dense\\u001b[31mred'],
    ['a window title', '\x1b]0;pwned\x07', '\\u001b]0;pwned\\u0007'],
    ['a carriage return', 'ok\rEVIL', 'ok\\u000dEVIL'],
    ['NUL and DEL', 'a\0b\x7f', 'a\\u0000b\\u007f'],
    ['a C1 control (CSI)', 'a\x9b2J', 'a\\u009b2J'],
    ['a bidi override', 'admin\u202e', 'admin\\u202e'],
  ])('escapes %s', (_what, text, shown) => {
    expect(terminalText(text)).toBe(shown);
  });

  it('keeps line breaks, tabs, box drawing, accents and emoji as they are', () => {
    const text = 'Model: "café 😀"\n\t═══ (None, 64)';
    expect(terminalText(text)).toBe(text);
  });
});
