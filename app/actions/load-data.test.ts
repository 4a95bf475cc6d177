import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { FitResult } from '../../src/data/csv-protocol';
import { parseCsvText } from '../../src/data/csv';
import { defaultPlan } from '../../src/data/plan';
import { fitPreprocessing } from '../../src/data/preprocess';
import { sampleById } from '../../src/data/samples';
import type { Sample } from '../../src/data/samples';
import type { DataPlan } from '../../src/data/types';
import { DEFAULT_SPLIT } from '../../src/data/validation';
import { emptyProject } from '../../src/project/project-file';
import { useStore } from '../store/store';
import type { ParsedTable } from '../clients/csv-client';
import { tables } from '../services';
import { applyPlan, planSettled } from './data-plan';
import { loadCsvFile, loadSample } from './load-data';
import { setValidation } from './validation';

// The table worker's client is replaced at its boundary, so each test decides when the worker answers.
const worker = {
  parses: [] as { resolve: (p: ParsedTable) => void }[],
  fits: [] as { plan: DataPlan; resolve: (r: FitResult) => void }[],
  released: [] as number[],
};
vi.spyOn(tables, 'parse').mockImplementation(() => new Promise<ParsedTable>((resolve) => worker.parses.push({ resolve })));
vi.spyOn(tables, 'fit').mockImplementation((_tableId: number, plan: DataPlan) => new Promise<FitResult>((resolve) => worker.fits.push({ plan, resolve })));
vi.spyOn(tables, 'prepare').mockImplementation(() => Promise.reject(new Error('not used here')));
vi.spyOn(tables, 'release').mockImplementation((id: number) => void worker.released.push(id));

const IRIS = readFileSync(new URL('../../public/samples/iris.csv', import.meta.url), 'utf8');
const table = parseCsvText(IRIS, 'iris.csv');
const parsed = (tableId: number): ParsedTable => ({ tableId, table, plan: defaultPlan(table) });
const s = () => useStore.getState();
const tick = () => new Promise((r) => setTimeout(r, 0));
const fitOk = (plan: DataPlan): FitResult => ({ ok: true, fitted: fitPreprocessing(table, plan), text: null });

beforeEach(() => {
  s().loadProject(emptyProject());
  s().setLoaded(null, null);
  worker.parses.length = 0;
  worker.fits.length = 0;
  worker.released.length = 0;
});

describe('loading data through the table worker', () => {
  it('shows a CSV under its default plan once the worker has fitted it', async () => {
    const done = loadCsvFile(new File([IRIS], 'iris.csv'));
    worker.parses[0]?.resolve(parsed(1));
    await tick();
    expect(s().data).toMatchObject({ kind: 'csv', fileName: 'iris.csv', plan: defaultPlan(table) });
    expect(s().dataSignature).toBeNull();
    worker.fits[0]?.resolve(fitOk(defaultPlan(table)));
    await done;
    expect(s().data).toMatchObject({ fitted: fitPreprocessing(table, defaultPlan(table)) });
    expect(s().dataSignature?.featureShape).toEqual([4]);
  });

  it('drops a file read that finishes after other data was chosen, and frees its table', async () => {
    const slow = loadCsvFile(new File([IRIS], 'iris.csv'));
    await loadSample(sampleById('xor') as Sample);
    worker.parses[0]?.resolve(parsed(7));
    await slow;
    expect(s().loaded?.sourceName).toMatch(/XOR/);
    expect(s().data).toEqual({ kind: 'sample', sampleId: 'xor', split: DEFAULT_SPLIT });
    expect(worker.released).toEqual([7]);
  });

  it('drops a fit of a table that other data has replaced', async () => {
    const first = loadCsvFile(new File([IRIS], 'iris.csv'));
    worker.parses[0]?.resolve(parsed(1));
    await tick();
    await loadSample(sampleById('xor') as Sample);
    const xorSignature = s().dataSignature;
    worker.fits[0]?.resolve(fitOk(defaultPlan(table)));
    await first;
    expect(s().data).toEqual({ kind: 'sample', sampleId: 'xor', split: DEFAULT_SPLIT });
    expect(s().dataSignature).toBe(xorSignature);
    expect(worker.released).toEqual([1]);
  });

  it('lets only the latest plan land, and planSettled waits for it', async () => {
    const loaded = loadCsvFile(new File([IRIS], 'iris.csv'));
    worker.parses[0]?.resolve(parsed(1));
    await tick();
    worker.fits[0]?.resolve(fitOk(defaultPlan(table)));
    await loaded;
    const base = defaultPlan(table);
    const minmax: DataPlan = { ...base, columns: base.columns.map((c) => (c.role === 'feature' ? { ...c, transform: 'minmax' as const } : c)) };
    const source = { kind: 'csv' as const, fileName: 'iris.csv' };
    const reseeded = { ...base, split: { ...base.split, seed: 1 } } as DataPlan;
    void applyPlan(reseeded, source);
    // Train waits for the plan; meanwhile the user edits it again.
    let settled = false;
    void planSettled().then(() => (settled = true));
    void applyPlan(minmax, source);
    worker.fits[1]?.resolve(fitOk(reseeded));
    await tick();
    expect(settled).toBe(false);
    expect(s().data).toMatchObject({ plan: minmax });
    expect(s().data).not.toHaveProperty('fitted');
    worker.fits[2]?.resolve(fitOk(minmax));
    await tick();
    expect(settled).toBe(true);
    expect(s().data).toMatchObject({ plan: minmax, fitted: fitPreprocessing(table, minmax) });
  });
});

