import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { UserFileError } from '../lib/errors';
import { createTableBuilder, looksBinary, parseCsvText, streamCsv } from './csv';
import type { Column, Table } from './types';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

/** A column's cells as the strings they stand for (null = missing), for readable assertions. */
function cells(column: Column | undefined): (string | number | null)[] {
  if (column === undefined) throw new Error('no such column');
  if (column.kind === 'numeric') return Array.from(column.values, (v) => (Number.isNaN(v) ? null : v));
  return Array.from(column.codes, (c) => (c < 0 ? null : (column.dictionary[c] as string)));
}

const names = (table: Table) => table.columns.map((c) => c.name);

describe('parseCsvText formats', () => {
  it.each([
    {
      file: 'iris-small.csv',
      delimiter: ',',
      header: true,
      names: ['sepal_length', 'sepal_width', 'petal_length', 'petal_width', 'species'],
      rows: 12,
      kinds: ['numeric', 'numeric', 'numeric', 'numeric', 'codes'],
    },
    {
      file: 'semicolon-bom-crlf.csv',
      delimiter: ';',
      header: true,
      names: ['name', 'price', 'size; cm', 'label'],
      rows: 4,
      kinds: ['codes', 'numeric', 'numeric', 'codes'],
    },
    { file: 'tabs.tsv', delimiter: '\t', header: true, names: ['x', 'y', 'label'], rows: 4, kinds: ['numeric', 'numeric', 'codes'] },
    { file: 'missing.csv', delimiter: ',', header: true, names: ['age', 'city', 'score'], rows: 6, kinds: ['numeric', 'codes', 'numeric'] },
    {
      file: 'sklearn-header.csv',
      delimiter: ',',
      header: true,
      names: ['feature_1', 'feature_2', 'target'],
      rows: 6,
      kinds: ['numeric', 'numeric', 'numeric'],
    },
    { file: 'empty-lines.csv', delimiter: ',', header: true, names: ['a', 'b'], rows: 3, kinds: ['numeric', 'numeric'] },
    { file: 'headerless.csv', delimiter: ',', header: false, names: ['column_1', 'column_2', 'column_3'], rows: 4, kinds: ['numeric', 'numeric', 'numeric'] },
  ])('$file', ({ file, delimiter, header, names: expected, rows, kinds }) => {
    const table = parseCsvText(fixture(file), file);
    expect(table.delimiter).toBe(delimiter);
    expect(table.hasHeader).toBe(header);
    expect(names(table)).toEqual(expected);
    expect(table.rowCount).toBe(rows);
    expect(table.columns.map((c) => c.kind)).toEqual(kinds);
    expect(table.summaries).toHaveLength(expected.length);
    for (const column of table.columns) expect(cells(column)).toHaveLength(rows);
  });

  it('reads quoted fields, escaped quotes, CRLF, a BOM and decimal commas', () => {
    const table = parseCsvText(fixture('semicolon-bom-crlf.csv'));
    expect(cells(table.columns[0])).toEqual(['Smith; John', 'say "hi"', 'plain', 'multi\r\nline']);
    expect(cells(table.columns[1])).toEqual([3.5, 4.25, 5, 6.75]);
    expect(table.preview[0]).toEqual(['Smith; John', '3,5', '10', 'yes']);
  });

  it('treats every missing marker as missing', () => {
    const table = parseCsvText(fixture('missing.csv'));
    expect(cells(table.columns[0])).toEqual([30, null, 25, null, 40, 35]);
    expect(cells(table.columns[1])).toEqual(['Paris', 'Rome', null, 'Paris', null, 'Rome']);
    const markers = ['', 'NA', 'N/A', 'NaN', 'nan', 'null', 'NULL', '?', '  NA '];
    const many = parseCsvText(`v,w\n${markers.map((m, i) => `${m},${i}`).join('\n')}\n1,9\n`);
    expect(cells(many.columns[0])).toEqual([...markers.map(() => null), 1]);
  });

  it('recognises an sklearn first line and keeps its class names', () => {
    const table = parseCsvText(fixture('sklearn-header.csv'));
    expect(table.headerClassNames).toEqual(['a', 'b']);
    expect(cells(table.columns[2])).toEqual([0, 0, 0, 1, 1, 1]);
    const iris = parseCsvText('4,2,setosa,versicolor,virginica\n1,2,0\n3,4,1\n5,6,2\n7,8,2\n');
    expect(iris.headerClassNames).toEqual(['setosa', 'versicolor', 'virginica']);
    expect(iris.rowCount).toBe(4);
  });

  it.each([
    // sklearn's own iris.csv: the first line is as wide as the data rows.
    {
      text: '3,4,setosa,versicolor,virginica\n5.1,3.5,1.4,0.2,0\n7.0,3.2,4.7,1.4,1\n6.3,3.3,6.0,2.5,2\n',
      names: ['feature_1', 'feature_2', 'feature_3', 'feature_4', 'target'],
      classes: ['setosa', 'versicolor', 'virginica'],
    },
    // sklearn's regression files: counts only, then a header line.
    { text: '3,2\nrooms,age,price\n3,10,200\n4,20,250\n5,5,400\n', names: ['rooms', 'age', 'price'], classes: undefined },
  ])('reads sklearn variants: $names', ({ text, names: expected, classes }) => {
    const table = parseCsvText(text);
    expect(names(table)).toEqual(expected);
    expect(table.headerClassNames).toEqual(classes);
    expect(table.rowCount).toBe(3);
    expect(table.hasHeader).toBe(true);
  });

  it('counts empty lines between rows as skipped, not the trailing ones', () => {
    expect(parseCsvText(fixture('empty-lines.csv')).skippedRows).toBe(3);
  });

  it.each([
    { text: 'x,x,,y\n1,2,3,4\n', expected: ['x', 'x_2', 'column_3', 'y'] },
    { text: 'x,x_2,x\n1,2,3\n', expected: ['x', 'x_2', 'x_3'] },
  ])('makes header names unique: $text', ({ text, expected }) => {
    expect(names(parseCsvText(text))).toEqual(expected);
  });

  it.each([
    { text: 'name,color\nann,red\nbob,blue\n', header: true },
    { text: 'red,small\nblue,big\nred,big\n', header: false },
    { text: 'a,1,2\nb,3,4\n', header: false },
    { text: '1,2\n3,4\n', header: false },
  ])('detects a header or not: $text', ({ text, header }) => {
    expect(parseCsvText(text).hasHeader).toBe(header);
  });

  it('switches a column from numbers to codes when a word appears, keeping earlier values', () => {
    const rows = Array.from({ length: 3000 }, (_, i) => (i === 2500 ? 'big' : String(i % 7)));
    const table = parseCsvText(`size,y\n${rows.map((r) => `${r},1`).join('\n')}\n`);
    const column = table.columns[0] as Column;
    expect(column.kind).toBe('codes');
    expect(cells(column)).toEqual(rows);
  });

  it('keeps at most 20 preview rows, as strings', () => {
    const text = `a,b\n${Array.from({ length: 30 }, (_, i) => `${i}.0,x${i % 3}`).join('\n')}`;
    const table = parseCsvText(text);
    expect(table.preview).toHaveLength(20);
    expect(table.preview[3]).toEqual(['3.0', 'x0']);
  });

  it('accepts trailing empty cells beyond the header', () => {
    expect(parseCsvText('a,b\n1,2,\n3,4,,\n').rowCount).toBe(2);
  });

  it('the builder accepts rows a chunk at a time', () => {
    const builder = createTableBuilder({ fileName: 'rows.csv' });
    builder.addRows([
      ['a', 'b'],
      ['1', 'x'],
    ]);
    builder.addRows([[''], ['2', 'y']]);
    const table = builder.finish();
    expect(table.rowCount).toBe(2);
    expect(builder.lines).toBe(4);
  });
});

