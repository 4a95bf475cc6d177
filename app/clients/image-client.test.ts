import { describe, expect, it } from 'vitest';
import type { ImageRequest, ImageResponse } from '../../src/data/images/image-protocol';
import { createImageService } from '../../src/data/images/image-service';
import { nodeDecoder } from '../../src/data/images/node-decode';
import { entriesOf, makePng } from '../../src/data/images/test-images';
import { gzipSync } from 'fflate';
import { encodeIdxImages, encodeIdxLabels } from '../../src/data/idx-encode';
import { createImageClient, ImageLoadCancelled } from './image-client';
import { FakeWorker } from './fake-worker-test-support';

const settings = { height: 4, width: 4, channels: 1, fit: 'pad', pickedFolder: false } as const;
const folder = () => entriesOf({ 'd/a/1.png': makePng(2, 2, () => [0, 0, 0, 255]), 'd/b/1.png': makePng(2, 2, () => [255, 255, 255, 255]), 'd/b/x.txt': 'no' });

function setup(serve: boolean) {
  const workers: FakeWorker<ImageRequest, ImageResponse>[] = [];
  const client = createImageClient(() => {
    const w = imageWorker(serve);
    workers.push(w);
    return w;
  });
  return { client, workers, worker: (i: number) => workers[i] as FakeWorker<ImageRequest, ImageResponse> };
}

/** An image worker that records what it is sent; with `serve`, the real image service answers. */
function imageWorker(serve: boolean): FakeWorker<ImageRequest, ImageResponse> {
  const service = createImageService({ decoder: nodeDecoder, progressMs: 0 });
  return new FakeWorker<ImageRequest, ImageResponse>(serve ? (message, w) => void service.handle(message, (data) => w.reply(data)) : undefined);
}

describe('createImageClient', () => {
  it('starts no worker until asked, sends the images with their bytes to transfer, and reports progress', async () => {
    const { client, workers, worker } = setup(true);
    expect(workers).toHaveLength(0);
    const progress: string[] = [];
    const result = await client.load(folder(), settings, (done, total) => progress.push(`${done}/${total}`));
    expect(result.dataset).toMatchObject({ count: 2, classNames: ['a', 'b'], featureShape: [4, 4, 1] });
    expect(progress).toEqual(['1/2', '2/2']);
    const [load] = worker(0).sent;
    if (load?.message.type !== 'load') throw new Error('expected a load');
    expect(load.message.files.map((f) => f.bytes === null)).toEqual([false, false, true]);
    expect(load.transfer).toHaveLength(2);
    expect(worker(0).listening).toBe(0);
  });

  it('cancel asks the worker to stop and the load rejects as cancelled', async () => {
    const { client, worker } = setup(false);
    const loading = client.load(folder(), settings, () => undefined);
    await expect.poll(() => worker(0)?.sent.length).toBe(1);
    client.cancel();
    expect(worker(0).sent[1]?.message).toEqual({ type: 'cancel', id: 1 });
    worker(0).reply({ type: 'cancelled', id: 1 });
    await expect(loading).rejects.toBeInstanceOf(ImageLoadCancelled);
    expect(worker(0).listening).toBe(0);
  });

  it('cancel while the page still reads the files stops the reading and sends nothing', async () => {
    const { client, workers } = setup(false);
    let reads = 0;
    const slow = Array.from({ length: 200 }, (_, i) => ({
      path: `d/${i % 2 === 0 ? 'a' : 'b'}/${i}.png`,
      size: 1,
      read: async () => {
        reads++;
        await new Promise((r) => setTimeout(r, 5));
        return Uint8Array.of(1);
      },
    }));
    const loading = client.load(slow, settings, () => undefined);
    await expect.poll(() => reads).toBeGreaterThan(20);
    client.cancel();
    await expect(loading).rejects.toBeInstanceOf(ImageLoadCancelled);
    const after = reads;
    await new Promise((r) => setTimeout(r, 30));
    expect(reads).toBe(after);
    expect(reads).toBeLessThan(200);
    expect(workers).toHaveLength(0);
  });

  it('a newer load cancels the one in flight, and an error answer rejects with its message', async () => {
    const { client, worker } = setup(false);
    const first = client.load(folder(), settings, () => undefined);
    await expect.poll(() => worker(0)?.sent.length).toBe(1);
    const second = client.load(folder(), settings, () => undefined);
    expect(worker(0).sent[1]?.message).toEqual({ type: 'cancel', id: 1 });
    worker(0).reply({ type: 'cancelled', id: 1 });
    await expect(first).rejects.toBeInstanceOf(ImageLoadCancelled);
    await expect.poll(() => worker(0).sent.length).toBe(3);
    worker(0).reply({ type: 'error', id: 2, message: 'only the class b has readable images' });
    await expect(second).rejects.toThrow('only the class b has readable images');
  });

  it('a crashed worker rejects the load and is replaced by the next one', async () => {
    const { client, workers, worker } = setup(false);
    const loading = client.load(folder(), settings, () => undefined);
    await expect.poll(() => worker(0)?.sent.length).toBe(1);
    worker(0).crash('out of memory');
    await expect(loading).rejects.toThrow('The image reader stopped unexpectedly (out of memory); choose the folder again');
    void client.load(folder(), settings, () => undefined).catch(() => undefined);
    await expect.poll(() => workers.length).toBe(2);
  });

  it('reads IDX files on the page and pairs them in the worker, in either order', async () => {
    const { client, worker } = setup(true);
    const asFile = (name: string, bytes: Uint8Array) => ({ name, size: bytes.length, arrayBuffer: () => Promise.resolve(bytes.slice().buffer) });
    const images = gzipSync(encodeIdxImages({ count: 3, rows: 2, cols: 2, pixels: new Uint8Array(12).fill(255) }));
    const progress: string[] = [];
    const loaded = await client.loadIdx(
      [asFile('l.idx1-ubyte', encodeIdxLabels(Uint8Array.from([1, 0, 1]))), asFile('i.idx3-ubyte.gz', images)],
      ['no', 'yes'],
      (d, t) => progress.push(`${d}/${t}`),
    );
    expect(loaded).toMatchObject({ imagesFile: 'i.idx3-ubyte.gz', labelsFile: 'l.idx1-ubyte', result: { counts: { no: 1, yes: 2 } } });
    expect(loaded.result.dataset).toMatchObject({ count: 3, featureShape: [2, 2, 1], classNames: ['no', 'yes'] });
    expect(progress.at(-1)).toBe('3/3');
    const [sent] = worker(0).sent;
    expect(sent?.message).toMatchObject({ type: 'load-idx', id: 1, classNames: ['no', 'yes'] });
    expect(sent?.transfer).toHaveLength(2);
    await expect(client.loadIdx([asFile('i.gz', images)], undefined, () => undefined)).rejects.toThrow('i.gz: is an IDX image file without its labels');
  });
});
