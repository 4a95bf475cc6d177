import { readFileSync } from 'node:fs';
import { featureValue } from './features';
import { describe, expect, it } from 'vitest';
import { UserFileError } from '../lib/errors';
import { parseCsvText } from './csv';
import { defaultPlan } from './plan';
import { decodePrediction, fitPreprocessing, transformRow, transformTable } from './preprocess';
import type { ColumnPlan, DataPlan, FeatureValues, FittedPreprocessing, Table } from './types';

const text = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const fixture = (name: string) => parseCsvText(text(name), name);

function edit(plan: DataPlan, name: string, change: Partial<ColumnPlan>): DataPlan {
  return { ...plan, columns: plan.columns.map((c) => (c.name === name ? { ...c, ...change } : c)) };
}

/** Column `j` of a row-major matrix with `width` columns. */
function columnOf(x: FeatureValues, width: number, j: number): number[] {
  return Array.from({ length: x.length / width }, (_, i) => featureValue(x, i * width + j));
}

const mean = (v: readonly number[]) => v.reduce((a, b) => a + b, 0) / v.length;
const std = (v: readonly number[]) => Math.sqrt(mean(v.map((x) => (x - mean(v)) ** 2)));

/** Each row of the table as the strings a user would type, keyed by column name. */
function rowsOf(source: string): Record<string, string>[] {
  const [head, ...lines] = source.trim().split('\n');
  const names = (head as string).split(',');
  return lines.map((line) => Object.fromEntries(line.split(',').map((v, j) => [names[j], v])));
}

describe('fitPreprocessing + transformTable', () => {
  const iris = fixture('iris-small.csv');
  const plan = defaultPlan(iris);
  const fitted = fitPreprocessing(iris, plan);
  const data = transformTable(iris, fitted, plan);

  it('standardises numbers to mean 0, std 1 and one-hot encodes classes in sorted order', () => {
    expect(fitted.featureNames).toEqual(['sepal_length', 'sepal_width', 'petal_length', 'petal_width']);
    expect(fitted.target).toEqual({ name: 'species', encoding: 'onehot', classes: ['setosa', 'versicolor', 'virginica'] });
    expect(data).toMatchObject({ count: 12, featureShape: [4], targetShape: [3], task: 'classification' });
    for (let j = 0; j < 4; j++) {
      expect(mean(columnOf(data.x, 4, j))).toBeCloseTo(0, 5);
      expect(std(columnOf(data.x, 4, j))).toBeCloseTo(1, 5);
    }
    expect(Array.from(data.y.subarray(0, 3))).toEqual([1, 0, 0]);
    expect(Array.from(data.y.subarray(33, 36))).toEqual([0, 0, 1]);
  });

  it('round-trips through JSON (it is saved in the project)', () => {
    expect(JSON.parse(JSON.stringify(fitted))).toEqual(fitted);
  });

  it('transformRow gives exactly the row transformTable gives', () => {
    rowsOf(text('iris-small.csv')).forEach((row, i) => {
      expect(Array.from(transformRow(row, fitted))).toEqual(Array.from(data.x.subarray(i * 4, i * 4 + 4)));
    });
  });

  it.each([
    { transform: 'minmax' as const, first: [0, 1] },
    { transform: 'none' as const, first: [4.7, 7.1] },
  ])('$transform scaling', ({ transform, first }) => {
    const p = edit(plan, 'sepal_length', { transform });
    const x = columnOf(transformTable(iris, fitPreprocessing(iris, p), p).x, 4, 0);
    expect(Math.min(...x)).toBeCloseTo(first[0]!, 5);
    expect(Math.max(...x)).toBeCloseTo(first[1]!, 5);
  });
});