describe('parseCsvText errors', () => {
  const binary = String.fromCharCode(...Array.from({ length: 600 }, (_, i) => (i * 37) % 256));
  it.each([
    { name: 'empty file', text: fixture('empty.csv'), message: 'the file is empty' },
    { name: 'only empty lines', text: '\n \r\n\n', message: 'the file is empty' },
    { name: 'NUL bytes', text: 'a,b\n1,\u00002\n', message: 'this is not a text CSV file (it looks binary)' },
    { name: 'binary', text: binary, message: 'this is not a text CSV file (it looks binary)' },
    { name: 'ragged', text: fixture('ragged.csv'), message: 'row 7 has 3 values but the header has 5 columns' },
    { name: 'ragged, one value', text: 'a,b\n1,2\n\n3\n', message: 'row 4 has 1 value but the header has 2 columns' },
    { name: 'ragged, no header', text: '\n1,2\n3,4,5\n', message: 'row 3 has 3 values but row 2 has 2' },
    { name: 'ragged after a multi-line cell', text: 'a,b\n"x\ny",1\n1\n', message: 'row 4 has 1 value but the header has 2 columns' },
    { name: 'header only', text: fixture('header-only.csv'), message: 'the file has a header but no data rows' },
    { name: 'unclosed quote', text: 'a,b\n1,2\n3,"4\n5,6\n', message: 'a quoted value that starts on row 3 is never closed' },
  ])('$name', ({ text, message }) => {
    expect(() => parseCsvText(text, 'data.csv')).toThrow(new UserFileError(message, 'data.csv'));
    expect(() => parseCsvText(text)).toThrow(message);
  });

  it('refuses a string over the size limit', () => {
    expect(() => parseCsvText('a\n'.repeat(700_000), 'big.csv', { maxBytes: 1024 * 1024 })).toThrow('big.csv: the file is 2 MB, over the 1 MB limit');
  });

  it('looksBinary tolerates a few odd characters in text', () => {
    expect(looksBinary('name,city\nJos\ufffd,Par\ufffds\n')).toBe(false);
    expect(looksBinary('')).toBe(false);
  });
});

