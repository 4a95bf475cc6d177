import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseJsonText } from '../lib/parse-file';
import { nodeIo, readTextFile } from './node-io';
import { runCli } from './run-cli';

const BOM = '\ufeff';
const fixture = (path: string) => readFile(new URL(path, import.meta.url), 'utf8');
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'netloom-bom-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Runs the CLI with the real file reading, collecting what it prints. */
async function cli(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { ...nodeIo, out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('the CLI reads text as the page does', () => {
  it('drops a UTF-8 byte-order mark, as TextDecoder and Blob.text() do', async () => {
    const path = join(dir, 'note.txt');
    await writeFile(path, `${BOM}caf\u00e9`);
    expect(await readTextFile(path)).toBe('caf\u00e9');
  });

  it('summarises a project saved with a BOM (Windows Notepad writes one)', async () => {
    const path = join(dir, 'seed.netloom.json');
    await writeFile(path, BOM + (await fixture('../project/fixtures/seed-v3.netloom.json')));
    const r = await cli(['summary', path]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Total params: 515');
  });

  it('imports a model.json saved with a BOM', async () => {
    const path = join(dir, 'model.json');
    await writeFile(path, BOM + (await fixture('../compile/fixtures/keras3-sequential.json')));
    const r = await cli(['import', path, '--out', join(dir, 'imported.netloom.json')]);
    expect(r.err).not.toContain('not valid JSON');
    expect(r.code).toBe(0);
  });

  it('parseJsonText skips a BOM whoever decoded the text', () => {
    expect(parseJsonText(`${BOM}{"a":1}`, 'x.json')).toEqual({ a: 1 });
  });
});
