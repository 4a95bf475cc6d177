/**
 * The incremental CSV-rows-to-{@link Table} builder: header detection over the first rows,
 * compact column storage, ragged-row refusal with editor line numbers, and the preview.
 */
import { UserFileError } from '../lib/errors';
import { assertNever } from '../lib/assert-never';
import { summarizeColumn } from './column-types';
import { ColumnBuilder } from './csv-cells';
import { defaultNames, guessHeader, sklearnNames, uniqueNames } from './csv-header';
import { MAX_COLUMNS, tooManyColumns } from './csv-limits';
import type { Table } from './types';

/** Options for {@link createTableBuilder}. */
export interface TableBuilderOptions {
  /** Named in error messages. */
  readonly fileName?: string;
  /** The delimiter the rows were split on; recorded in the table. `;` also enables `3,5` decimals. */
  readonly delimiter?: string;
  /** Refuse a table wider than this (default {@link MAX_COLUMNS}). */
  readonly maxColumns?: number;
}

/** Accepts rows as they are parsed and assembles the table at the end. */
export interface TableBuilder {
  /**
   * Adds rows exactly as the CSV parser produced them, empty lines included (`['']`), so the
   * builder can count lines the way an editor does.
   */
  addRows(rows: readonly (readonly string[])[]): void;
  /** Lines consumed so far (the next row starts on line `lines + 1`). */
  readonly lines: number;
  /** Finishes the table; throws {@link UserFileError} for an empty or header-only file. */
  finish(): Table;
}

/** Rows looked at before deciding whether line one is a header. */
const HEAD_ROWS = 50;
/** Rows kept as strings for the preview table. */
const PREVIEW_ROWS = 20;

interface HeadRow {
  readonly cells: readonly string[];
  readonly line: number;
}

/** A builder that turns parsed CSV rows into a {@link Table}, a chunk at a time. */
export function createTableBuilder(options: TableBuilderOptions = {}): TableBuilder {
  const { fileName } = options;
  const delimiter = options.delimiter ?? ',';
  const decimalComma = delimiter !== ',' && delimiter !== '.';
  const maxColumns = options.maxColumns ?? MAX_COLUMNS;
  let lines = 0;
  let pendingEmpty = 0;
  let skippedRows = 0;
  let head: HeadRow[] | null = [];
  let columns: ColumnBuilder[] = [];
  let widthText = '';
  let hasHeader = false;
  let headerClassNames: readonly string[] | undefined;
  let rowCount = 0;
  const preview: string[][] = [];

  const fail = (message: string): never => {
    throw new UserFileError(message, fileName);
  };

  function addDataRow(cells: readonly string[], line: number): void {
    const width = columns.length;
    if (cells.length !== width && !(cells.length > width && cells.slice(width).every((c) => c.trim() === ''))) {
      const values = cells.length === 1 ? '1 value' : `${cells.length} values`;
      fail(`row ${line} has ${values} but ${widthText}`);
    }
    for (let j = 0; j < width; j++) (columns[j] as ColumnBuilder).push(cells[j] as string);
    if (preview.length < PREVIEW_ROWS) preview.push(cells.slice(0, width));
    rowCount++;
  }

  function decide(rows: HeadRow[]): void {
    head = null;
    let data = rows;
    let names: string[];
    const guess = guessHeader(
      rows.map((r) => r.cells),
      decimalComma,
    );
    switch (guess.kind) {
      case 'none':
        names = defaultNames(rows[0]?.cells.length ?? 0);
        break;
      case 'header':
        names = uniqueNames(rows[0]?.cells ?? []);
        data = rows.slice(1);
        hasHeader = true;
        break;
      case 'sklearn':
        names = guess.namesRow ? uniqueNames(rows[1]?.cells ?? []) : sklearnNames(guess.features);
        data = rows.slice(guess.namesRow ? 2 : 1);
        hasHeader = true;
        if (guess.classNames.length > 0) headerClassNames = guess.classNames;
        break;
      default:
        assertNever(guess, 'header guess');
    }
    // The width comes from line one, or from the line after an sklearn first line.
    const widthLine = (guess.kind === 'sklearn' ? rows[1] : rows[0])?.line ?? 1;
    if (names.length > maxColumns) fail(tooManyColumns(names.length, widthLine, maxColumns));
    columns = names.map((name) => new ColumnBuilder(name, decimalComma));
    widthText = guess.kind === 'header' ? `the header has ${names.length} columns` : `row ${data[0]?.line ?? 1} has ${names.length}`;
    for (const row of data) addDataRow(row.cells, row.line);
  }

  return {
    get lines() {
      return lines;
    },
    addRows(rows) {
      for (const cells of rows) {
        const line = lines + 1;
        lines += 1 + newlinesIn(cells);
        if (cells.length === 0 || (cells.length === 1 && (cells[0] as string).trim() === '')) {
          pendingEmpty++;
          continue;
        }
        // Empty lines count as skipped only when data follows them: a trailing newline is no row.
        skippedRows += pendingEmpty;
        pendingEmpty = 0;
        const copy = line === 1 ? stripBom(cells) : cells;
        // A first row past the cap is refused at once, before 49 more like it are held.
        if (head?.length === 0 && copy.length > maxColumns && widthWithoutTrailingEmpties(copy) > maxColumns) {
          fail(tooManyColumns(widthWithoutTrailingEmpties(copy), line, maxColumns));
        }
        if (head === null) {
          addDataRow(copy, line);
        } else {
          head.push({ cells: copy, line });
          if (head.length >= HEAD_ROWS) decide(head);
        }
      }
    },
    finish() {
      if (head !== null) {
        if (head.length === 0) fail('the file is empty');
        decide(head);
      }
      if (rowCount === 0) fail('the file has a header but no data rows');
      const built = columns.map((c) => c.finish());
      return {
        columns: built,
        rowCount,
        summaries: built.map((c) => summarizeColumn(c, rowCount)),
        preview,
        delimiter,
        hasHeader,
        ...(headerClassNames === undefined ? {} : { headerClassNames }),
        skippedRows,
      };
    },
  };
}

function newlinesIn(cells: readonly string[]): number {
  let count = 0;
  for (const cell of cells) {
    for (let i = cell.indexOf('\n'); i !== -1; i = cell.indexOf('\n', i + 1)) count++;
  }
  return count;
}

function widthWithoutTrailingEmpties(cells: readonly string[]): number {
  let width = cells.length;
  while (width > 0 && (cells[width - 1] as string).trim() === '') width--;
  return width;
}

function stripBom(cells: readonly string[]): readonly string[] {
  const first = cells[0];
  return first !== undefined && first.startsWith('\ufeff') ? [first.slice(1), ...cells.slice(1)] : cells;
}
