/**
 * Hostile CSVs, each trained on for one epoch with a project shaped for it (or refused before
 * training): limits, degenerate tables, extreme numbers, encodings and delimiters, spreadsheet
 * formulas. The big ones are made when written.
 */
import type { HostileCase, Kept, Outcome } from './case';
import { jsonFile, mlpDoc } from './make';

const DATA = 'data.csv';
const WIDE = `${DATA}: the file has 10,000 columns (line 1), over the limit of 2,000; remove the columns you do not need (in a spreadsheet, or with pandas) and try again`;
const PROJECT = 'project.netloom.json';
const trained: Kept = { kind: 'written', path: 'out/model.json' };
const untrained: Kept = { kind: 'not-written', path: 'out/model.json' };

interface CsvShape {
  /** Features after preprocessing and classes (or regression) the project is built for; the seed's 4 and 3 by default. */
  readonly features?: number;
  readonly classes?: number | 'regression';
  readonly target?: string;
  readonly app?: HostileCase['app'];
}

function csvCase(id: string, what: string, content: () => string | Uint8Array, expect: Outcome, shape: CsvShape = {}): HostileCase {
  return {
    kind: 'csv',
    id,
    what,
    files: [{ path: DATA, content }, jsonFile(PROJECT, mlpDoc(shape.features ?? 4, shape.classes ?? 3))],
    command: { name: 'train', project: PROJECT, data: DATA, out: 'out', ...(shape.target ? { target: shape.target } : {}) },
    expect: { ...expect, kept: [...(expect.kept ?? []), expect.exit === 0 ? trained : untrained] },
    ...(shape.app ? { app: shape.app } : {}),
  };
}
const text = (csv: string) => () => csv;
const refused = (says: string): Outcome => ({ exit: 1, says });
/** Trained for its one epoch, with a finite loss. */
const trains: Outcome = { exit: 0, says: '{"epoch":1,"loss":', never: ['"loss":null', '"loss":NaN'] };
const rows = (n: number, row: (i: number) => string) => Array.from({ length: n }, (_, i) => row(i)).join('\n');

/** A table of `columns` columns (the last a 3-class label) and `count` rows. */
function wide(columns: number, count: number): string {
  const names = [...Array.from({ length: columns - 1 }, (_, j) => `f${j}`), 'label'];
  return `${names.join(',')}\n${rows(count, (i) => [...Array.from({ length: columns - 1 }, (_, j) => String((i * 7 + j) % 13)), `c${i % 3}`].join(','))}\n`;
}
const xy = (pairs: readonly (readonly [string, string])[]) => `x,y\n${pairs.map(([x, y]) => `${x},${y}`).join('\n')}\n`;
const TWO_CLASS = rows(12, (i) => `${i % 5},${(i * 3) % 7},${i % 2}`);

const limits: HostileCase[] = [
  csvCase('line-30mb', 'one 30 MB line (generated): refused at once, naming line 1 and the limit', () => 'a,'.repeat(15 * 1024 * 1024), {
    ...refused(`${DATA}: line 1 is longer than 1,000,000 characters, the limit for one line`),
    seconds: 10,
  }),
  csvCase('columns-10000', '10,000 columns: refused, naming the 2,000-column limit', () => wide(10_000, 20), refused(WIDE), {
    app: { input: 'csv', shows: 'data-error', says: WIDE, opens: false },
  }),
  csvCase('columns-2000', 'exactly 2,000 columns: read and trained', () => wide(2000, 40), trains, { features: 1999 }),
  csvCase(
    'line-late',
    'a 1,100,000-character line after ten good ones',
    () => `${wide(3, 10)}${'9'.repeat(1_100_000)}\n`,
    refused(`${DATA}: line 12 is longer than 1,000,000 characters`),
  ),
];