describe('the one validation setting, as data is loaded and changed', () => {
  const held = (validation: number, seed: number, stratified = true) => ({ kind: 'fraction', validation, stratified, seed }) as const;

  it('carries the share and seed to new data: 40% on XOR, then Iris starts at 40%, refitted when changed there', async () => {
    await loadSample(sampleById('xor') as Sample);
    setValidation(held(0.4, 7));
    expect(s().data).toEqual({ kind: 'sample', sampleId: 'xor', split: held(0.4, 7) });
    const loaded = loadCsvFile(new File([IRIS], 'iris.csv'));
    worker.parses[0]?.resolve(parsed(1));
    await tick();
    expect(worker.fits[0]?.plan.split).toEqual(held(0.4, 7));
    worker.fits[0]?.resolve(fitOk(worker.fits[0].plan));
    await loaded;
    // Changed again (from either tab): the plan holds it, and the table is fitted under it.
    setValidation(held(0.3, 7));
    expect(s().data).toMatchObject({ kind: 'csv', plan: { split: held(0.3, 7) } });
    expect(worker.fits[1]?.plan.split).toEqual(held(0.3, 7));
  });

  it('keeps a reopened sample’s own split, unstratified as saved, and a CSV plan’s while its file is not uploaded again', async () => {
    s().loadProject({ ...emptyProject(), data: { kind: 'sample', sampleId: 'xor', split: held(0.3, 5, false) } });
    await loadSample(sampleById('xor') as Sample);
    expect(s().data).toEqual({ kind: 'sample', sampleId: 'xor', split: held(0.3, 5, false) });
    s().loadProject({ ...emptyProject(), data: { kind: 'csv', fileName: 'iris.csv', plan: defaultPlan(table) } });
    setValidation(held(0.4, 42));
    expect(s().data).toMatchObject({ kind: 'csv', plan: { split: held(0.4, 42) } });
    expect(worker.fits).toHaveLength(0);
  });
});

describe('changing the data during a run', () => {
  const running = {
    runId: 1,
    status: 'running',
    epochs: 10,
    batchesPerEpoch: 5,
    samples: 150,
    initialEpoch: 0,
    epoch: 1,
    batch: 0,
    samplesPerSecond: 0,
    startedAt: 0,
    modelKey: 'k',
  } as const;
  const refusal = 'Stop the training run before changing the data: a run trains on the data it started with.';

  it('refuses a new file or a new plan and keeps the data the run trains on', async () => {
    await loadSample(sampleById('xor') as Sample);
    const before = s().data;
    useStore.setState({ run: running });
    await loadCsvFile(new File([IRIS], 'iris.csv'));
    expect(worker.parses).toHaveLength(0);
    expect(s().notice?.text).toBe(refusal);
    s().showNotice({ kind: 'info', text: 'cleared' });
    await applyPlan(defaultPlan(table), { kind: 'csv', fileName: 'iris.csv' });
    expect(s().notice?.text).toBe(refusal);
    expect(s().data).toBe(before);
    useStore.setState({ run: { ...running, status: 'completed' } });
    void loadCsvFile(new File([IRIS], 'iris.csv'));
    expect(worker.parses).toHaveLength(1);
  });
});
