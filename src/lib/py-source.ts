/**
 * Text from outside written into generated Python source, safely. Project, file, folder, column
 * and class names, category values and sample ids come from files anyone can write; the exported
 * script is run by whoever downloads it. A name is only ever written through one of these:
 *
 * - {@link pyString}, a string literal: the value Python reads back is exactly the text, whatever
 *   it holds (quotes, backslashes, `"""`, line breaks, NUL).
 * - {@link pyCommentText}, text inside a `#` comment: a comment ends only at a line break, so
 *   every line break (and every other invisible character) is written as an escape instead.
 * - {@link pySource}, the script itself: refuses a line that still holds a raw line break or
 *   control character, so a name that skipped the first two fails the export instead of running.
 */
import { invariant } from './invariant';

/**
 * Characters never written raw: controls (C0, DEL and C1: NUL, `\n`, `\r`, `\x0b`, `\x0c`,
 * `\x1c`-`\x1e`, `\x85`), format characters (bidi overrides, zero-width characters, the BOM, which
 * can make source read other than it runs), line and paragraph separators (U+2028, U+2029) and
 * lone surrogates. Python itself breaks lines only at `\n` and `\r`, but editors, notebooks and
 * `str.splitlines` break at more, and a reader should see what is there.
 */
const UNSAFE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/gu;
/** {@link UNSAFE} without the global flag, whose `lastIndex` would make `test` stateful. */
const HAS_UNSAFE = new RegExp(UNSAFE.source, 'u');

const SHORT_ESCAPES: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');

/** One unsafe character as a Python escape: `\n`, `\u2028`, `\U000e0001`. */
function escapeCharacter(c: string): string {
  const short = SHORT_ESCAPES[c];
  if (short !== undefined) return short;
  const code = c.codePointAt(0) as number;
  return code > 0xffff ? `\\U${hex(code, 8)}` : `\\u${hex(code, 4)}`;
}

/**
 * A Python string literal whose value is exactly `text`: `"` and `\` escaped, every character of
 * {@link UNSAFE} as an escape, everything else (accents, CJK, emoji) as it is (scripts are UTF-8).
 * The escapes are a subset of JSON's, plus `\U` for astral format characters.
 */
export function pyString(text: string): string {
  return `"${text.replace(/[\\"]/g, (c) => `\\${c}`).replace(UNSAFE, escapeCharacter)}"`;
}

/**
 * `text` made safe to put inside a `#` comment: line breaks and other invisible characters as
 * escapes (`a\nb`), so the comment stays one line and nothing after it becomes code.
 */
export function pyCommentText(text: string): string {
  return text.replace(UNSAFE, escapeCharacter);
}

const ESCAPE = /\\(U[0-9a-fA-F]{8}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|[\\'"abfnrtv0])/g;
const NAMED: Readonly<Record<string, string>> = { a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '0': '\0' };

/**
 * The value of a one-line Python string literal (`"..."` or `'...'`, no prefix) with the escapes
 * {@link pyString} writes and Python's other short ones; the inverse of {@link pyString}.
 */
export function readPyString(literal: string): string {
  const quote = literal[0];
  invariant((quote === '"' || quote === "'") && literal.length >= 2 && literal.endsWith(quote), `not a string literal: ${literal}`);
  return literal.slice(1, -1).replace(ESCAPE, (_m, e: string) => {
    if (e.length === 1) return NAMED[e] ?? e;
    const code = Number.parseInt(e.slice(1), 16);
    // `\ud800` is one UTF-16 unit, a lone surrogate in Python's string as in JavaScript's.
    return e[0] === 'U' ? String.fromCodePoint(code) : String.fromCharCode(code);
  });
}

/**
 * Generated lines joined into a script. Each line must be free of {@link UNSAFE} characters: one
 * that is not holds text that bypassed {@link pyString} and {@link pyCommentText}, and writing it
 * could start a line of someone else's code, so this throws instead.
 */
export function pySource(lines: readonly string[]): string {
  for (const [i, line] of lines.entries()) {
    invariant(
      !HAS_UNSAFE.test(line),
      `generated Python line ${i + 1} holds an unescaped control or line-break character: ${JSON.stringify(line.slice(0, 80))}`,
    );
  }
  return lines.join('\n');
}