const degenerate: HostileCase[] = [
  csvCase(
    'one-row',
    'a header and one data row',
    text('x,z,y\n1,2,0\n'),
    refused(`${DATA}: ` + 'the file has only 1 row of data; training needs at least 2 (one to train on, one to validate)'),
  ),
  csvCase(
    'constant-features',
    'every feature the same in every row',
    text('x,colour,y\n1,red,0\n1,red,1\n1,red,0\n1,red,1\n'),
    refused(`${DATA}: ` + 'every feature column has the same value in every row ("x" is always 1, "colour" is always red); there is nothing to learn from'),
  ),
  csvCase(
    'only-target',
    'a single column, the target',
    text('y\n0\n1\n0\n1\n'),
    refused(`${DATA}: ` + 'the file has only one column ("y", the target); training needs at least one more column to learn from'),
  ),
  csvCase('empty', 'an empty file', text(''), refused(`${DATA}: the file is empty`)),
  csvCase('header-only', 'a header and no rows', text('a,b,y\n'), refused(`${DATA}: the file has a header but no data rows`)),
  csvCase('blank-lines', 'only blank lines', text('\n\n\n\n'), refused(`${DATA}: the file is empty`)),
  csvCase(
    'delimiters-only',
    'rows of nothing but commas',
    text(',,\n,,\n,,\n'),
    refused(
      `${DATA}: ` +
        'every feature column has the same value in every row ("column_1" is always missing, "column_2" is always missing); there is nothing to learn from',
    ),
  ),
  csvCase(
    'ragged',
    'a row with fewer cells than the header',
    text('a,b,y\n1,2,0\n3,1\n4,5,0\n'),
    refused(`${DATA}: row 3 has 2 values but the header has 3 columns`),
  ),
  csvCase(
    'unclosed-quote',
    'a quoted value that is never closed',
    text('a,b,y\n"1,2,0\n3,4,1\n'),
    refused(`${DATA}: a quoted value that starts on row 2 is never closed`),
  ),
  csvCase('all-missing-feature', 'a feature column with no values at all', text(`a,b,y\n${rows(8, (i) => `,${i},${i % 2}`)}\n`), trains, {
    features: 1,
    classes: 2,
  }),
  csvCase('duplicate-columns', 'two columns of the same name (read as a and a_2)', text(`a,a,y\n${TWO_CLASS}\n`), trains, { features: 2, classes: 2 }),
  csvCase('empty-header-names', 'header cells that are empty', text(`,,y\n${TWO_CLASS}\n`), trains, { features: 2, classes: 2 }),
  csvCase(
    'missing-target-column',
    '--target names a column the file lacks',
    text(`a,b,y\n${TWO_CLASS}\n`),
    refused('there is no column "nope" (columns: a, b, y)'),
    { target: 'nope' },
  ),
];

const numbers: HostileCase[] = [
  csvCase(
    'values-1e308',
    '±1e308 in a feature: standardised, and trained',
    text(
      xy([
        ['1e308', '0'],
        ['-1e308', '1'],
        ['1e308', '0'],
        ['-1e308', '1'],
        ['5', '0'],
        ['6', '1'],
      ]),
    ),
    trains,
    { features: 1, classes: 2 },
  ),
  csvCase(
    'target-1e40',
    'a regression target up to 1e40: refused with the range float32 holds',
    text(`x,y\n${rows(20, (i) => `${(i * 7) % 11}.25,${i % 2 === 0 ? '1e40' : `${i}.5`}`)}\n`),
    refused(
      `${DATA}: ` +
        'the target column "y" has values from 1.5 to 1e+40, beyond the about ±3.4e+38 that training\'s 32-bit numbers hold; divide it by a power of ten in the file',
    ),
    { features: 1, classes: 'regression' },
  ),
  csvCase(
    'values-1e400',
    '1e400 and -1e400 (beyond float64) in a feature: refused with the range',
    text(
      xy([
        ['1e400', '0'],
        ['-1e400', '1'],
        ['1', '0'],
        ['2', '1'],
        ['3', '0'],
        ['4', '1'],
      ]),
    ),
    refused(
      `${DATA}: ` + 'column "x" has values from -Infinity to Infinity, too large to standardize within the about ±3.4e+38 that training\'s 32-bit numbers hold',
    ),
    { features: 1, classes: 2 },
  ),
  csvCase(
    'nan-text',
    'Infinity and -Infinity as text in the only feature: left out as text, and said so',
    text(
      xy([
        ['NaN', '0'],
        ['Infinity', '1'],
        ['-Infinity', '0'],
        ['1', '1'],
        ['2', '0'],
        ['3', '1'],
        ['4', '0'],
        ['5', '1'],
      ]),
    ),
    refused(
      `${DATA}: ` +
        'choose at least one feature column; the plan leaves out every other one: "x" is text with a different value in most rows, such as "Infinity"',
    ),
    { features: 1, classes: 2 },
  ),
  csvCase(
    'nan-markers',
    'NaN, nan, NA and ? in a numeric feature: missing values, filled with the mean',
    text(
      xy([
        ['NaN', '0'],
        ['nan', '1'],
        ['NA', '0'],
        ['?', '1'],
        ['1', '0'],
        ['2', '1'],
        ['3', '0'],
        ['4', '1'],
      ]),
    ),
    trains,
    { features: 1, classes: 2 },
  ),
  csvCase(
    'classes-1000',
    'a target of 1,000 classes (2,000 rows): trains, the evaluation too',
    text(`x1,x2,label\n${rows(2000, (i) => `${i % 17},${(i * 7) % 23},k${i % 1000}`)}\n`),
    trains,
    { features: 2, classes: 1000 },
  ),
];

