import type { ImageDatasetResult } from '../../src/data/images/image-dataset';
import { fileBuffers } from '../../src/data/images/image-protocol';
import type { ImageLoadSettings, ImageRequest, ImageResponse, SentFile } from '../../src/data/images/image-protocol';
import { readForWorker } from '../../src/data/images/send-files';
import type { FileEntry } from '../../src/data/images/types';
import { assertNever } from '../../src/lib/assert-never';
import { createWorkerRequests } from './worker-requests';
import type { RequestWorker } from './worker-requests';

/** The part of a Worker the client uses, so tests can hand it a fake one. */
export type ImageWorker = RequestWorker<ImageRequest, ImageResponse>;

/** Thrown by `load` when the load was cancelled: nothing was loaded, and that is no failure. */
export class ImageLoadCancelled extends Error {
  constructor() {
    super('Loading the images was cancelled');
    this.name = 'ImageLoadCancelled';
  }
}

/** An IDX pair as loaded, with which file held the images and which the labels. */
export interface IdxLoadResult {
  readonly result: ImageDatasetResult;
  readonly imagesFile: string;
  readonly labelsFile: string;
}

/** The part of a DOM `File` an IDX load reads. */
export interface IdxFileLike {
  readonly name: string;
  readonly size: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/** The page's one way to the image worker: it decodes and resizes image folders, and reads IDX files, off the page. */
export interface ImageClient {
  /**
   * Reads the entries' bytes (`onRead`: files read of total), then decodes them in the worker (the
   * bytes move there), reporting images done of total. A newer load cancels the one in flight.
   */
  load(
    entries: readonly FileEntry[],
    settings: ImageLoadSettings,
    onProgress: (done: number, total: number) => void,
    onRead?: (done: number, total: number) => void,
  ): Promise<ImageDatasetResult>;
  /**
   * Reads an IDX image file and its label file (in either order) and pairs them in the worker,
   * reporting images unpacked of total. `classNames` name the label ids when they fit them.
   */
  loadIdx(files: readonly IdxFileLike[], classNames: readonly string[] | undefined, onProgress: (done: number, total: number) => void): Promise<IdxLoadResult>;
  /** Stops the load in flight, if any; its `load` rejects with `ImageLoadCancelled`. */
  cancel(): void;
}

type Ending = Extract<ImageResponse, { type: 'done' | 'idx-done' }>;

/** The worker's last word on a load, or what it was told between (progress). */
function ending(msg: ImageResponse, onProgress: (done: number, total: number) => void): Ending | undefined {
  switch (msg.type) {
    case 'progress':
      onProgress(msg.done, msg.total);
      return undefined;
    case 'done':
    case 'idx-done':
      return msg;
    case 'cancelled':
      throw new ImageLoadCancelled();
    case 'error':
      throw new Error(msg.message);
    default:
      return assertNever(msg, 'image reader answer');
  }
}

/** A client with no worker yet: the first load starts one, and one that crashed is replaced by the next. */
export function createImageClient(createWorker: () => ImageWorker): ImageClient {
  const requests = createWorkerRequests<ImageRequest, ImageResponse>({
    createWorker,
    reader: 'The image reader',
    again: 'choose the folder again',
    cancelMessage: (id) => ({ type: 'cancel', id }),
    cancelled: () => new ImageLoadCancelled(),
  });

  /** Cancels the load in flight, reads the files on the page, then has the worker finish the load. */
  function start(
    read: (signal: AbortSignal) => Promise<readonly SentFile[]>,
    request: (id: number, files: readonly SentFile[]) => Extract<ImageRequest, { type: 'load' | 'load-idx' }>,
    onProgress: (done: number, total: number) => void,
    again: string,
  ): Promise<Ending> {
    return requests.load(async (id, signal) => {
      const files = await read(signal);
      // A cancel during the last read still stops the load before anything is sent.
      signal.throwIfAborted();
      return requests.ask(request(id, files), { transfer: fileBuffers(files), again, answer: (msg) => ending(msg, onProgress) });
    });
  }

  return {
    async load(entries, settings, onProgress, onRead) {
      const end = await start(
        (signal) => readForWorker(entries, signal, onRead),
        (id, files) => ({ type: 'load', id, files, settings }),
        onProgress,
        'choose the folder again',
      );
      return end.result;
    },
    async loadIdx(files, classNames, onProgress) {
      const read = async (signal: AbortSignal) => {
        const sent: SentFile[] = [];
        for (const file of files) {
          signal.throwIfAborted();
          sent.push({ path: file.name, size: file.size, bytes: new Uint8Array(await file.arrayBuffer()) });
        }
        return sent;
      };
      const end = await start(
        read,
        (id, sent) => ({ type: 'load-idx', id, files: sent, ...(classNames ? { classNames } : {}) }),
        onProgress,
        'choose the files again',
      );
      if (end.type !== 'idx-done') throw new Error('the image reader answered an IDX load with a folder dataset');
      return { result: end.result, imagesFile: end.imagesFile, labelsFile: end.labelsFile };
    },
    cancel: () => requests.cancel(),
  };
}
