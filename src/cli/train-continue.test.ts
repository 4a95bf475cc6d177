import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseProjectFile, serializeProject } from '../project/project-file';
import { cli } from './train-test-support';
import { parseTrainArgs } from './train-command';

const SEED = fileURLToPath(new URL('../project/fixtures/seed-v2.netloom.json', import.meta.url));
const IRIS = fileURLToPath(new URL('../../public/samples/iris.csv', import.meta.url));

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'netloom-continue-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const epochsOf = (lines: readonly string[]) => lines.map((line) => (JSON.parse(line) as { epoch: number }).epoch);

describe('cli train --save, and going on from saved weights', () => {
  it('takes --save with a path', () => {
    expect(parseTrainArgs(['p.netloom.json', '--data', 'd.csv', '--save', 'out.netloom.json'])).toMatchObject({ save: 'out.netloom.json' });
    expect(parseTrainArgs(['p.netloom.json', '--data', 'd.csv'])).not.toHaveProperty('save');
  });

  it('saves the trained weights with their epoch count, and a run from them counts on (Keras initial_epoch)', async () => {
    const first = join(dir, 'first.netloom.json');
    const r1 = await cli(['train', SEED, '--data', IRIS, '--epochs', '2', '--save', first]);
    expect(r1.code).toBe(0);
    expect(epochsOf(r1.out)).toEqual([1, 2]);
    expect(r1.err).toContain(`saved ${first} with the weights of 2 epochs`);
    const saved = parseProjectFile(await readFile(first, 'utf8'), first);
    expect(saved.weights?.epochs).toBe(2);
    expect(saved.graph).toEqual(parseProjectFile(await readFile(SEED, 'utf8'), SEED).graph);

    const second = join(dir, 'second.netloom.json');
    const r2 = await cli(['train', first, '--data', IRIS, '--epochs', '1', '--save', second]);
    expect(r2.code).toBe(0);
    expect(r2.err).toContain("note: the project's weights were trained for 2 epochs; counting on from epoch 3");
    expect(epochsOf(r2.out)).toEqual([3]);
    expect(parseProjectFile(await readFile(second, 'utf8'), second).weights?.epochs).toBe(3);

    // --fresh starts anew, and so does the count.
    const r3 = await cli(['train', first, '--data', IRIS, '--epochs', '1', '--fresh']);
    expect(epochsOf(r3.out)).toEqual([1]);
  });

  it('counts from epoch 1 on weights whose training is unknown (imported, or saved by an older build)', async () => {
    const first = join(dir, 'unknown.netloom.json');
    expect((await cli(['train', SEED, '--data', IRIS, '--epochs', '1', '--save', first])).code).toBe(0);
    const project = parseProjectFile(await readFile(first, 'utf8'), first);
    const { epochs: _dropped, ...weights } = project.weights ?? { encoding: 'float32-le-base64' as const, specs: [], data: '' };
    await writeFile(first, serializeProject({ ...project, weights }));
    const r = await cli(['train', first, '--data', IRIS, '--epochs', '1', '--save', first]);
    expect(r.code).toBe(0);
    expect(r.err).toContain("starting from the project's weights in 2 of 2 layers");
    expect(epochsOf(r.out)).toEqual([1]);
    expect(parseProjectFile(await readFile(first, 'utf8'), first).weights?.epochs).toBe(1);
  });
});