const encodings: HostileCase[] = [
  csvCase(
    'bom',
    'a UTF-8 byte-order mark before the first column name',
    text(`\ufefflabel,a,b\n${rows(12, (i) => `${i % 2},${i % 5},${(i * 3) % 7}`)}\n`),
    trains,
    { features: 2, classes: 2, target: 'label' },
  ),
  csvCase('crlf', 'Windows line endings', text(`a,b,y\r\n${TWO_CLASS.replaceAll('\n', '\r\n')}\r\n`), trains, { features: 2, classes: 2 }),
  csvCase('semicolon', 'semicolons between values', text(`a;b;y\n${TWO_CLASS.replaceAll(',', ';')}\n`), trains, { features: 2, classes: 2 }),
  csvCase('tabs', 'tabs between values', text(`a\tb\ty\n${TWO_CLASS.replaceAll(',', '\t')}\n`), trains, { features: 2, classes: 2 }),
  csvCase(
    'quoted-newlines',
    'quoted values with line breaks inside',
    text(`note,b,y\n${rows(12, (i) => `"line one\nline ${i % 2}",${i % 5},${i % 2}`)}\n`),
    trains,
    { features: 3, classes: 2 },
  ),
  csvCase(
    'non-utf8',
    'Latin-1 bytes (café as 0xE9), not UTF-8',
    () =>
      new Uint8Array([
        ...new TextEncoder().encode('town,b,y\n'),
        ...rows(12, (i) => `caf\u00e9${i % 2},${i % 5},${i % 2}`)
          .split('')
          .map((c) => c.charCodeAt(0) & 0xff),
        10,
      ]),
    trains,
    { features: 3, classes: 2 },
  ),
  csvCase(
    'utf16',
    'UTF-16 text (every other byte NUL)',
    () => new Uint8Array([0xff, 0xfe, ...[...`a,b,y\n${TWO_CLASS}\n`].flatMap((c) => [c.charCodeAt(0), 0])]),
    refused(`${DATA}: this is not a text CSV file (it looks binary)`),
  ),
  csvCase(
    'binary',
    'a PNG named data.csv',
    () => new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1]),
    refused(`${DATA}: this is not a text CSV file (it looks binary)`),
  ),
  csvCase(
    'formulas',
    "spreadsheet formulas (=cmd|' /C calc'!A0, +, -, @): kept as text",
    text(`cell,b,y\n${rows(12, (i) => `${['"=cmd|\' /C calc\'!A0"', '+SUM(A1:A2)', '-2+3', '@SUM(1)'][i % 4]},${i % 5},${i % 2}`)}\n`),
    trains,
    {
      features: 5,
      classes: 2,
      app: { input: 'csv', shows: 'preview-table', says: "=cmd|' /C calc'!A0", opens: true },
    },
  ),
  csvCase('prototype-columns', 'columns named __proto__, constructor and toString', text(`__proto__,constructor,toString\n${TWO_CLASS}\n`), trains, {
    features: 2,
    classes: 2,
  }),
  csvCase(
    'control-characters',
    'escape sequences and NUL-free control characters in cells',
    text(`a,b,y\n${rows(12, (i) => `"\u001b[2J${i % 2}",${i % 5},${i % 2}`)}\n`),
    { ...trains, never: ['\u001b'] },
    { features: 3, classes: 2 },
  ),
];

/** The CSV cases. */
export const CSV_CASES: readonly HostileCase[] = [...limits, ...degenerate, ...numbers, ...encodings];
