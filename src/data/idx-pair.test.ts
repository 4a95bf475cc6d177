import { gzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { UserFileError } from '../lib/errors';
import { mulberry32 } from '../lib/random';
import { encodeIdxImages, encodeIdxLabels } from './idx-encode';
import { isIdxName, MAX_IDX_BYTES, peekIdx, readIdxPair, unpackIdx } from './idx-pair';

const pixels = (count: number) => Uint8Array.from({ length: count * 4 }, (_, i) => (i * 37) % 256);
const images = (count: number) => encodeIdxImages({ count, rows: 2, cols: 2, pixels: pixels(count) });
const labels = (ids: number[]) => encodeIdxLabels(Uint8Array.from(ids));
const file = (name: string, bytes: Uint8Array) => ({ name, bytes });
/** 3 MB that do not compress, so the gzip spans several 1 MB chunks. */
const noise = () => {
  const rng = mulberry32(5);
  return Uint8Array.from({ length: 3_000_000 }, () => Math.floor(rng() * 256));
};

describe('isIdxName', () => {
  it.each([
    ['train-images-idx3-ubyte.gz', true],
    ['t10k-labels-idx1-ubyte', true],
    ['train-images.idx3-ubyte', true],
    ['digits.idx3', true],
    ['digits.csv', false],
    ['photos.zip', false],
    ['notes.gz', false],
  ])('%s: %s', (name, expected) => expect(isIdxName(name)).toBe(expected));
});

describe('peekIdx', () => {
  it('reads the header of a plain and a gzipped file, unpacking only the start', () => {
    expect(peekIdx(images(3), 'a')).toEqual({ kind: 'images', count: 3, rows: 2, cols: 2 });
    expect(peekIdx(gzipSync(images(3)), 'a.gz')).toEqual({ kind: 'images', count: 3, rows: 2, cols: 2 });
    expect(peekIdx(gzipSync(labels([1, 2])), 'b.gz')).toEqual({ kind: 'labels', count: 2 });
  });

  it.each([
    [
      'a CSV',
      new TextEncoder().encode('a,b\n1,2\n'),
      'data.csv: not an IDX file: IDX images start with magic number 2051 and labels with 2049, this with 1630298634',
    ],
    ['a gzipped CSV', gzipSync(new TextEncoder().encode('a,b\n1,2\n')), 'data.csv: not an IDX file'],
    [
      'IDX floats',
      Uint8Array.from([0, 0, 0x0d, 3, 0, 0, 0, 1]),
      'data.csv: an IDX file of type 0xd with 3 dimensions; only uint8 images (magic 2051) and labels (magic 2049) are read',
    ],
    ['a broken gzip', Uint8Array.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 0xff, 0xff, 0xff]), 'data.csv: the gzip-compressed IDX file could not be unpacked'],
  ])('refuses %s, naming the file', (_, bytes, message) => {
    expect(() => peekIdx(bytes, 'data.csv')).toThrow(UserFileError);
    expect(() => peekIdx(bytes, 'data.csv')).toThrow(message);
  });
});

