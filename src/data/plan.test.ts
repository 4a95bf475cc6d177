import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCsvText } from './csv';
import { checkPlan, defaultPlan, targetClasses } from './plan';
import type { ColumnPlan, DataPlan, Table } from './types';

const fixture = (name: string) => parseCsvText(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8'), name);

/** The plan with one column's entry changed. */
function edit(plan: DataPlan, name: string, change: Partial<ColumnPlan>): DataPlan {
  return { ...plan, columns: plan.columns.map((c) => (c.name === name ? { ...c, ...change } : c)) };
}

describe('defaultPlan', () => {
  it('iris: four standardised features, a one-hot species target, a stratified split', () => {
    const plan = defaultPlan(fixture('iris-small.csv'));
    expect(plan.columns.map((c) => [c.name, c.role, c.transform, c.missing])).toEqual([
      ['sepal_length', 'feature', 'standardize', 'mean'],
      ['sepal_width', 'feature', 'standardize', 'mean'],
      ['petal_length', 'feature', 'standardize', 'mean'],
      ['petal_width', 'feature', 'standardize', 'mean'],
      ['species', 'target', 'none', 'drop'],
    ]);
    expect(plan.target).toBe('onehot');
    expect(plan.split).toEqual({ kind: 'fraction', validation: 0.2, stratified: true, seed: 42 });
  });

  it.each([
    { file: 'missing.csv', target: 'binary', roles: ['feature', 'feature', 'target'], transforms: ['standardize', 'onehot', 'none'] },
    { file: 'sklearn-header.csv', target: 'binary', roles: ['feature', 'feature', 'target'], transforms: ['standardize', 'standardize', 'none'] },
    { file: 'headerless.csv', target: 'regression', roles: ['feature', 'feature', 'target'], transforms: ['standardize', 'standardize', 'none'] },
    {
      file: 'semicolon-bom-crlf.csv',
      target: 'binary',
      roles: ['ignore', 'feature', 'feature', 'target'],
      transforms: ['none', 'standardize', 'standardize', 'none'],
    },
  ])('$file -> $target', ({ file, target, roles, transforms }) => {
    const plan = defaultPlan(fixture(file));
    expect(plan.target).toBe(target);
    expect(plan.columns.map((c) => c.role)).toEqual(roles);
    expect(plan.columns.map((c) => c.transform)).toEqual(transforms);
    expect(plan.split.kind === 'fraction' && plan.split.stratified).toBe(target !== 'regression');
    expect(checkPlan(fixture(file), plan)).toBeNull();
  });

  it('ignores id, constant and text columns', () => {
    const rows = Array.from({ length: 12 }, (_, i) => `${i + 1},same,note number ${i},${i % 4}.5,${i % 2 ? 'a' : 'b'}`);
    const table = parseCsvText(`id,k,note,x,y\n${rows.join('\n')}\n`);
    expect(defaultPlan(table).columns.map((c) => c.role)).toEqual(['ignore', 'ignore', 'ignore', 'feature', 'target']);
  });
});

describe('targetClasses', () => {
  it('uses sklearn header names for index targets', () => {
    const table = fixture('sklearn-header.csv');
    expect(targetClasses(table, table.columns[2]!)).toEqual({ names: ['a', 'b'], keys: ['0', '1'] });
  });
  it('sorts labels otherwise', () => {
    const table = fixture('iris-small.csv');
    expect(targetClasses(table, table.columns[4]!).names).toEqual(['setosa', 'versicolor', 'virginica']);
  });
});

describe('checkPlan', () => {
  const iris = fixture('iris-small.csv');
  const base = defaultPlan(iris);
  const oneSpecies: Table = parseCsvText(`x,species\n${Array.from({ length: 6 }, (_, i) => `${i},setosa`).join('\n')}\n`);
  const withWords = parseCsvText('price,age,y\n1,NA,0\nabc,NA,1\n3,NA,0\n4,,1\n');
  const constant = parseCsvText('x,colour,gap,y\n1,red,,0\n1,red,,1\n1,red,,0\n1,red,,1\n');
  const idAndText = parseCsvText(`id,note,y\n${Array.from({ length: 20 }, (_, i) => `${i},Infinity ${i},${i % 2}`).join('\n')}\n`);
  const manyConstant = parseCsvText('a,b,c,d,e,y\n1,2,3,4,5,0\n1,2,3,4,5,1\n1,2,3,4,5,1\n');

  it.each([
    { name: 'no target', table: iris, plan: edit(base, 'species', { role: 'ignore' }), message: 'choose a target column' },
    { name: 'two targets', table: iris, plan: edit(base, 'sepal_length', { role: 'target' }), message: 'choose only one target column' },
    {
      name: 'no features, every other column a row id or text',
      table: idAndText,
      plan: defaultPlan(idAndText),
      message:
        'choose at least one feature column; the plan leaves out every other one: "id" looks like a row id (a different value in every row), "note" is text with a different value in most rows, such as "Infinity 0"',
    },
    {
      name: 'no features',
      table: iris,
      plan: { ...base, columns: base.columns.map((c) => (c.role === 'feature' ? { ...c, role: 'ignore' as const } : c)) },
      message: 'choose at least one feature column',
    },
    {
      name: 'one class',
      table: oneSpecies,
      plan: defaultPlan(oneSpecies),
      message: 'the target column "species" has only one class (setosa); a classifier needs at least two',
    },
    {
      name: 'all missing',
      table: withWords,
      plan: edit(defaultPlan(withWords), 'age', { role: 'feature', transform: 'standardize' }),
      message: 'the column "age" is all missing',
    },
    {
      name: 'words in a number column',
      table: withWords,
      plan: edit(defaultPlan(withWords), 'price', { role: 'feature', transform: 'standardize' }),
      message: 'column "price" has non-numeric values such as "abc"; encode it one-hot or ignore it',
    },
    {
      name: 'binary with three classes',
      table: iris,
      plan: { ...base, target: 'binary' as const },
      message: 'the target column "species" has 3 classes; binary needs exactly two (use one-hot)',
    },
    {
      name: 'regression on words',
      table: iris,
      plan: { ...base, target: 'regression' as const },
      message: 'the target column "species" has non-numeric values such as "setosa"; regression needs numbers (choose a classification encoding)',
    },
    {
      name: 'unknown column',
      table: iris,
      plan: { ...base, columns: [...base.columns, { ...base.columns[0]!, name: 'nope' }] },
      message: 'there is no column "nope" in the file',
    },
    {
      name: 'bad validation share',
      table: iris,
      plan: { ...base, split: { kind: 'fraction' as const, validation: 1, stratified: false, seed: 1 } },
      message: 'the validation share must be at least 0 and less than 1',
    },
    {
      name: 'one row of data',
      table: parseCsvText('x,z,y\n1,2,0\n'),
      plan: defaultPlan(parseCsvText('x,z,y\n1,2,0\n')),
      message: 'the file has only 1 row of data; training needs at least 2 (one to train on, one to validate)',
    },
    {
      name: 'every feature constant',
      table: constant,
      plan: defaultPlan(constant),
      message:
        'every feature column has the same value in every row ("x" is always 1, "colour" is always red, "gap" is always missing); there is nothing to learn from',
    },
    {
      name: 'more than three constant columns',
      table: manyConstant,
      plan: defaultPlan(manyConstant),
      message:
        'every feature column has the same value in every row ("a" is always 1, "b" is always 2, "c" is always 3 and 2 more); there is nothing to learn from',
    },
    {
      name: 'only the target column',
      table: parseCsvText('y\n1\n2\n3\n'),
      plan: defaultPlan(parseCsvText('y\n1\n2\n3\n')),
      message: 'the file has only one column ("y", the target); training needs at least one more column to learn from',
    },
  ])('$name', ({ table, plan, message }) => {
    expect(checkPlan(table, plan)).toBe(message);
  });

  it('accepts one-hot on a word column and the default plan', () => {
    expect(checkPlan(withWords, edit(defaultPlan(withWords), 'price', { role: 'feature', transform: 'onehot' }))).toBeNull();
    expect(checkPlan(iris, base)).toBeNull();
  });
});
