import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { toTfjsModel } from '../compile/to-tfjs';
import { GraphBuilder } from '../analysis/builder';
import { emptyProject, serializeProject } from '../project/project-file';
import { residualBlock } from '../analysis/templates';
import { cli as cliLines } from './train-test-support';

const SEED = fileURLToPath(new URL('../project/fixtures/seed-v1.netloom.json', import.meta.url));

/** The CLI against in-memory files (train-test-support's), its stdout as one text. */
async function cli(args: string[], files: Record<string, string> = {}) {
  const run = await cliLines(args, files);
  return { ...run, out: run.out.join('\n') };
}

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('cli summary', () => {
  it('prints the Keras table for a project file', async () => {
    const r = await cli(['summary', SEED]);
    expect(r.code).toBe(0);
    expect(r.out).toContain(' dense_1 (Dense)              (None, 64)                320');
    expect(r.out).toContain('Total params: 515 (2.01 KB)');
  });

  it('prints --json with layers and totals', async () => {
    const r = await cli(['summary', SEED, '--json']);
    const json = JSON.parse(r.out) as { layers: { name: string; output_shape: unknown }[]; total_params: number };
    expect(json.layers.map((l) => l.name)).toEqual(['input_1', 'dense_1', 'dense_2']);
    expect(json.layers[1]?.output_shape).toEqual([null, 64]);
    expect(json.total_params).toBe(515);
  });

  it('reads a model.json that tfjs itself saved and agrees with its countParams', async () => {
    const model = toTfjsModel(tf, residualBlock());
    const saved = await new Promise<unknown>((resolve) => {
      void model.save(
        tf.io.withSaveHandler(async (artifacts) => {
          resolve({
            format: artifacts.format,
            modelTopology: artifacts.modelTopology,
            weightsManifest: [{ paths: ['w.bin'], weights: artifacts.weightSpecs }],
          });
          return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
        }),
      );
    });
    const r = await cli(['summary', 'model.json', '--json'], { 'model.json': JSON.stringify(saved) });
    expect(r.code).toBe(0);
    expect((JSON.parse(r.out) as { total_params: number }).total_params).toBe(model.countParams());
  });

  it('exits 1 with the diagnostics for an invalid graph, without a stack trace', async () => {
    const b = new GraphBuilder();
    b.chain(b.input([4]), ['LSTM', { units: 8 }]);
    const text = serializeProject({ ...emptyProject('broken'), graph: b.graph });
    const r = await cli(['summary', 'broken.netloom.json'], { 'broken.netloom.json': text });
    expect(r.code).toBe(1);
    expect(r.err).toContain('error [lstm_1]: LSTM needs a 3-D input (batch, steps, features) but lstm_1 gets (None, 4)');
    expect(r.err).toContain('(wrong-rank)');
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  it.each([
    ['malformed JSON', '{"format":', /error: x.json: not valid JSON/],
    ['an unknown file', '{"hello": "world"}', /error: x.json: is neither a Netloom project/],
    ['a graph model', '{"format":"graph-model","modelTopology":{"node":[]}}', /graph model, not a layers model/],
    ['a newer project', '{"format":"netloom-project","version":99}', /newer Netloom/],
  ])('exits 1 on %s with a clear message', async (_what, text, message) => {
    const r = await cli(['summary', 'x.json'], { 'x.json': text });
    expect(r.code).toBe(1);
    expect(r.err).toMatch(message);
  });

  it('prints control characters from a file as escapes, so a file cannot drive the terminal', async () => {
    const r = await cli(['summary', 'x.json'], { 'x.json': '\x1b]0;pwned\x07\x1b[2J' });
    expect(r.code).toBe(1);
    expect(r.err).toContain('\\u001b]0;pwned\\u0007\\u001b[2J');
    expect([...r.err].filter((c) => c < ' ' && c !== '\n')).toEqual([]);
  });

  it('exits 1 on a missing file and 2 on a bad command line', async () => {
    expect((await cli(['summary', '/nonexistent/model.json'])).err).toBe('error: cannot read /nonexistent/model.json (ENOENT)');
    expect((await cli(['summary'])).code).toBe(2);
    expect((await cli(['frobnicate'])).code).toBe(2);
  });

  it('runs as a process through npm run cli', () => {
    const r = spawnSync('npm', ['run', '-s', 'cli', '--', 'summary', SEED, '--json'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect((JSON.parse(r.stdout) as { total_params: number }).total_params).toBe(515);
  }, 30_000);
});
