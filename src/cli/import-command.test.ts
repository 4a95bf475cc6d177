import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportFreshModel } from '../compile/tfjs-export';
import { parseProjectFile } from '../project/project-file';
import { seedExample } from '../analysis/templates';
import { parseImportArgs } from './import-command';
import { runCli } from './run-cli';

const KERAS3 = fileURLToPath(new URL('../compile/fixtures/keras3-two-shards.model.json', import.meta.url));
/** A Keras 3 converter output with MultiHeadAttention, its shard beside it (`scripts/keras-mha-import-golden.py`). */
const MHA = (name: string) => fileURLToPath(new URL(`../compile/fixtures/keras3-mha/${name}/model.json`, import.meta.url));
const SHARDS = { 'group1-shard1of2.bin': new Uint8Array(64).fill(1), 'group1-shard2of2.bin': new Uint8Array(40).fill(2) };

let dir: string;

async function cli(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { readText: (path) => readFile(path, 'utf8'), out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** A folder with the Keras 3 fixture and the named shards beside it. */
async function keras3Folder(name: string, shards: Partial<typeof SHARDS> = SHARDS): Promise<string> {
  const folder = join(dir, name);
  await rm(folder, { recursive: true, force: true });
  await mkdir(folder);
  await copyFile(KERAS3, join(folder, 'model.json'));
  for (const [file, bytes] of Object.entries(shards)) await writeFile(join(folder, file), bytes);
  return folder;
}

beforeAll(async () => {
  await tf.setBackend('cpu');
  dir = await mkdtemp(join(tmpdir(), 'netloom-import-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('cli import', () => {
  it('imports a Netloom model.json with the weights beside it, named after its project', async () => {
    const files = await exportFreshModel(tf, seedExample(), { project: 'Iris classifier' });
    await writeFile(join(dir, 'model.json'), files.modelJson);
    await writeFile(join(dir, 'model.weights.bin'), files.weights);
    const out = join(dir, 'nested', 'iris.netloom.json');
    const r = await cli(['import', join(dir, 'model.json'), '--out', out]);
    expect(r.err).not.toMatch(/\n\s+at /);
    expect(r.code).toBe(0);
    expect(r.out).toBe(`imported 3 layers with 515 trained weight values from ${join(dir, 'model.json')} into ${out}`);
    const project = parseProjectFile(await readFile(out, 'utf8'), out);
    expect(project.name).toBe('Iris classifier');
    // The weights travel in the project: 4 tensors, 515 values.
    expect(project.weights?.specs.map((w) => w.name)).toEqual(['dense_1/kernel', 'dense_1/bias', 'dense_2/kernel', 'dense_2/bias']);
    expect(project.graph.nodes.map((n) => [n.kind, n.name])).toEqual(seedExample().nodes.map((n) => [n.kind, n.name]));
  });

  it('takes Keras 3 shards from --weights', async () => {
    const folder = await keras3Folder('k3-given', {});
    const shards = Object.keys(SHARDS).map((f) => join(folder, f));
    await Promise.all(shards.map((path, i) => writeFile(path, Object.values(SHARDS)[i] as Uint8Array)));
    const r = await cli(['import', join(folder, 'model.json'), '--weights', ...shards, '--out', join(folder, 'p.netloom.json')]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('with 26 trained weight values');
    expect(parseProjectFile(await readFile(join(folder, 'p.netloom.json'), 'utf8')).name).toBe('sequential');
  });

  it('imports the layers only, with a note, when a shard is not beside model.json', async () => {
    const folder = await keras3Folder('k3-missing', { 'group1-shard1of2.bin': SHARDS['group1-shard1of2.bin'] });
    const r = await cli(['import', join(folder, 'model.json'), '--out', join(folder, 'p.netloom.json')]);
    expect(r.code).toBe(0);
    expect(r.err).toContain('note: the weights file "group1-shard2of2.bin" is not next to');
    expect(r.out).not.toContain('trained weight values');
  });

  it('exits 1 naming the shard that --weights left out, or the sizes that do not add up', async () => {
    const folder = await keras3Folder('k3-bad');
    const model = join(folder, 'model.json');
    const missing = await cli(['import', model, '--weights', join(folder, 'group1-shard1of2.bin'), '--out', join(folder, 'p.json')]);
    expect(missing).toMatchObject({ code: 1, err: `error: ${model}: the weights file "group1-shard2of2.bin" named in model.json was not provided` });
    await writeFile(join(folder, 'group1-shard2of2.bin'), new Uint8Array(36));
    const short = await cli(['import', model, '--out', join(folder, 'p.json')]);
    expect(short).toMatchObject({ code: 1, err: `error: ${model}: model.json expects 104 bytes of weights but the files hold 100` });
  });

  it('names the file when its weights manifest is not valid', async () => {
    const path = join(dir, 'bad-manifest.json');
    await writeFile(path, JSON.stringify({ ...JSON.parse(await readFile(KERAS3, 'utf8')), weightsManifest: 'all of them' }));
    const r = await cli(['import', path, '--out', join(dir, 'bad-manifest.netloom.json')]);
    expect(r).toMatchObject({ code: 1, err: `error: ${path}: its weights manifest is not valid: weightsManifest: expected array, received string` });
  });

  it('imports a Keras 3 Transformer with MultiHeadAttention and its weights, and refuses a separate key naming the layer', async () => {
    const out = join(dir, 'causal.netloom.json');
    const r = await cli(['import', MHA('causal'), '--out', out]);
    expect(r).toMatchObject({ code: 0, err: '', out: `imported 11 layers with 715 trained weight values from ${MHA('causal')} into ${out}` });
    const project = parseProjectFile(await readFile(out, 'utf8'), out);
    expect(project.graph.nodes.find((n) => n.kind === 'MultiHeadAttention')?.params).toMatchObject({ num_heads: 2, key_dim: 3, use_causal_mask: true });
    expect(project.weights?.specs.filter((w) => w.name.startsWith('causal_attention/')).map((w) => w.name)).toEqual(
      ['query', 'key', 'value', 'attention_output'].flatMap((p) => [`causal_attention/${p}/kernel`, `causal_attention/${p}/bias`]),
    );
    const refused = await cli(['import', MHA('separate-key'), '--out', join(dir, 'key.netloom.json')]);
    expect(refused.code).toBe(1);
    expect(refused.err).toBe(
      `error: ${MHA('separate-key')}: layer "keyed_attention" is called with a key ("key_projection") other than its value ("context_embedding"); ` +
        "Netloom's MultiHeadAttention uses the value as the key, so it cannot compute this layer",
    );
  });

  it('exits 1 for a graph model, without a stack trace', async () => {
    const path = join(dir, 'graph-model.json');
    await writeFile(path, JSON.stringify({ format: 'graph-model', modelTopology: { node: [] }, weightsManifest: [] }));
    const r = await cli(['import', path, '--out', join(dir, 'g.netloom.json')]);
    expect(r.code).toBe(1);
    expect(r.err).toBe(`error: ${path}: this is a TF.js graph model, not a layers model; Netloom can only import layers models`);
  });

  it.each([
    [['m.json'], '--out is required'],
    [['a.json', 'b.json', '--out', 'p'], 'give exactly one model.json (put weights files after --weights)'],
    [['m.json', '--weights', '--out', 'p'], '--weights needs at least one file'],
    [['m.json', '--out'], '--out needs a value'],
    [['m.json', '--verbose'], 'unknown option --verbose'],
  ])('exits 2 for %j', async (args, message) => {
    expect(parseImportArgs(args)).toBe(message);
    const r = await cli(['import', ...args]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('Usage: npm run cli -- import');
  });

  it('parses --weights up to the next option, and --out= inline', () => {
    expect(parseImportArgs(['m.json', '--weights', 'a.bin', 'b.bin', '--out=p.json'])).toEqual({ model: 'm.json', weights: ['a.bin', 'b.bin'], out: 'p.json' });
  });
});
