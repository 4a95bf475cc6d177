/**
 * The limits a CSV must keep to be read at all, checked while it streams so that a hostile or
 * mistaken file (one 30 MB line, ten thousand columns) is refused in milliseconds rather than
 * parsed for minutes into gigabytes.
 */
import { UserFileError } from '../lib/errors';

/**
 * Longest line, in characters (about 1 MB of ASCII). Papaparse re-parses an unfinished line with
 * every chunk that extends it, so one huge line costs time quadratic in its length; a real row,
 * even of {@link MAX_COLUMNS} long values, is a small fraction of this.
 */
export const MAX_LINE_CHARS = 1_000_000;

/**
 * Most columns a table may have. Each column costs a typed array, a summary, a row in the
 * column plan and an entry in every saved plan; past a few thousand the plan alone dominates the
 * project file, and a model with that many raw inputs is rarely what the user meant.
 */
export const MAX_COLUMNS = 2000;

const count = (n: number) => n.toLocaleString('en-US');

/**
 * Watches text on its way to the parser and throws a {@link UserFileError} naming the line (as an
 * editor numbers it: `\n`, `\r\n` and a lone `\r` each end one) once a line passes `maxChars`.
 */
export function createLineGuard(maxChars: number, fileName: string | undefined): (text: string) => void {
  let line = 1;
  let length = 0;
  let afterCr = false;
  return (text) => {
    // A plain loop: it keeps up with papaparse on big files, and a regex would allocate per line.
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) {
        if (!afterCr) line++;
        length = 0;
        afterCr = false;
      } else if (c === 13) {
        line++;
        length = 0;
        afterCr = true;
      } else {
        afterCr = false;
        if (++length > maxChars) {
          throw new UserFileError(
            `line ${count(line)} is longer than ${count(maxChars)} characters, the limit for one line; a CSV has one row per line, so check that this is a CSV file with a line break after each row`,
            fileName,
          );
        }
      }
    }
  };
}

/** The message for a table wider than `maxColumns`, naming the line that is. */
export function tooManyColumns(columns: number, line: number, maxColumns: number): string {
  return `the file has ${count(columns)} columns (line ${count(line)}), over the limit of ${count(maxColumns)}; remove the columns you do not need (in a spreadsheet, or with pandas) and try again`;
}
