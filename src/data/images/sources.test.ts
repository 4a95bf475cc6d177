import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { entriesFromFiles, filesFromDroppedEntries } from './sources';
import type { DroppedEntry, FileLike } from './sources';

const fileLike = (name: string, bytes: Uint8Array, webkitRelativePath = ''): FileLike => ({
  name,
  size: bytes.length,
  webkitRelativePath,
  arrayBuffer: () => Promise.resolve(bytes.slice().buffer),
});

describe('entriesFromFiles', () => {
  it('uses webkitRelativePath, then the name, and marks zips for the worker to open', async () => {
    const zip = zipSync({ 'z/a/1.png': new Uint8Array([1]) });
    const entries = entriesFromFiles([
      fileLike('1.png', new Uint8Array([1, 2]), 'picked/cats/1.png'),
      fileLike('loose.png', new Uint8Array([3])),
      fileLike('Set.ZIP', zip),
      { file: fileLike('2.png', new Uint8Array([4])), relativePath: 'dropped/dogs/2.png' },
    ]);
    expect(entries.map((e) => [e.path, e.size, e.zip === true])).toEqual([
      ['picked/cats/1.png', 2, false],
      ['loose.png', 1, false],
      ['Set.ZIP', zip.length, true],
      ['dropped/dogs/2.png', 1, false],
    ]);
    await expect(entries[0]?.read()).resolves.toEqual(new Uint8Array([1, 2]));
    await expect(entries[2]?.read()).resolves.toEqual(zip);
  });
});

describe('filesFromDroppedEntries', () => {
  const file = (fullPath: string): DroppedEntry => ({
    isFile: true,
    isDirectory: false,
    fullPath,
    file: (ok) => ok(new File([fullPath], fullPath.split('/').at(-1) ?? '')),
  });
  const dir = (fullPath: string, children: DroppedEntry[]): DroppedEntry => ({
    isFile: false,
    isDirectory: true,
    fullPath,
    createReader: () => {
      // Hands children out one batch at a time, as Chromium does past 100.
      const batches = [children.slice(0, 1), children.slice(1), []];
      return { readEntries: (ok) => ok(batches.shift() ?? []) };
    },
  });

  it('walks folders in batches and keeps paths relative', async () => {
    const tree = dir('/pets', [dir('/pets/cats', [file('/pets/cats/1.png'), file('/pets/cats/2.png')]), dir('/pets/dogs', [file('/pets/dogs/3.png')])]);
    const items = await filesFromDroppedEntries([tree, file('/extra.png')]);
    const files = items.filter((i) => 'file' in i);
    expect(files.map((f) => f.relativePath)).toEqual(['pets/cats/1.png', 'pets/cats/2.png', 'pets/dogs/3.png', 'extra.png']);
    expect(files[0]?.file.name).toBe('1.png');
    expect(items.filter((i) => 'folder' in i)).toEqual([{ folder: 'pets' }, { folder: 'pets/cats' }, { folder: 'pets/dogs' }]);
  });

  it('lists an empty dropped folder, so that it can be named', async () => {
    const tree = dir('/pets', [dir('/pets/cats', []), dir('/pets/dogs', [file('/pets/dogs/3.png')])]);
    const entries = entriesFromFiles(await filesFromDroppedEntries([tree]));
    expect(entries.map((e) => e.path)).toEqual(['pets/', 'pets/cats/', 'pets/dogs/', 'pets/dogs/3.png']);
  });
});
