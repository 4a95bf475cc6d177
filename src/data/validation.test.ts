import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scalarProblem } from '../lib/value-spec';
import { DEFAULT_VALIDATION_SETTINGS, VALIDATION_SETTINGS } from '../settings/validation';
import type { DataConfig } from './config';
import { fractionSplitSchema } from './config';
import { parseCsvText } from './csv';
import { defaultPlan } from './plan';
import { prepareFromDataset, prepareFromTable } from './prepare';
import { fitPreprocessing } from './preprocess';
import { classIds } from './split';
import { xor } from './toy';
import type { Dataset, DataPlan } from './types';
import { carriedSplit, DEFAULT_SPLIT, describeSplit, fractionOf, validates, validationOf, withValidation } from './validation';

const iris = parseCsvText(readFileSync(new URL('../../public/samples/iris.csv', import.meta.url), 'utf8'), 'iris.csv');
const irisPlan = (validation: number): DataPlan => {
  const plan = defaultPlan(iris);
  return { ...plan, split: { kind: 'fraction', validation, stratified: true, seed: 42 } };
};
const perClass = (d: Dataset) => Array.from(classIds(d)).reduce<number[]>((acc, c) => ((acc[c] = (acc[c] ?? 0) + 1), acc), []);
const images: DataConfig = { kind: 'images', folderName: 'pets', imageSize: [8, 8], channels: 1, fit: 'pad' };
const share = (validation: number, seed = 42) => ({ kind: 'fraction', validation, stratified: true, seed }) as const;

describe('the validation settings', () => {
  it('default to 20% held out, stratified, seed 42', () => {
    expect(DEFAULT_VALIDATION_SETTINGS).toEqual({ validation: 0.2, stratified: true, seed: 42 });
    expect(DEFAULT_SPLIT).toEqual({ kind: 'fraction', validation: 0.2, stratified: true, seed: 42 });
  });

  // The Data and Train tabs check with scalarProblem, a project file with the schema: they must agree.
  it.each(Object.entries(VALIDATION_SETTINGS))('%s: the fields and the file accept the same values', (key, spec) => {
    const values = spec.type === 'bool' ? [true, false, 0, 'yes'] : [-1, 0, 0.2, 0.5, 0.99, 1, 1.5, 7, 2.5, Number.NaN, '3', null];
    for (const value of values) {
      const file = fractionSplitSchema.safeParse({ ...DEFAULT_SPLIT, [key]: value }).success;
      expect(scalarProblem(spec, value) === null, `${key} = ${String(value)}`).toBe(file);
    }
  });

  it('name Keras’s validation_split', () => {
    expect(VALIDATION_SETTINGS.validation.keras).toBe('validation_split');
  });
});

