import { describe, expect, it } from 'vitest';
import { summarizeColumn } from './column-types';
import { parseCsvText } from './csv';
import type { ColumnSummary } from './types';

/** Summary of a one-column CSV built from `values` (one per line). */
function summaryOf(values: readonly string[], name = 'v'): ColumnSummary {
  const table = parseCsvText(`${name},other\n${values.map((v) => `${v},1`).join('\n')}\n`);
  return table.summaries[0] as ColumnSummary;
}

const range = (n: number, f: (i: number) => string) => Array.from({ length: n }, (_, i) => f(i));

describe('summarizeColumn', () => {
  it.each([
    { name: 'floats', values: ['1.5', '2.5', '3.5', '4.5', '0.25', '7'], type: 'numeric', classes: undefined },
    { name: 'few integers', values: range(30, (i) => String(i % 3)), type: 'numeric', classes: ['0', '1', '2'] },
    { name: 'many integers', values: range(30, (i) => String((i * 7) % 25)), type: 'numeric', classes: undefined },
    { name: 'words, few values', values: range(12, (i) => ['cat', 'dog', 'bird'][i % 3] as string), type: 'categorical', classes: ['bird', 'cat', 'dog'] },
    { name: 'mixed words and numbers', values: range(12, (i) => ['10', 'S', '2'][i % 3] as string), type: 'categorical', classes: ['2', '10', 'S'] },
    { name: 'words, many values', values: range(60, (i) => `w${i % 55} x`), type: 'text', classes: undefined },
    { name: 'sentences, all distinct', values: range(10, (i) => `a sentence ${i}`), type: 'text', classes: undefined },
    { name: 'codes, all distinct', values: range(10, (i) => `A${i}`), type: 'id', classes: undefined },
    { name: 'row numbers', values: range(25, (i) => String(i + 1)), type: 'id', classes: undefined },
    { name: 'one value', values: range(5, () => 'x'), type: 'constant', classes: ['x'] },
    { name: 'one number', values: range(5, () => '3'), type: 'constant', classes: undefined },
    { name: 'all missing', values: range(5, () => 'NA'), type: 'constant', classes: undefined },
  ])('$name -> $type', ({ values, type, classes }) => {
    const summary = summaryOf(values);
    expect(summary.type).toBe(type);
    expect(summary.classes).toEqual(classes);
  });

  it('a few distinct integers named like a key are an id', () => {
    expect(summaryOf(['3', '1', '2'], 'customer_id').type).toBe('id');
    expect(summaryOf(['3', '1', '2'], 'count').type).toBe('numeric');
  });

  it('computes missing, distinct and population statistics over present values', () => {
    const summary = summaryOf(['2', 'NA', '4', '', '4', '6']);
    expect(summary).toMatchObject({ missing: 2, distinct: 3, min: 2, max: 6, mean: 4 });
    expect(summary.std).toBeCloseTo(Math.sqrt(2), 12);
  });

  it('counts missing cells in word columns', () => {
    expect(summaryOf(['a', '?', 'b', 'a', 'NA', 'b', 'a', 'b'])).toMatchObject({ type: 'categorical', missing: 2, distinct: 2 });
  });

  it('works on a column built by hand', () => {
    const column = { kind: 'codes', name: 'c', codes: Int32Array.of(0, 1, -1, 0, 1), dictionary: ['y', 'x'] } as const;
    expect(summarizeColumn(column, 5)).toEqual({ name: 'c', type: 'categorical', missing: 1, distinct: 2, classes: ['x', 'y'] });
  });
});
