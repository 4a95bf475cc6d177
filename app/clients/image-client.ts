import type { ImageDatasetResult } from '../../src/data/images/image-dataset';
import { fileBuffers } from '../../src/data/images/image-protocol';
import type { ImageLoadSettings, ImageRequest, ImageResponse, SentFile } from '../../src/data/images/image-protocol';
import { readForWorker } from '../../src/data/images/send-files';
import type { FileEntry } from '../../src/data/images/types';

/** The part of a Worker the client uses, so tests can hand it a fake one. */
export interface ImageWorker {
  postMessage(message: ImageRequest, transfer: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: { readonly data: ImageResponse }) => void): void;
  addEventListener(type: 'error', listener: (event: { readonly message: string }) => void): void;
  removeEventListener(type: 'message', listener: (event: { readonly data: ImageResponse }) => void): void;
  removeEventListener(type: 'error', listener: (event: { readonly message: string }) => void): void;
}

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

/** A client with no worker yet: the first load starts one, and one that crashed is replaced by the next. */
export function createImageClient(createWorker: () => ImageWorker): ImageClient {
  let worker: ImageWorker | undefined;
  let nextId = 1;
  // The load in flight: its id and what stops it (its reading on the page, then the worker's work).
  let current: { readonly id: number; readonly controller: AbortController } | undefined;

  const cancel = () => {
    if (current === undefined) return;
    current.controller.abort();
    worker?.postMessage({ type: 'cancel', id: current.id }, []);
  };

  /** Cancels the load in flight, reads the files on the page, then has the worker finish the load. */
  async function start(
    read: (signal: AbortSignal) => Promise<readonly SentFile[]>,
    request: (id: number, files: readonly SentFile[]) => ImageRequest,
    onProgress: (done: number, total: number) => void,
    chooseAgain: string,
  ): Promise<Ending> {
    cancel();
    const id = nextId++;
    const controller = new AbortController();
    current = { id, controller };
    let files;
    try {
      files = await read(controller.signal);
      // A cancel during the last read still stops the load before anything is sent.
      controller.signal.throwIfAborted();
    } catch (error) {
      if (current?.id === id) current = undefined;
      throw controller.signal.aborted ? new ImageLoadCancelled() : error;
    }
    worker ??= createWorker();
    const w = worker;
    return new Promise<Ending>((resolve, reject) => {
      const onMessage = (event: { readonly data: ImageResponse }) => {
        const msg = event.data;
        if (msg.id !== id) return;
        if (msg.type === 'progress') {
          onProgress(msg.done, msg.total);
          return;
        }
        cleanup();
        if (msg.type === 'done' || msg.type === 'idx-done') resolve(msg);
        else if (msg.type === 'cancelled') reject(new ImageLoadCancelled());
        else reject(new Error(msg.message));
      };
      const onError = (event: { readonly message: string }) => {
        cleanup();
        if (worker === w) worker = undefined;
        reject(new Error(`The image reader stopped unexpectedly (${event.message || 'worker error'}); ${chooseAgain}`));
      };
      const cleanup = () => {
        if (current?.id === id) current = undefined;
        w.removeEventListener('message', onMessage);
        w.removeEventListener('error', onError);
      };
      w.addEventListener('message', onMessage);
      w.addEventListener('error', onError);
      w.postMessage(request(id, files), fileBuffers(files));
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
    cancel,
  };
}
