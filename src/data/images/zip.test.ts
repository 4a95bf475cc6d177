import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { UserFileError } from '../../lib/errors';
import { collectImageFiles } from './collect';
import { formatBytes, zipEntries } from './zip';

const a = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
const b = new Uint8Array([0xff, 0xd8, 0xff, 4, 5, 6]);

/** Rewrites the uncompressed size every central directory header declares, as a bomb would. */
function forgeSizes(zip: Uint8Array, originalSize: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  for (let i = 0; i + 4 <= out.length; i++) {
    if (view.getUint32(i, true) === 0x02014b50) view.setUint32(i + 24, originalSize, true);
  }
  return out;
}

async function readAll(bytes: Uint8Array) {
  const entries = zipEntries(bytes);
  return Object.fromEntries(await Promise.all(entries.map(async (e) => [e.path, await e.read()] as const)));
}

describe('zipEntries', () => {
  it('round-trips files, stored and deflated, and feeds collectImageFiles', async () => {
    const zip = zipSync({
      'digits/0/a.png': a,
      'digits/1/b.jpg': [b, { level: 0 }],
      'digits/readme.txt': new TextEncoder().encode('hi'),
      '__MACOSX/digits/0/._a.png': new Uint8Array([9]),
    });
    const entries = zipEntries(zip);
    expect(entries.map((e) => [e.path, e.size])).toEqual([
      ['digits/0/a.png', a.length],
      ['digits/1/b.jpg', b.length],
      ['digits/readme.txt', 2],
      ['__MACOSX/digits/0/._a.png', 1],
    ]);
    const files = await readAll(zip);
    expect(files['digits/0/a.png']).toEqual(a);
    expect(files['digits/1/b.jpg']).toEqual(b);
    expect(new TextDecoder().decode(files['digits/readme.txt'])).toBe('hi');
    expect(collectImageFiles(entries).classes).toEqual(['0', '1']);
  });

  it('lists folders as `name/` entries with nothing to read, so an empty class folder is named', async () => {
    const zip = zipSync({ 'digits/0/a.png': a, 'digits/1/b.jpg': b, 'digits/2/': new Uint8Array() });
    const entries = zipEntries(zip);
    expect(entries.map((e) => e.path)).toEqual(['digits/0/a.png', 'digits/1/b.jpg', 'digits/2/']);
    await expect(entries[2]?.read()).rejects.toThrow('is a folder, not a file');
    expect(() => collectImageFiles(entries)).toThrow(new UserFileError('class folder "2" has no images: add some or remove the folder'));
  });

  it.each([
    ['random bytes', new Uint8Array([1, 2, 3, 4, 5])],
    ['a PNG', a],
    ['nothing', new Uint8Array()],
  ])('says %s is not a zip file', (_name, bytes) => {
    expect(() => zipEntries(bytes)).toThrow(new UserFileError('this is not a zip file'));
  });

  it('refuses a zip that would expand past the size limit, without inflating it', () => {
    // Declares 3.2 GB; inflating would need the buffer first, so a quick refusal proves it did not.
    const bomb = forgeSizes(zipSync({ 'x/a/1.png': a, 'x/b/2.png': b }), 1.6e9);
    const started = performance.now();
    expect(() => zipEntries(bomb)).toThrow(new UserFileError('the zip would expand to 3.2 GB, over the 1 GB limit'));
    expect(performance.now() - started).toBeLessThan(200);
  });

  it('refuses an entry that compresses suspiciously well', () => {
    const zeros = new Uint8Array(2e6); // deflates to about 2 KB
    const zip = zipSync({ 'x/a/zeros.png': zeros, 'x/b/1.png': b });
    expect(() => zipEntries(zip)).toThrow(/^x\/a\/zeros\.png in the zip would expand [\d,]+ times \(over the 100 times limit\), which looks like a zip bomb$/);
    expect(() => zipEntries(zip, { maxEntries: 10, maxTotalBytes: 1e9, maxRatio: 1e5 })).not.toThrow();
  });

  it('only counts images towards the limits', () => {
    const zip = forgeSizes(zipSync({ 'x/a/1.png': a }), 1.6e9);
    const withText = zipSync({ 'x/a/1.png': a, 'x/big.txt': new Uint8Array(2e6) });
    expect(() => zipEntries(zip)).toThrow(/1.6 GB/);
    expect(zipEntries(withText)).toHaveLength(2);
  });

  it('refuses too many entries', () => {
    const many = zipSync(Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`x/${i}.png`, a])));
    const limits = { maxEntries: 10, maxTotalBytes: 1e9, maxRatio: 100 };
    expect(() => zipEntries(many, limits)).toThrow(new UserFileError('the zip has more than 10 files, over the limit'));
  });

  it('still lists the other entries when one is damaged', async () => {
    const zip = zipSync({ 'x/a/1.png': a.map(() => 7), 'x/b/2.png': b.map(() => 7) }, { level: 9 });
    // Corrupt the first entry's deflate stream (right after its 30-byte header and name).
    const broken = zip.slice();
    broken[30 + 'x/a/1.png'.length] = 0xff;
    const entries = zipEntries(broken);
    await expect(entries[0]?.read()).rejects.toThrow();
    await expect(entries[1]?.read()).resolves.toEqual(b.map(() => 7));
  });
});

describe('formatBytes', () => {
  it.each([
    [1e9, '1 GB'],
    [3.24e9, '3.2 GB'],
    [2.5e6, '2.5 MB'],
    [512e3, '512 KB'],
  ])('%d → %s', (n, text) => expect(formatBytes(n)).toBe(text));
});
