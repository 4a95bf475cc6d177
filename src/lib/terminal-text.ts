/**
 * Text from files on its way to a terminal. The CLI's messages quote what files hold (a layer
 * name, a column, the bytes JSON.parse stopped at), and a terminal obeys the control characters
 * in what it prints: ESC sequences clear the screen, set the window title or rewrite the line,
 * `\r` overprints it, and bidi overrides show it in another order than it reads.
 */

/** C0 controls but `\n` and `\t`, DEL, C1 controls, and the bidi embedding, override and isolate characters. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what must go
const UNPRINTABLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** `text` with every character a terminal would act on written as a `\uXXXX` escape instead. */
export function terminalText(text: string): string {
  return text.replace(UNPRINTABLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