describe('unpackIdx', () => {
  it('unpacks in chunks, reporting the share read, and gives plain bytes back as they are', async () => {
    const big = noise();
    const shares: number[] = [];
    const out = await unpackIdx(gzipSync(big, { level: 1 }), 'big.gz', { onFraction: (s) => shares.push(s) });
    // Compared as buffers: toEqual walks 3 million elements for seconds.
    expect(Buffer.from(out.buffer, out.byteOffset, out.length).equals(big)).toBe(true);
    expect(shares.length).toBeGreaterThan(1);
    expect(shares.at(-1)).toBe(1);
    const plain = images(2);
    await expect(unpackIdx(plain, 'x')).resolves.toBe(plain);
  });

  it('names a gzip that is cut short or damaged', async () => {
    const packed = gzipSync(noise(), { level: 1 });
    await expect(unpackIdx(packed.subarray(0, packed.length >> 1), 'cut.gz')).rejects.toThrow('cut.gz: the gzip-compressed IDX file could not be unpacked');
    const damaged = packed.slice();
    damaged.fill(0xff, 10, 4000);
    await expect(unpackIdx(damaged, 'bad.gz')).rejects.toThrow(UserFileError);
  });

  it('stops between chunks when aborted', async () => {
    const big = noise();
    const controller = new AbortController();
    const run = unpackIdx(gzipSync(big, { level: 1 }), 'big.gz', { signal: controller.signal, onFraction: () => controller.abort() });
    await expect(run).rejects.toThrow(/abort/i);
  });

  it('refuses a file that unpacks past the limit as it grows', async () => {
    // 20 MB of zeros gzip to 20 KB: a bomb at a 10 MB limit, whatever its header says.
    const bomb = gzipSync(new Uint8Array(20e6), { level: 1 });
    await expect(unpackIdx(bomb, 'bomb.gz', { maxBytes: 10e6 })).rejects.toThrow('bomb.gz: the IDX file unpacks to more than 10 MB, over the limit');
    expect(MAX_IDX_BYTES).toBe(1e9);
  });
});

describe('readIdxPair', () => {
  it('pairs the files in either order, gzipped or not, with the label ids as class names', async () => {
    const progress: string[] = [];
    const pair = await readIdxPair([file('l.gz', gzipSync(labels([0, 2, 1, 2]))), file('i', images(4))], { onProgress: (d, t) => progress.push(`${d}/${t}`) });
    expect(pair).toMatchObject({ imagesFile: 'i', labelsFile: 'l.gz', classNames: ['0', '1', '2'] });
    expect(pair.images).toEqual({ count: 4, rows: 2, cols: 2, pixels: pixels(4) });
    expect([...pair.labels]).toEqual([0, 2, 1, 2]);
    expect(progress[0]).toBe('0/4');
    const named = await readIdxPair([file('i', images(4)), file('l', labels([0, 2, 1, 2]))], { classNames: ['a', 'b', 'c'] });
    expect(named.classNames).toEqual(['a', 'b', 'c']);
    // Names that do not fit the labels are not used.
    expect((await readIdxPair([file('i', images(4)), file('l', labels([0, 2, 1, 2]))], { classNames: ['a', 'b'] })).classNames).toEqual(['0', '1', '2']);
  });

  it.each([
    ['nothing', [], 'choose an IDX image file and its label file'],
    [
      'images alone',
      [file('train-images-idx3-ubyte.gz', gzipSync(images(2)))],
      'train-images-idx3-ubyte.gz: is an IDX image file without its labels: choose its label file',
    ],
    ['labels alone', [file('train-labels-idx1-ubyte', labels([0, 1]))], 'train-labels-idx1-ubyte: is an IDX label file without its images'],
    [
      'two image files',
      [file('a', images(2)), file('b', images(2))],
      'a and b are both IDX image files: choose one image file (magic 2051) and its label file (magic 2049)',
    ],
    [
      'three files',
      [file('a', images(2)), file('b', labels([0, 1])), file('c', labels([0, 1]))],
      'choose two IDX files, the images and their labels, not 3 (a, b, c)',
    ],
    [
      'a mismatched pair',
      [file('train-images', images(60)), file('t10k-labels', labels(Array.from({ length: 10 }, (_, i) => i % 2)))],
      'train-images has 60 images but t10k-labels has 10 labels: choose the label file that goes with these images',
    ],
    ['a CSV for the labels', [file('i', images(2)), file('labels.csv', new TextEncoder().encode('label\n1\n'))], 'labels.csv: not an IDX file'],
    ['one class', [file('i', images(2)), file('l', labels([3, 3]))], 'l: every label is 3: a classifier needs at least two classes'],
    ['a truncated image file', [file('i', images(2).subarray(0, 20)), file('l', labels([0, 1]))], 'i: the IDX file is truncated'],
  ])('refuses %s with a message that says what to change', async (_, files, message) => {
    await expect(readIdxPair(files)).rejects.toThrow(UserFileError);
    await expect(readIdxPair(files)).rejects.toThrow(message);
  });
});
