import { zipSync } from 'fflate';
import { featureValue, sampleRows } from '../features';
import { describe, expect, it } from 'vitest';
import { UserFileError } from '../../lib/errors';
import { loadImageDataset } from './image-dataset';
import { nodeDecoder } from './node-decode';
import { claimSize, entriesOf, makeJpeg, makePng } from './test-images';
import { zipEntries } from './zip';

const grey = (v: number) => makePng(4, 4, () => [v, v, v, 255]);

describe('loadImageDataset', () => {
  it('builds x, one-hot y, counts and previews with the default 28x28x1 pad', async () => {
    const entries = entriesOf({
      'd/10/a.png': grey(255),
      'd/2/a.png': grey(0),
      'd/2/b.jpg': makeJpeg(8, 4, [128, 128, 128]),
      'd/2/notes.txt': 'hello',
    });
    const progress: number[] = [];
    const { dataset, counts, previews, skipped, omitted } = await loadImageDataset(entries, {
      decoder: nodeDecoder,
      onProgress: (done, total) => progress.push(done / total),
    });
    expect(dataset).toMatchObject({ count: 3, featureShape: [28, 28, 1], targetShape: [2], task: 'classification', classNames: ['2', '10'] });
    expect(dataset.x).toHaveLength(3 * 784);
    expect([...dataset.y]).toEqual([1, 0, 1, 0, 0, 1]);
    expect(counts).toEqual({ '2': 2, '10': 1 });
    expect(previews['2']).toHaveLength(2);
    expect(previews['10']?.[0]).toEqual(sampleRows(dataset, 2, 1));
    expect(skipped).toEqual([{ path: 'd/2/notes.txt', reason: 'not an image (.txt)' }]);
    expect(omitted).toBe(0);
    expect(progress.at(-1)).toBe(1);
    // The black PNG, then the 2:1 JPEG padded top and bottom, then the white PNG.
    // Stored as grey levels, a byte a value.
    expect(dataset.x).toBeInstanceOf(Uint8Array);
    expect(featureValue(dataset.x, 0)).toBe(0);
    expect(featureValue(dataset.x, 784 + 0)).toBe(0);
    expect(featureValue(dataset.x, 784 + 14 * 28 + 14)).toBeCloseTo(128 / 255, 1);
    expect(featureValue(dataset.x, 2 * 784 + 100)).toBe(1);
  });

  it('skips unreadable images with a reason and compacts x and y', async () => {
    const entries = entriesOf({
      'd/a/1.png': grey(10),
      'd/a/2.png': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0]),
      'd/a/3.webp': new Uint8Array([1, 2, 3]),
      'd/b/1.png': grey(250),
    });
    const { dataset, skipped, counts } = await loadImageDataset(entries, { decoder: nodeDecoder, height: 2, width: 2, channels: 3 });
    expect(dataset.count).toBe(2);
    expect(dataset.x).toHaveLength(2 * 12);
    expect(dataset.x[0]).toBe(10);
    expect(dataset.x[12]).toBe(250);
    expect([...dataset.y]).toEqual([1, 0, 0, 1]);
    expect(counts).toEqual({ a: 1, b: 1 });
    expect(skipped).toEqual([
      { path: 'd/a/2.png', reason: 'not a readable image' },
      { path: 'd/a/3.webp', reason: 'cannot decode .webp files outside the browser' },
    ]);
  });

  it('keeps at most 8 previews per class', async () => {
    const files = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`d/${i % 2 ? 'odd' : 'even'}/${i}.png`, grey(i)]));
    const { previews } = await loadImageDataset(
      entriesOf({ ...files, 'd/odd/x.png': grey(1), 'd/odd/y.png': grey(1), 'd/odd/z.png': grey(1), 'd/odd/w.png': grey(1) }),
      {
        decoder: nodeDecoder,
        height: 2,
        width: 2,
      },
    );
    expect(previews['even']).toHaveLength(5);
    expect(previews['odd']).toHaveLength(8);
  });

  it('caps the images evenly across classes', async () => {
    const files = { 'd/a/1.png': grey(1), 'd/a/2.png': grey(2), 'd/a/3.png': grey(3), 'd/a/4.png': grey(4), 'd/b/1.png': grey(5), 'd/c/1.png': grey(6) };
    const { counts, omitted, dataset } = await loadImageDataset(entriesOf(files), { decoder: nodeDecoder, maxImages: 4, height: 1, width: 1 });
    expect(counts).toEqual({ a: 2, b: 1, c: 1 });
    expect(omitted).toBe(2);
    expect(dataset.count).toBe(4);
  });

  it('loads from a zip', async () => {
    const zip = zipSync({ 'set/cat/1.png': grey(0), 'set/dog/1.png': grey(255) });
    const { dataset } = await loadImageDataset(zipEntries(zip), { decoder: nodeDecoder, height: 4, width: 4 });
    expect(dataset.classNames).toEqual(['cat', 'dog']);
    expect(dataset.count).toBe(2);
  });

  it('fails when too few classes keep a readable image', async () => {
    const bad = new Uint8Array([9, 9, 9]);
    await expect(loadImageDataset(entriesOf({ 'd/a/1.png': bad, 'd/b/1.png': bad }), { decoder: nodeDecoder })).rejects.toThrow(
      new UserFileError('none of the 2 images could be read (d/a/1.png: not a readable image)'),
    );
    await expect(loadImageDataset(entriesOf({ 'd/a/1.png': grey(1), 'd/b/1.png': bad }), { decoder: nodeDecoder })).rejects.toThrow(
      new UserFileError('only the class a has readable images; a classifier needs at least two'),
    );
  });

  it('fails when a class keeps no readable image, naming it', async () => {
    const bad = new Uint8Array([9, 9, 9]);
    const entries = entriesOf({ 'd/a/1.png': grey(1), 'd/b/1.png': grey(2), 'd/c/1.png': bad, 'd/c/2.png': bad });
    await expect(loadImageDataset(entries, { decoder: nodeDecoder })).rejects.toThrow(
      new UserFileError('class folder "c" has no readable images (d/c/1.png: not a readable image): replace them or remove the folder'),
    );
  });

  it('skips an image whose header claims 10,000 x 10,000 pixels, without decoding it', async () => {
    const huge = claimSize(grey(3), 10_000, 10_000);
    const entries = entriesOf({ 'd/a/1.png': grey(1), 'd/a/huge.png': huge, 'd/b/1.png': grey(2) });
    const { skipped, counts } = await loadImageDataset(entries, { decoder: nodeDecoder, height: 2, width: 2 });
    expect(skipped).toEqual([
      { path: 'd/a/huge.png', reason: '10,000 x 10,000 pixels (100 megapixels), over the 40-megapixel limit for one image; shrink it to use it' },
    ]);
    expect(counts).toEqual({ a: 1, b: 1 });
  });

  it('stops when aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    const entries = entriesOf({ 'd/a/1.png': grey(1), 'd/b/1.png': grey(2) });
    await expect(loadImageDataset(entries, { decoder: nodeDecoder, signal: controller.signal })).rejects.toThrow();
  });
});