describe('missing values', () => {
  // age: 30 NA 25 ? 40 35 | city: Paris Rome - Paris - Rome | score: 1 0 1 - 0 1
  const table = fixture('missing.csv');
  const plan = defaultPlan(table);

  it('fills with the mean and mode, drops rows without a target, lays one-hot out by category', () => {
    const fitted = fitPreprocessing(table, plan);
    expect(fitted.featureNames).toEqual(['age', 'city=Paris', 'city=Rome']);
    expect(fitted.features).toEqual([
      { kind: 'scale', name: 'age', fill: 32.5, offset: 32.5, scale: expect.closeTo(Math.sqrt(31.25), 9) as number },
      { kind: 'onehot', name: 'city', categories: ['Paris', 'Rome'], fill: 'Rome' },
    ]);
    const data = transformTable(table, fitted, plan);
    expect(data.count).toBe(5);
    expect(fitted.target.classes).toEqual(['0', '1']);
    expect(Array.from(data.y)).toEqual([1, 0, 1, 0, 1]);
    expect(data.targetShape).toEqual([1]);
    // Row 2 (NA age) sits at the mean; row 3 has no city, so it gets the mode (Rome).
    expect(data.x[3]).toBe(0);
    expect(Array.from(data.x.subarray(7, 9))).toEqual([0, 1]);
  });

  it.each([
    { policy: 'drop' as const, column: 'age', count: 4 },
    { policy: 'drop' as const, column: 'city', count: 3 },
    { policy: 'zero' as const, column: 'age', count: 5 },
    { policy: 'median' as const, column: 'age', count: 5 },
  ])('$policy on $column keeps $count rows', ({ policy, column, count }) => {
    const p = edit(plan, column, { missing: policy });
    expect(transformTable(table, fitPreprocessing(table, p), p).count).toBe(count);
  });

  it('zero on a one-hot column leaves a missing cell all zeros; median and zero fill raw values', () => {
    const p = edit(edit(plan, 'city', { missing: 'zero' }), 'age', { missing: 'median', transform: 'none' });
    const fitted = fitPreprocessing(table, p);
    expect(fitted.features[0]).toMatchObject({ fill: 32.5 });
    expect(Array.from(transformRow({ age: 'NA', city: '' }, fitted))).toEqual([32.5, 0, 0]);
    expect(Array.from(transformRow({ age: '1', city: 'Oslo' }, fitted))).toEqual([1, 0, 0]);
    expect(Array.from(transformRow({ city: 'Paris' }, fitted))).toEqual([32.5, 1, 0]);
  });

  it('transformRow refuses a word in a number column and accepts a decimal comma', () => {
    const fitted = fitPreprocessing(table, plan);
    expect(() => transformRow({ age: 'old', city: 'Rome' }, fitted)).toThrow(new UserFileError('the value "old" of column "age" is not a number'));
    expect(transformRow({ age: '32,5', city: 'Rome' }, fitted)[0]).toBe(0);
  });
});

describe('targets', () => {
  it('maps sklearn index targets to the header class names', () => {
    const table = fixture('sklearn-header.csv');
    const plan = { ...defaultPlan(table), target: 'onehot' as const };
    const fitted = fitPreprocessing(table, plan);
    expect(fitted.target.classes).toEqual(['a', 'b']);
    expect(Array.from(transformTable(table, fitted, plan).y.subarray(0, 4))).toEqual([1, 0, 1, 0]);
  });

  it('integer and regression encodings', () => {
    const iris = fixture('iris-small.csv');
    const integer = { ...defaultPlan(iris), target: 'integer' as const };
    expect(Array.from(transformTable(iris, fitPreprocessing(iris, integer), integer).y)).toEqual([0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2]);
    const table = fixture('headerless.csv');
    const plan = defaultPlan(table);
    const data = transformTable(table, fitPreprocessing(table, plan), plan);
    expect(data).toMatchObject({ task: 'regression', targetShape: [1] });
    expect(Array.from(data.y)).toEqual([3.5, 6.5, 9.5, 12.5]);
  });

  it('refuses an unseen class in a second file and a missing column', () => {
    const iris = fixture('iris-small.csv');
    const plan = defaultPlan(iris);
    const fitted = fitPreprocessing(iris, plan);
    const other: Table = parseCsvText('sepal_length,sepal_width,petal_length,petal_width,species\n1,2,3,4,rosa\n');
    expect(() => transformTable(other, fitted, plan)).toThrow('the target column "species" has the class "rosa", which the training data does not have');
    expect(() => transformTable(parseCsvText('sepal_length,species\n1,setosa\n'), fitted, plan)).toThrow('there is no column "sepal_width" in the file');
  });

  it('fitPreprocessing refuses a plan checkPlan refuses', () => {
    const iris = fixture('iris-small.csv');
    expect(() => fitPreprocessing(iris, { ...defaultPlan(iris), target: 'binary' })).toThrow(UserFileError);
  });
});