describe('streamCsv', () => {
  it('reads a Blob the same as the text', async () => {
    const text = fixture('semicolon-bom-crlf.csv');
    const progress: number[] = [];
    const table = await streamCsv(new Blob([text]), { onProgress: (read) => progress.push(read) });
    expect(table).toEqual(parseCsvText(text));
    expect(progress.at(-1)).toBe(new TextEncoder().encode(text).byteLength);
  });

  it('decodes UTF-8 characters split across chunks', async () => {
    const text = `name,n\n${Array.from({ length: 200 }, (_, i) => `caf\u00e9 ${i % 4} \u{1f600},${i}`).join('\n')}\n`;
    const bytes = new TextEncoder().encode(text);
    async function* chunks() {
      for (let i = 0; i < bytes.length; i += 7) yield bytes.subarray(i, i + 7);
    }
    expect(await streamCsv(chunks())).toEqual(parseCsvText(text));
  });

  it('accepts a string', async () => {
    expect((await streamCsv('a,b\n1,2\n')).rowCount).toBe(1);
  });

  it('refuses a file over the limit before reading it', async () => {
    class HugeFile extends Blob {
      override get size() {
        return 612 * 1024 * 1024;
      }
    }
    await expect(streamCsv(new HugeFile(['a']), { fileName: 'huge.csv' })).rejects.toThrow(
      new UserFileError('the file is 612 MB, over the 500 MB limit', 'huge.csv'),
    );
  });

  it('refuses a stream that grows past the limit', async () => {
    async function* endless() {
      for (;;) yield 'a,b\n1,2\n'.repeat(1000);
    }
    await expect(streamCsv(endless(), { maxBytes: 1024 * 1024 })).rejects.toThrow('the file is over the 1 MB limit');
  });

  it('reports errors from later chunks as UserFileError', async () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('a,b\n'.padEnd(5000, '\n')), 0, 1, 2]);
    const table = streamCsv(new Blob([bytes]), { fileName: 'x.csv' });
    await expect(table).rejects.toBeInstanceOf(UserFileError);
  });

  it('refuses binary content in a Blob', async () => {
    const bytes = Uint8Array.from({ length: 5000 }, (_, i) => (i * 91) % 256);
    await expect(streamCsv(new Blob([bytes]), { fileName: 'photo.png' })).rejects.toThrow('photo.png: this is not a text CSV file (it looks binary)');
  });
});

