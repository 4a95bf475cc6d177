import { gzipSync, zipSync } from 'fflate';
import { encodeIdxImages, encodeIdxLabels } from '../idx-encode';
import { describe, expect, it } from 'vitest';
import { loadImageDataset } from './image-dataset';
import type { ImageLoadSettings, ImageResponse, SentFile } from './image-protocol';
import { createImageService } from './image-service';
import type { ImageService } from './image-service';
import { nodeDecoder } from './node-decode';
import { readForWorker } from './send-files';
import { entriesOf, makePng } from './test-images';
import type { Decoder } from './types';

const settings: ImageLoadSettings = { height: 8, width: 8, channels: 1, fit: 'pad', pickedFolder: false };
const table = () => {
  const files: Record<string, Uint8Array | string> = { 'd/notes.txt': 'hello', 'd/b/broken.png': 'not a png' };
  for (let i = 0; i < 12; i++) files[`d/${i % 2 === 0 ? 'a' : 'b'}/${i}.png`] = makePng(4, 6, (x, y) => [x * 40 + i, y * 30, 7, 255]);
  return files;
};

/** Runs one load to its end, collecting every response. */
async function run(files: readonly SentFile[], decoder: Decoder = nodeDecoder, onMessage?: (m: ImageResponse, service: ImageService) => void) {
  const messages: ImageResponse[] = [];
  let tick = 0;
  // Each report is 100 "ms" after the last, so a 250 ms throttle lets every third one through.
  const service = createImageService({ decoder, progressMs: 250, now: () => (tick += 100) });
  const post = (m: ImageResponse) => {
    messages.push(m);
    onMessage?.(m, service);
  };
  const loaded = service.handle({ type: 'load', id: 7, files, settings }, post);
  return { service, messages, loaded };
}

describe('image service', () => {
  it('gives the dataset the page decoder gives, with throttled progress ending at the total', async () => {
    const { messages, loaded, service } = await run(await readForWorker(entriesOf(table())));
    expect(service.running).toBe(1);
    await loaded;
    expect(service.running).toBe(0);
    const progress = messages.filter((m) => m.type === 'progress');
    expect(progress.length).toBeGreaterThan(1);
    expect(progress.length).toBeLessThan(13);
    expect(progress.at(-1)).toEqual({ type: 'progress', id: 7, done: 13, total: 13 });
    const last = messages.at(-1);
    if (last?.type !== 'done') throw new Error(`expected done, got ${last?.type}`);
    const direct = await loadImageDataset(entriesOf(table()), { ...settings, decoder: nodeDecoder });
    expect(last.result).toEqual(direct);
    expect(last.result.skipped.map((s) => s.path).sort()).toEqual(['d/b/broken.png', 'd/notes.txt']);
  });

  it('answers a load it cannot make a dataset of with the reason', async () => {
    const { messages, loaded } = await run(await readForWorker(entriesOf({ 'd/a/1.png': makePng(2, 2, () => [1, 1, 1, 255]) })));
    await loaded;
    expect(messages.at(-1)).toMatchObject({ type: 'error', id: 7, message: expect.stringContaining('at least two') });
  });

  it('opens a zip the page sent as it is, and says when it is no zip', async () => {
    const pngs = Object.fromEntries(Object.entries(table()).map(([path, v]) => [path, typeof v === 'string' ? new TextEncoder().encode(v) : v]));
    const zip = zipSync(pngs);
    const { messages, loaded } = await run([{ path: 'd.zip', size: zip.length, bytes: zip, zip: true }]);
    await loaded;
    const last = messages.at(-1);
    if (last?.type !== 'done') throw new Error(`expected done, got ${last?.type}`);
    expect(last.result).toEqual(await loadImageDataset(entriesOf(table()), { ...settings, decoder: nodeDecoder }));

    const junk = new TextEncoder().encode('not a zip at all');
    const bad = await run([{ path: 'x.zip', size: junk.length, bytes: junk, zip: true }]);
    await bad.loaded;
    expect(bad.messages).toEqual([{ type: 'error', id: 7, message: 'this is not a zip file' }]);
  });

  it('pairs IDX files into a dataset with previews and counts, and says what is wrong with a bad pair', async () => {
    const service = createImageService({ decoder: nodeDecoder, progressMs: 0 });
    const messages: ImageResponse[] = [];
    const pixels = Uint8Array.from({ length: 5 * 9 }, (_, i) => i);
    const sent = (path: string, bytes: Uint8Array): SentFile => ({ path, size: bytes.length, bytes });
    const files = [sent('i', gzipSync(encodeIdxImages({ count: 5, rows: 3, cols: 3, pixels }))), sent('l', encodeIdxLabels(Uint8Array.from([0, 1, 1, 0, 1])))];
    await service.handle({ type: 'load-idx', id: 3, files }, (m) => messages.push(m));
    const last = messages.at(-1);
    if (last?.type !== 'idx-done') throw new Error(`expected idx-done, got ${last?.type}`);
    expect(last).toMatchObject({ imagesFile: 'i', labelsFile: 'l', result: { counts: { '0': 2, '1': 3 }, skipped: [], omitted: 0 } });
    expect(last.result.dataset).toMatchObject({ count: 5, featureShape: [3, 3, 1], targetShape: [2], classNames: ['0', '1'] });
    expect(last.result.previews['1']?.map((p) => p.length)).toEqual([9, 9, 9]);
    expect(last.result.previews['0']?.[1]?.[0]).toBeCloseTo(27 / 255);
    expect(messages.filter((m) => m.type === 'progress').at(-1)).toEqual({ type: 'progress', id: 3, done: 5, total: 5 });

    const bad: ImageResponse[] = [];
    await service.handle({ type: 'load-idx', id: 4, files: [files[0] as SentFile] }, (m) => bad.push(m));
    expect(bad.at(-1)).toEqual({ type: 'error', id: 4, message: expect.stringContaining('i: is an IDX image file without its labels') });
  });

  it('stops on cancel: no more decodes, no dataset, one cancelled', async () => {
    let decoded = 0;
    const counting: Decoder = (bytes, path) => {
      decoded++;
      return nodeDecoder(bytes, path);
    };
    const files = await readForWorker(entriesOf(table()));
    const started = await run(files, counting, (m, service) => {
      if (m.type === 'progress' && m.done === 1) void service.handle({ type: 'cancel', id: 7 }, () => undefined);
    });
    await started.loaded;
    expect(started.messages.some((m) => m.type === 'done')).toBe(false);
    expect(started.messages.at(-1)).toEqual({ type: 'cancelled', id: 7 });
    // The decodes already in flight (at most 4) finish; none starts after the cancel.
    expect(decoded).toBeLessThanOrEqual(5);
    expect(started.service.running).toBe(0);
  });
});

