import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GraphBuilder } from '../analysis/builder';
import { digitsCnn } from '../analysis/templates';
import { plotModelSvg } from '../compile/plot-model';
import { emptyProject, parseProjectFile, serializeProject } from '../project/project-file';
import { parsePlotArgs } from './plot-command';
import { runCli } from './run-cli';
import { RESVG_PACKAGE, svgToPng } from './write-png';

const SEED = fileURLToPath(new URL('../project/fixtures/seed-v4.netloom.json', import.meta.url));

let dir: string;

/** Runs the CLI against in-memory files (else the disk); returns exit code, stdout and stderr. */
async function cli(args: string[], files: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { readText: async (path) => files[path] ?? readFile(path, 'utf8'), out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const project = (graph = digitsCnn()) => serializeProject({ ...emptyProject('digits'), graph });

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'netloom-plot-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('cli plot', () => {
  it("writes the project's picture as SVG, the same the app draws", async () => {
    const out = join(dir, 'pictures', 'seed.svg');
    const r = await cli(['plot', SEED, '--out', out]);
    expect(r).toEqual({ code: 0, out: `wrote ${out}`, err: '' });
    const graph = parseProjectFile(await readFile(SEED, 'utf8')).graph;
    expect(await readFile(out, 'utf8')).toBe(plotModelSvg(graph));
  });

  it('passes --rankdir and the --no-* switches to the picture', async () => {
    const out = join(dir, 'lr.svg');
    const r = await cli(['plot', 'cnn.netloom.json', `--out=${out}`, '--rankdir', 'lr', '--no-shapes', '--no-activations', '--no-trainable'], {
      'cnn.netloom.json': project(),
    });
    expect(r.code).toBe(0);
    const svg = await readFile(out, 'utf8');
    expect(svg).toBe(plotModelSvg(digitsCnn(), { rankdir: 'LR', showShapes: false, showActivations: false, showTrainable: false }));
    expect(svg).not.toContain('Output shape');
    expect(parsePlotArgs(['m.json', '--out', 'm.svg', '--no-names', '--no-groups'])).toMatchObject({ options: { showLayerNames: false, groups: 'flat' } });
  });

  it("draws a published model someone else made (UpscalerJS's ESRGAN, a DAG of residual blocks)", async () => {
    const model = fileURLToPath(new URL('../../node_modules/@upscalerjs/default-model/models/model.json', import.meta.url));
    const out = join(dir, 'upscaler.svg');
    expect((await cli(['plot', model, '--out', out])).code).toBe(0);
    const svg = await readFile(out, 'utf8');
    for (const title of ['LR (InputLayer)', 'RDB_Concat_1_1 (Concatenate)', 'LRL_2 (Add)', 'UPsample (UpSampling2D)', 'SR (Conv2D)'])
      expect(svg).toContain(`${title}</title>`);
    expect(svg).toContain('(None, None, None, 3)');
  });

  it('reads a Keras model.json too', async () => {
    const keras = await readFile(fileURLToPath(new URL('../compile/fixtures/keras3-merge-add.json', import.meta.url)), 'utf8');
    const out = join(dir, 'keras.svg');
    expect((await cli(['plot', 'model.json', '--out', out], { 'model.json': keras })).code).toBe(0);
    expect(await readFile(out, 'utf8')).toContain('(Add)</title>');
  });

  it('refuses a wrong command line with exit code 2, naming the allowed extensions', async () => {
    const cases: [string[], string][] = [
      [['plot', SEED, '--out', 'model.jpg'], '--out must end in .svg or .png (the picture is written as SVG or PNG), not ".jpg"'],
      [['plot', SEED, '--out', 'model'], '--out must end in .svg or .png (the picture is written as SVG or PNG), not "model"'],
      [['plot', SEED], '--out is required'],
      [['plot', '--out', 'm.svg'], 'give exactly one project or model.json file'],
      [['plot', SEED, '--out', 'm.svg', '--rankdir', 'BT'], '--rankdir must be TB or LR'],
      [['plot', SEED, '--out', 'm.svg', '--no-colours'], 'unknown option --no-colours'],
    ];
    for (const [args, message] of cases) {
      const r = await cli(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err.split('\n')[0]).toBe(message);
      expect(r.err).toContain('Usage: npm run cli -- plot');
    }
  });

  it('exits 1 with the diagnostics when the model has errors or no layers, writing nothing', async () => {
    const b = new GraphBuilder();
    b.chain(b.input([4]), ['Conv2D', { filters: 2, kernel_size: [3, 3] }]);
    const out = join(dir, 'broken.svg');
    const r = await cli(['plot', 'broken.netloom.json', '--out', out], { 'broken.netloom.json': project(b.graph) });
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^error \[conv2d_1\]: .+\(.+\)$/m);
    expect(r.err).toContain('broken.netloom.json: the model has errors, so it has no complete picture');
    await expect(readFile(out)).rejects.toThrow();
    const empty = await cli(['plot', 'empty.netloom.json', '--out', out], { 'empty.netloom.json': project({ nodes: [], edges: [] }) });
    expect(empty).toMatchObject({ code: 1, err: 'empty.netloom.json: the model has no layers to draw' });
    const notModel = await cli(['plot', 'x.json', '--out', out], { 'x.json': '{"a": 1}' });
    expect(notModel.code).toBe(1);
    expect(notModel.err).toContain('x.json');
  });

  it('lists plot in the help', async () => {
    expect((await cli(['help'])).out).toContain('plot <file> --out <model.svg|model.png>');
  });
});

describe('svgToPng', () => {
  it(`draws a PNG at twice the size with ${RESVG_PACKAGE}`, async () => {
    const svg = plotModelSvg(digitsCnn());
    const width = Number(/width="(\d+)"/.exec(svg)?.[1]);
    const height = Number(/height="(\d+)"/.exec(svg)?.[1]);
    const png = await svgToPng(svg);
    const view = new DataView(png.buffer, png.byteOffset);
    expect(Buffer.from(png.subarray(0, 8)).toString('hex')).toBe('89504e470d0a1a0a');
    expect([view.getUint32(16), view.getUint32(20)]).toEqual([width * 2, height * 2]);
  });

  it('says what is wrong when resvg cannot load', async () => {
    await expect(svgToPng('<svg/>', 2, () => Promise.reject(new Error('Cannot find module @resvg/resvg-js-linux-x64-gnu\nstack')))).rejects.toThrow(
      `a PNG needs the ${RESVG_PACKAGE} package, which could not load here (Cannot find module @resvg/resvg-js-linux-x64-gnu); write the picture as .svg instead`,
    );
  });
});