describe('the one validation setting of the data', () => {
  it('is a table’s plan split, the images’ or a ready sample’s own, or none without data', () => {
    const plan = irisPlan(0.4);
    expect(validationOf({ kind: 'csv', fileName: 'iris.csv', plan })).toBe(plan.split);
    expect(validationOf({ kind: 'sample', sampleId: 'iris', plan })).toBe(plan.split);
    expect(validationOf({ kind: 'sample', sampleId: 'digits', split: share(0.3) })).toEqual(share(0.3));
    expect(validationOf({ kind: 'sample', sampleId: 'digits' })).toBe(DEFAULT_SPLIT);
    expect(validationOf(images)).toBe(DEFAULT_SPLIT);
    expect(validationOf({ kind: 'none' })).toBeNull();
    const file = { kind: 'file', fileName: 'val.csv' } as const;
    expect(validationOf({ kind: 'csv', fileName: 'iris.csv', plan: { ...plan, split: file } })).toBe(file);
    expect(fractionOf({ kind: 'csv', fileName: 'iris.csv', plan: { ...plan, split: file } })).toBe(DEFAULT_SPLIT);
  });

  it('is changed where it lives, and read back the same from there', () => {
    const csv: DataConfig = { kind: 'csv', fileName: 'iris.csv', plan: irisPlan(0.2) };
    for (const data of [
      csv,
      images,
      { kind: 'sample', sampleId: 'xor' } as DataConfig,
      { kind: 'sample', sampleId: 'iris', plan: irisPlan(0.2) } as DataConfig,
    ]) {
      const changed = withValidation(data, share(0.4, 7));
      expect(validationOf(changed), data.kind).toEqual(share(0.4, 7));
      expect(changed).not.toHaveProperty('training');
    }
    expect(withValidation(csv, share(0.4))).toEqual({ ...csv, plan: { ...csv.plan, split: share(0.4) } });
    expect(withValidation({ kind: 'none' }, share(0.4))).toEqual({ kind: 'none' });
    expect(() => withValidation(images, { kind: 'file', fileName: 'v.csv' })).toThrow(/held-out share only/);
  });

  it('carries its share and seed to new data, stratified as the new data’s default says', () => {
    const fresh = { ...DEFAULT_SPLIT, stratified: false };
    expect(carriedSplit({ ...images, split: { ...share(0.4, 7), stratified: true } }, fresh)).toEqual({
      kind: 'fraction',
      validation: 0.4,
      seed: 7,
      stratified: false,
    });
    expect(carriedSplit({ kind: 'none' }, fresh)).toBe(fresh);
    expect(carriedSplit({ kind: 'csv', fileName: 'a.csv', plan: { ...irisPlan(0.4), split: { kind: 'file', fileName: 'v.csv' } } }, fresh)).toBe(fresh);
  });

  it('is said in words for the CLI', () => {
    expect(describeSplit(share(0.4, 7), true)).toBe('40% held out, stratified, seed 7');
    expect(describeSplit(share(0.125), false)).toBe('12.5% held out, seed 42');
    expect(describeSplit({ kind: 'file', fileName: 'val.csv' }, true)).toBe('the separate file val.csv');
  });
});

describe('whether a run validates (so that it logs val_ quantities)', () => {
  it('is true with a share above 0 or a separate file, false at 0, and true with no data yet', () => {
    expect(validates({ ...images, split: share(0.2) })).toBe(true);
    expect(validates({ ...images, split: share(0) })).toBe(false);
    expect(validates({ kind: 'csv', fileName: 'iris.csv', plan: { ...irisPlan(0), split: { kind: 'file', fileName: 'val.csv' } } })).toBe(true);
    expect(validates({ kind: 'none' })).toBe(true);
  });
});

describe('the samples each side of the split', () => {
  it.each([
    [0.4, 90, 60, [20, 20, 20]],
    [0.2, 120, 30, [10, 10, 10]],
    [0.1, 135, 15, [5, 5, 5]],
    [0, 150, 0, []],
  ])('a CSV (Iris, 150 rows) at %s: %i train, %i validation, each class its share', (validation, train, held, heldPerClass) => {
    const plan = irisPlan(validation);
    const split = prepareFromTable(iris, plan, fitPreprocessing(iris, plan));
    expect([split.train.count, split.validation.count]).toEqual([train, held]);
    expect(perClass(split.validation)).toEqual(heldPerClass);
  });

  it.each([
    [0.4, 240, 160],
    [0.25, 300, 100],
  ])('a ready dataset (XOR, 400 points) at %s: %i train, %i validation, stratified by class', (validation, train, held) => {
    const split = prepareFromDataset(xor(400, 0.1, 1), share(validation, 5));
    expect([split.train.count, split.validation.count]).toEqual([train, held]);
    expect(perClass(split.validation)).toEqual([held / 2, held / 2]);
    // The seed picks the rows: the same seed holds out the same ones.
    expect(prepareFromDataset(xor(400, 0.1, 1), share(validation, 5)).validation.x).toEqual(split.validation.x);
    expect(prepareFromDataset(xor(400, 0.1, 1), share(validation, 6)).validation.x).not.toEqual(split.validation.x);
  });
});