describe('huge and overflowing values', () => {
  const huge = parseCsvText('x,y\n1e308,0\n-1e308,1\n1e308,0\n-1e308,1\n5,0\n6,1\n', 'huge.csv');
  const finite = (fitted: FittedPreprocessing) => JSON.stringify(fitted).match(/null|Infinity|NaN/) === null;

  it('standardises ±1e308 without overflow: every fitted number is finite and the samples too', () => {
    const plan = defaultPlan(huge);
    const fitted = fitPreprocessing(huge, plan);
    expect(finite(fitted)).toBe(true);
    const feature = fitted.features[0];
    if (feature?.kind !== 'scale') throw new Error('expected a scaler');
    expect(feature.scale).toBeCloseTo(1e308 * Math.sqrt(4 / 6), -300);
    const data = transformTable(huge, fitted, plan);
    expect(Array.from(data.x).every(Number.isFinite)).toBe(true);
    expect(data.x[0]).toBeCloseTo(1.2247, 3);
    // The project stores it; reading it back must give the same numbers, not null.
    expect(JSON.parse(JSON.stringify(fitted))).toEqual(fitted);
  });

  it('sums without overflow when every value is huge and alike', () => {
    const same = parseCsvText('x,y\n1e308,0\n1.5e308,1\n1e308,0\n1.5e308,1\n', 'same.csv');
    const feature = fitPreprocessing(same, defaultPlan(same)).features[0];
    expect(feature).toMatchObject({ kind: 'scale', offset: 1.25e308, fill: 1.25e308 });
    if (feature?.kind === 'scale') expect(feature.scale).toBeCloseTo(0.25e308, -300);
  });

  it.each([
    {
      transform: 'minmax' as const,
      message:
        'column "x" has values from -1e+308 to 1e+308, too large to scale to 0..1 within the about ±3.4e+38 that training\'s 32-bit numbers hold; divide it by a power of ten in the file, or ignore it',
    },
    {
      transform: 'none' as const,
      message:
        'column "x" has values from -1e+308 to 1e+308, too large to use as they are within the about ±3.4e+38 that training\'s 32-bit numbers hold; standardize it, divide it by a power of ten in the file, or ignore it',
    },
  ])('refuses $transform, naming the column and its values', ({ transform, message }) => {
    expect(() => fitPreprocessing(huge, edit(defaultPlan(huge), 'x', { transform }))).toThrow(new UserFileError(message));
  });

  it('refuses a standardisation whose differences overflow, and a regression target beyond 32 bits', () => {
    const apart = parseCsvText('x,y\n1.7e308,0\n-1.7e308,1\n1.7e308,0\n-1.7e308,1\n1.7e308,1\n', 'apart.csv');
    expect(() => fitPreprocessing(apart, defaultPlan(apart))).toThrow('column "x" has values from -1.7e+308 to 1.7e+308, too large to standardize within');
    const target = parseCsvText('x,price\n1,1e40\n2,3\n3,4.5\n4,2\n5,7.25\n', 'target.csv');
    expect(() => fitPreprocessing(target, defaultPlan(target))).toThrow(
      new UserFileError(
        'the target column "price" has values from 2 to 1e+40, beyond the about ±3.4e+38 that training\'s 32-bit numbers hold; divide it by a power of ten in the file',
      ),
    );
  });

  it('keeps ordinary statistics exactly as before: the plain sum and the plain squares', () => {
    const iris = fixture('iris-small.csv');
    const feature = fitPreprocessing(iris, defaultPlan(iris)).features[0];
    const column = iris.columns[0];
    if (feature?.kind !== 'scale' || column?.kind !== 'numeric') throw new Error('expected numbers');
    const values = Array.from(column.values);
    const m = values.reduce((a, b) => a + b, 0) / values.length;
    expect(feature.offset).toBe(m);
    expect(feature.scale).toBe(Math.sqrt(values.reduce((a, v) => a + (v - m) * (v - m), 0) / values.length));
  });
});

describe('too few rows to train on', () => {
  it('counts the rows the plan keeps, not the rows in the file', () => {
    const table = parseCsvText('x,y\n1,0\n2,\n3,\n', 'few.csv');
    expect(() => fitPreprocessing(table, defaultPlan(table))).toThrow(
      new UserFileError('only 1 of the 3 rows has a value in the target column "y"; training needs at least 2 (one to train on, one to validate)'),
    );
  });
});

describe('decodePrediction', () => {
  const classes = (encoding: FittedPreprocessing['target']['encoding'], names: string[]): FittedPreprocessing => ({
    version: 1,
    features: [],
    featureNames: [],
    target: { name: 't', encoding, classes: names },
  });

  it.each([
    { name: 'one-hot', fitted: classes('onehot', ['a', 'b', 'c']), output: [0.1, 0.7, 0.2], label: 'b', probabilities: [0.1, 0.7, 0.2] },
    { name: 'integer softmax', fitted: classes('integer', ['a', 'b', 'c']), output: [0.1, 0.2, 0.7], label: 'c', probabilities: [0.1, 0.2, 0.7] },
    { name: 'integer single', fitted: classes('integer', ['a', 'b', 'c']), output: [1.2], label: 'b', probabilities: [0, 1, 0] },
    { name: 'binary', fitted: classes('binary', ['no', 'yes']), output: [0.75], label: 'yes', probabilities: [0.25, 0.75] },
  ])('$name', ({ fitted, output, label, probabilities }) => {
    const prediction = decodePrediction(Float32Array.from(output), fitted);
    expect(prediction.kind === 'class' && prediction.label).toBe(label);
    if (prediction.kind !== 'class') throw new Error('expected a class');
    Array.from(prediction.probabilities).forEach((p, i) => expect(p).toBeCloseTo(probabilities[i]!, 6));
  });

  it('regression undoes the target scaling', () => {
    const fitted: FittedPreprocessing = { version: 1, features: [], featureNames: [], target: { name: 't', encoding: 'regression', offset: 10, scale: 2 } };
    expect(decodePrediction(Float32Array.of(1.5), fitted)).toEqual({ kind: 'value', value: 13 });
  });
});