describe('limits on lines and columns', () => {
  const longLine = (n: number) =>
    'line 3 is longer than ' +
    n.toLocaleString('en-US') +
    ' characters, the limit for one line; a CSV has one row per line, so check that this is a CSV file with a line break after each row';

  it.each([
    { name: 'LF', text: `a,b\n1,2\n${'9,'.repeat(20)}\n` },
    { name: 'CRLF', text: `a,b\r\n1,2\r\n${'9,'.repeat(20)}\r\n` },
    { name: 'CR only', text: `a,b\r1,2\r${'9,'.repeat(20)}\r` },
  ])('names the over-long line ($name)', ({ text }) => {
    expect(() => parseCsvText(text, 'long.csv', { maxLineChars: 30 })).toThrow(new UserFileError(longLine(30), 'long.csv'));
    expect(parseCsvText(text.replace('9,'.repeat(20), '9,9'), 'ok.csv', { maxLineChars: 30 }).rowCount).toBe(2);
  });

  it('stops reading a 30 MB one-line file after its first megabyte or so', async () => {
    const chunk = 'a,'.repeat(32 * 1024);
    let read = 0;
    async function* oneLine() {
      for (let i = 0; i < 480; i++) {
        read++;
        yield chunk;
      }
    }
    await expect(streamCsv(oneLine(), { fileName: 'one-line.csv' })).rejects.toThrow(
      'one-line.csv: line 1 is longer than 1,000,000 characters, the limit for one line',
    );
    expect(read).toBeLessThan(20);
  });

  const wide = (columns: number) => {
    const header = Array.from({ length: columns }, (_, j) => `c${j}`).join(',');
    const row = Array.from({ length: columns }, (_, j) => String(j % 7)).join(',');
    return `${header}\n${row}\n${row}\n`;
  };

  it('refuses a file wider than 2,000 columns, naming the count and the limit', async () => {
    const message =
      'the file has 10,000 columns (line 1), over the limit of 2,000; remove the columns you do not need (in a spreadsheet, or with pandas) and try again';
    expect(() => parseCsvText(wide(10_000), 'wide.csv')).toThrow(new UserFileError(message, 'wide.csv'));
    await expect(streamCsv(new Blob([wide(10_000)]), { fileName: 'wide.csv' })).rejects.toThrow(new UserFileError(message, 'wide.csv'));
    expect(parseCsvText(wide(2000)).columns).toHaveLength(2000);
  });

  it('counts the width of a headerless file or an sklearn first line the same way', () => {
    expect(() => parseCsvText(`\n${'1,'.repeat(5)}1\n`, undefined, { maxColumns: 5 })).toThrow('the file has 6 columns (line 2), over the limit of 5');
    expect(() => parseCsvText('2,6,a,b\n1,2,3,4,5,6,0\n1,2,3,4,5,6,1\n', undefined, { maxColumns: 5 })).toThrow(
      'the file has 7 columns (line 2), over the limit of 5',
    );
    // Empty cells past the header's end are no columns.
    expect(parseCsvText('a,b\n1,2,,,,,,,\n', undefined, { maxColumns: 5 }).columns).toHaveLength(2);
  });
});
