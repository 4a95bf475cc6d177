import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import FOLDERS from './folders.json';

describe('src/ folders', () => {
  const here = new URL('./', import.meta.url);
  const folders = readdirSync(here, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name);

  it('each have a place in the lint order, so none can import a folder above it', () => {
    expect([...folders].sort()).toEqual([...FOLDERS].sort());
  });

  it('are described in that order in docs/architecture.md', () => {
    const doc = readFileSync(new URL('../docs/architecture.md', import.meta.url), 'utf8');
    const order = FOLDERS.slice(0, -2).join(' → ') + ` → ${FOLDERS.slice(-2).join(', ')}`;
    expect(doc).toContain(order);
    for (const f of FOLDERS) expect(doc).toContain(`| \`${f}/\``);
  });
});