describe('readForWorker', () => {
  it('reads only images and zips, sends folders and other files by name, and a failed read as its reason', async () => {
    const entries = [
      ...entriesOf({ 'd/a/1.png': 'x', 'd/a/notes.txt': 'y' }),
      { path: 'more.zip', size: 2, read: () => Promise.resolve(new Uint8Array([5, 6])), zip: true },
      { path: 'd/b/', size: 0, read: () => Promise.reject(new Error('folder')) },
      { path: 'd/b/2.png', size: 3, read: () => Promise.reject(new Error('gone')) },
    ];
    const reads: string[] = [];
    const sent = await readForWorker(entries, undefined, (done, total) => reads.push(`${done}/${total}`));
    expect(reads).toEqual(['5/5']);
    expect(sent.map((f) => [f.path, f.bytes?.length ?? null])).toEqual([
      ['d/a/1.png', 1],
      ['d/a/notes.txt', null],
      ['more.zip', 2],
      ['d/b/', null],
      ['d/b/2.png', null],
    ]);
    expect(sent[2]?.zip).toBe(true);
    expect(sent[4]?.failure).toEqual({ message: 'gone', userFacing: false });
  });

  it('reads many files a few at a time, keeping their order', async () => {
    let inFlight = 0;
    let most = 0;
    const entries = Array.from({ length: 250 }, (_, i) => ({
      path: `d/a/${i}.png`,
      size: 1,
      read: async () => {
        most = Math.max(most, ++inFlight);
        await new Promise((r) => setTimeout(r, i % 3));
        inFlight--;
        return Uint8Array.of(i % 256);
      },
    }));
    const reads: number[] = [];
    const sent = await readForWorker(entries, undefined, (done) => reads.push(done));
    expect(sent.map((f) => f.bytes?.[0])).toEqual(entries.map((_, i) => i % 256));
    expect(most).toBeGreaterThan(1);
    expect(most).toBeLessThanOrEqual(16);
    expect(reads).toEqual([100, 200, 250]);
  });

  it('stops when aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(readForWorker(entriesOf({ 'd/a/1.png': 'x' }), controller.signal)).rejects.toThrow();
  });
});
