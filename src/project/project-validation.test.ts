import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseRunRecord } from '../runs/run-record';
import { sampleRun } from '../runs/run-test-support';
import { DEFAULT_TRAINING_CONFIG } from '../settings/training';
import { parseProjectFile, serializeProject, type Project } from './project-file';

const twoSplitsText = readFileSync(new URL('./fixtures/two-splits-v4.netloom.json', import.meta.url), 'utf8');
const seedV4Text = readFileSync(new URL('./fixtures/seed-v4.netloom.json', import.meta.url), 'utf8');

/** The v4 seed document with `data` and the training's old validation split and seed, as text. */
function v4(data: unknown, validationSplit: number, seed = 42): string {
  const doc = JSON.parse(seedV4Text) as { training: Record<string, unknown> } & Record<string, unknown>;
  return JSON.stringify({ ...doc, data, training: { ...doc.training, validationSplit, seed } });
}

const images = { kind: 'images', folderName: 'pets', imageSize: [32, 32], channels: 3, fit: 'pad' };

describe('version 5: one validation setting, with the data', () => {
  it('opens a v4 CSV project with both settings (Data 40%, Train 0.1) under the 40% its evaluation used', () => {
    const project = parseProjectFile(twoSplitsText, 'two-splits-v4.netloom.json');
    expect(project.data.kind === 'csv' && project.data.plan.split).toEqual({ kind: 'fraction', validation: 0.4, stratified: true, seed: 42 });
    expect(project.training).toEqual(DEFAULT_TRAINING_CONFIG);
    expect(project.training).not.toHaveProperty('validationSplit');
    // Nothing else changes: the plan's columns and target, the graph, the rest of the training.
    const old = JSON.parse(twoSplitsText) as { data: unknown; graph: { nodes: { name: string }[] }; training: Record<string, unknown> };
    expect(project.data).toEqual(old.data);
    expect(project.graph.nodes.map((n) => n.name)).toEqual(old.graph.nodes.map((n) => n.name));
    const { validationSplit: _dropped, ...rest } = old.training;
    expect(project.training).toMatchObject(rest);
    const written = serializeProject(project);
    expect(written).not.toContain('validationSplit');
    expect(parseProjectFile(written)).toEqual(project);
  });

  it('gives v4 images and ready samples the share and seed the training held out, stratified as before', () => {
    const split = { kind: 'fraction', validation: 0.3, stratified: true, seed: 7 };
    expect(parseProjectFile(v4(images, 0.3, 7)).data).toEqual({ ...images, split });
    for (const sampleId of ['digits', 'xor', 'circles', 'spirals']) {
      expect(parseProjectFile(v4({ kind: 'sample', sampleId }, 0.3, 7)).data).toEqual({ kind: 'sample', sampleId, split });
    }
  });

  it('leaves a v4 CSV sample not loaded yet without a split of its own: its plan, made on loading, had the split', () => {
    expect(parseProjectFile(v4({ kind: 'sample', sampleId: 'iris' }, 0.3)).data).toEqual({ kind: 'sample', sampleId: 'iris' });
  });

  it('moves the setting in every kept run of a v4 file too', () => {
    const run = sampleRun({ data: images as Project['data'] });
    const doc = JSON.parse(serializeProject({ ...parseProjectFile(seedV4Text), runs: [run] })) as Record<string, unknown> & {
      runs: { training: Record<string, unknown>; data: Record<string, unknown> }[];
    };
    const old = { ...doc, version: 4, runs: doc.runs.map((r) => ({ ...r, training: { ...r.training, validationSplit: 0.5, seed: 3 } })) };
    const [read] = parseProjectFile(JSON.stringify(old)).runs ?? [];
    expect(read?.data).toEqual({ ...images, split: { kind: 'fraction', validation: 0.5, stratified: true, seed: 3 } });
    // The training keeps its seed (weights, shuffling); only the split moved.
    expect(read?.training).toEqual({ ...DEFAULT_TRAINING_CONFIG, seed: 3 });
  });

  it('reads a run kept in the browser before version 5, its old validation split moved to its data', () => {
    const run = sampleRun({ data: images as Project['data'] });
    const stored = { ...structuredClone(run), training: { ...run.training, validationSplit: 0.25 } };
    expect(parseRunRecord(stored)).toEqual({ ...run, data: { ...images, split: { kind: 'fraction', validation: 0.25, stratified: true, seed: 42 } } });
  });

  it('writes an image folder’s split and reads it back', () => {
    const project: Project = {
      ...parseProjectFile(seedV4Text),
      data: { ...(images as Extract<Project['data'], { kind: 'images' }>), split: { kind: 'fraction', validation: 0.4, stratified: false, seed: 9 } },
    };
    const text = serializeProject(project);
    expect(JSON.parse(text)).toMatchObject({ version: 5, data: { split: { kind: 'fraction', validation: 0.4, stratified: false, seed: 9 } } });
    expect(parseProjectFile(text)).toEqual(project);
  });

  it('refuses a second copy: a training validationSplit in a v5 file, or a sample stating a split beside its plan', () => {
    const current = JSON.parse(serializeProject(parseProjectFile(twoSplitsText))) as Record<string, unknown> & { training: object; data: { plan: unknown } };
    const withTraining = { ...current, training: { ...current.training, validationSplit: 0.1 } };
    expect(() => parseProjectFile(JSON.stringify(withTraining), 'p.json')).toThrow('p.json: training has unknown field "validationSplit"');
    const sample = { kind: 'sample', sampleId: 'iris', plan: current.data.plan, split: { kind: 'fraction', validation: 0.1, stratified: true, seed: 1 } };
    expect(() => parseProjectFile(JSON.stringify({ ...current, data: sample }), 'p.json')).toThrow(
      'data.split: a sample with a plan keeps its validation split in plan.split, not beside it',
    );
  });
});
