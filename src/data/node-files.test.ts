import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserFileError } from '../lib/errors';
import { parseCsvText } from './csv';
import { readCsvFile } from './node-files';
import { mulberry32 } from '../lib/random';
import type { Column, Table } from './types';

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'netloom-csv-'));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** About `bytes` of CSV with numbers, a category, some missing cells and a class label. */
function generatedCsv(bytes: number): string {
  const random = mulberry32(7);
  const colors = ['red', 'green', 'blue', '"dark, blue"'];
  const lines = ['a,b,c,color,note,label'];
  let size = lines[0]!.length;
  for (let i = 0; size < bytes; i++) {
    const a = (random() * 100).toFixed(3);
    const b = random() < 0.01 ? 'NA' : (random() * 2 - 1).toFixed(5);
    const c = Math.floor(random() * 1000);
    const line = `${a},${b},${c},${colors[i % 4]},caf\u00e9 ${i % 13},${i % 3}`;
    lines.push(line);
    size += line.length + 1;
  }
  return `${lines.join('\n')}\n`;
}

/** toEqual walks typed arrays element by element (seconds at this size); compare their bytes. */
function expectSameTable(actual: Table, expected: Table): void {
  const bytes = (c: Column) => Buffer.from((c.kind === 'numeric' ? c.values : c.codes).buffer);
  const rest = (t: Table) => ({ ...t, columns: t.columns.map((c) => (c.kind === 'numeric' ? c.name : [c.name, c.dictionary])) });
  expect(rest(actual)).toEqual(rest(expected));
  actual.columns.forEach((c, j) => expect(bytes(c).equals(bytes(expected.columns[j]!))).toBe(true));
}

describe('readCsvFile', () => {
  it('streams a 20 MB file to the same table parseCsvText builds', async () => {
    const text = generatedCsv(20 * 1024 * 1024);
    const path = join(dir, 'big.csv');
    writeFileSync(path, text);
    const calls: [number, number | undefined][] = [];
    const streamed = await readCsvFile(path, { onProgress: (read, total) => calls.push([read, total]) });
    expect(calls.length).toBeGreaterThan(10);
    const size = Buffer.byteLength(text);
    expect(calls.at(-1)).toEqual([size, size]);
    expect(calls.every(([read], i) => i === 0 || read > calls[i - 1]![0])).toBe(true);
    expect(streamed.rowCount).toBeGreaterThan(300_000);
    expect(streamed.columns.map((c) => c.kind)).toEqual(['numeric', 'numeric', 'numeric', 'codes', 'codes', 'numeric']);
    expectSameTable(streamed, parseCsvText(text, 'big.csv'));
  }, 30_000); // 20 MB of text: a few seconds alone, more on a busy 2-core machine.

  it('reads the fixtures like parseCsvText', async () => {
    const path = new URL('./fixtures/semicolon-bom-crlf.csv', import.meta.url);
    const fromDisk = await readCsvFile(path.pathname);
    expect(fromDisk).toEqual(parseCsvText(readFileSync(path, 'utf8')));
  });

  it.each([
    { name: 'missing file', setup: () => join(dir, 'nope.csv'), message: 'nope.csv: the file does not exist' },
    {
      name: 'folder',
      setup: () => {
        mkdirSync(join(dir, 'folder.csv'), { recursive: true });
        return join(dir, 'folder.csv');
      },
      message: 'folder.csv: this is a folder, not a file',
    },
    {
      name: 'over the limit',
      setup: () => {
        writeFileSync(join(dir, 'two.csv'), 'a\n'.repeat(800_000));
        return join(dir, 'two.csv');
      },
      message: 'two.csv: the file is 2 MB, over the 1 MB limit',
      maxBytes: 1024 * 1024,
    },
    {
      name: 'binary',
      setup: () => {
        writeFileSync(
          join(dir, 'image.csv'),
          Uint8Array.from({ length: 8192 }, (_, i) => (i * 31) % 256),
        );
        return join(dir, 'image.csv');
      },
      message: 'image.csv: this is not a text CSV file (it looks binary)',
    },
    {
      name: '30 MB single line, after reading its first megabyte or so',
      setup: () => {
        writeFileSync(join(dir, 'one-line.csv'), 'a,'.repeat(15 * 1024 * 1024));
        return join(dir, 'one-line.csv');
      },
      message:
        'one-line.csv: line 1 is longer than 1,000,000 characters, the limit for one line; a CSV has one row per line, so check that this is a CSV file with a line break after each row',
    },
  ])('refuses a $name', async ({ setup, message, maxBytes }) => {
    const error = await readCsvFile(setup(), maxBytes === undefined ? {} : { maxBytes }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserFileError);
    expect((error as Error).message).toBe(message);
  });
});
