/**
 * Cell-level rules shared by CSV reading, column typing and preprocessing: what counts as
 * missing, what counts as a number, how a category is spelled, and the growable column store.
 */
import type { Column } from './types';

/** Cell spellings (after trimming) that mean "no value". */
export const MISSING_MARKERS: ReadonlySet<string> = new Set(['', 'NA', 'N/A', 'NaN', 'nan', 'null', 'NULL', '?']);

// Plain decimal notation only: Number() alone would also accept '0x1F', 'Infinity' and '  '.
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
// Excel in many European locales writes `3,5` in semicolon-separated files.
const DECIMAL_COMMA = /^[+-]?\d+,\d+$/;

/** True when the (untrimmed) cell is empty or one of {@link MISSING_MARKERS}. */
export function isMissingCell(cell: string): boolean {
  return MISSING_MARKERS.has(cell.trim());
}

/**
 * The number a trimmed, non-missing cell spells, or NaN when it is not a plain decimal number.
 * `decimalComma` also accepts `3,5` (only sensible when the delimiter is not a comma).
 */
export function parseNumberCell(trimmed: string, decimalComma = false): number {
  if (DECIMAL.test(trimmed)) return Number(trimmed);
  if (decimalComma && DECIMAL_COMMA.test(trimmed)) return Number(trimmed.replace(',', '.'));
  return Number.NaN;
}

/**
 * The spelling a category is stored under. Numbers are written the way JavaScript prints them, so
 * `1.0`, `1` and `01` are one category whether the column was read as numbers or strings.
 */
export function canonicalCategory(cell: string, decimalComma = false): string | null {
  const trimmed = cell.trim();
  if (MISSING_MARKERS.has(trimmed)) return null;
  const n = parseNumberCell(trimmed, decimalComma);
  return Number.isNaN(n) ? trimmed : String(n);
}

/** Orders class labels: numbers numerically and before words, words by code unit. */
export function compareLabels(a: string, b: string): number {
  const na = parseNumberCell(a);
  const nb = parseNumberCell(b);
  const aNum = !Number.isNaN(na);
  const bNum = !Number.isNaN(nb);
  if (aNum && bNum) return na - nb;
  if (aNum !== bNum) return aNum ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

const INITIAL_CAPACITY = 1024;

/**
 * One column being read. It stays a Float64Array while every value is a number and switches,
 * once, to dictionary codes when a word appears; either way a cell costs 4-8 bytes, which is
 * what keeps a 100 MB CSV from needing a gigabyte of JavaScript strings.
 */
export class ColumnBuilder {
  private numbers: Float64Array | null = new Float64Array(INITIAL_CAPACITY);
  private codes: Int32Array | null = null;
  private readonly dictionary: string[] = [];
  private readonly lookup = new Map<string, number>();
  private size = 0;

  constructor(
    readonly name: string,
    private readonly decimalComma: boolean,
  ) {}

  /** Appends one raw cell. */
  push(cell: string): void {
    const trimmed = cell.trim();
    const missing = MISSING_MARKERS.has(trimmed);
    const n = missing ? Number.NaN : parseNumberCell(trimmed, this.decimalComma);
    if (this.numbers !== null) {
      if (missing || !Number.isNaN(n)) {
        if (this.size === this.numbers.length) this.numbers = grow(this.numbers);
        this.numbers[this.size++] = n;
        return;
      }
      this.switchToCodes();
    }
    let codes = this.codes as Int32Array;
    if (this.size === codes.length) codes = this.codes = grow(codes);
    codes[this.size++] = missing ? -1 : this.codeOf(Number.isNaN(n) ? trimmed : String(n));
  }

  /** The finished column, trimmed to its length. */
  finish(): Column {
    if (this.numbers !== null) return { kind: 'numeric', name: this.name, values: this.numbers.slice(0, this.size) };
    const codes = (this.codes as Int32Array).slice(0, this.size);
    return { kind: 'codes', name: this.name, codes, dictionary: this.dictionary };
  }

  private codeOf(key: string): number {
    let code = this.lookup.get(key);
    if (code === undefined) {
      code = this.dictionary.length;
      this.dictionary.push(key);
      this.lookup.set(key, code);
    }
    return code;
  }

  private switchToCodes(): void {
    const numbers = this.numbers as Float64Array;
    const codes = new Int32Array(numbers.length);
    for (let i = 0; i < this.size; i++) {
      const v = numbers[i] as number;
      codes[i] = Number.isNaN(v) ? -1 : this.codeOf(String(v));
    }
    this.codes = codes;
    this.numbers = null;
  }
}

function grow<T extends Float64Array | Int32Array>(array: T): T {
  const bigger = new (array.constructor as new (n: number) => T)(array.length * 2);
  bigger.set(array);
  return bigger;
}
