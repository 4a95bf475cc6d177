import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GraphBuilder } from '../analysis/builder';
import { emptyProject, serializeProject } from '../project/project-file';
import { runCli } from './run-cli';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'netloom-train-text-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const GOOD = ['good', 'great', 'lovely', 'fine'];
const BAD = ['bad', 'awful', 'dull', 'poor'];
const FILLER = ['the', 'a', 'this', 'that', 'film', 'show', 'book', 'play', 'was', 'is', 'felt', 'seemed'];

/** Six-word reviews: class 1 holds a good word, class 0 a bad one, among seeded filler. */
function reviews(rows: number): string {
  let state = 7;
  const pick = <T>(xs: readonly T[]) => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return xs[state % xs.length] as T;
  };
  const lines = ['review,label'];
  for (let i = 0; i < rows; i++) {
    const label = i % 2;
    const words = [pick(FILLER), pick(FILLER), pick(FILLER), pick(label === 1 ? GOOD : BAD), pick(FILLER), String(i)];
    lines.push(`${words.join(' ')},${label}`);
  }
  return `${lines.join('\n')}\n`;
}

describe('cli train on a text CSV', () => {
  it('uses the default text plan and learns a trivially separable task', async () => {
    const csv = join(dir, 'reviews.csv');
    await writeFile(csv, reviews(200));
    const b = new GraphBuilder();
    b.chain(b.input([6]), ['Embedding', { input_dim: 400, output_dim: 8 }], ['GlobalAveragePooling1D'], ['Dense', { units: 1, activation: 'sigmoid' }]);
    const training = { ...emptyProject().training, loss: 'binary_crossentropy' as const, epochs: 30, learningRate: 0.05 };
    const path = join(dir, 'text.netloom.json');
    await writeFile(path, serializeProject({ ...emptyProject('text'), graph: b.graph, training }));
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(['train', path, '--data', csv], { readText: (p) => readFile(p, 'utf8'), out: (t) => out.push(t), err: (t) => err.push(t) });
    expect(err.join('\n')).toContain('the default data plan');
    expect(code).toBe(0);
    const lines = out.map((l) => JSON.parse(l) as Record<string, number>);
    expect(lines.at(-1)!.loss).toBeLessThan(lines[0]!.loss!);
    expect(lines.at(-1)!.val_acc).toBeGreaterThan(0.9);
  }, 60_000);
});
