import { SANS_WIDTHS } from './plot-font-metrics';

/** The model picture's font: Keras's (Graphviz's Helvetica), then its metric twins. */
export const PLOT_FONT_FAMILY = "Helvetica, Arial, 'Liberation Sans', sans-serif";

/** A piece of a line of text, bold or not (Keras bolds the layer name and the values). */
export interface TextRun {
  readonly text: string;
  readonly bold: boolean;
}

/** Advance of a character outside the table, in thousandths of an em: wide scripts take a full em. */
function fallbackWidth(code: number): number {
  return code >= 0x2e80 ? 1000 : 600;
}

/**
 * The width in pixels of `text` at `size` px in Helvetica (regular or bold), from a fixed metric
 * table rather than the fonts installed: the picture is then the same on every machine, and a
 * browser's Helvetica, Arial or Liberation Sans draws it the same width.
 */
export function textWidth(text: string, size: number, bold = false): number {
  const table = bold ? SANS_WIDTHS.bold : SANS_WIDTHS.regular;
  let total = 0;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    total += code >= 32 && code <= 126 ? (table[code - 32] ?? 600) : fallbackWidth(code);
  }
  return (total * size) / 1000;
}

/** The width of a line made of runs. */
export function runsWidth(runs: readonly TextRun[], size: number): number {
  return runs.reduce((sum, run) => sum + textWidth(run.text, size, run.bold), 0);
}

/**
 * Text made safe for XML character data and attribute values: the five special characters as
 * entities, and the characters XML 1.0 forbids (C0 controls but tab and newline, lone
 * surrogates, U+FFFE and U+FFFF) as U+FFFD, so a layer named from a hostile file still parses.
 */
export function escapeXml(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex -- these are exactly the characters XML forbids
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&apos;')
  );
}
