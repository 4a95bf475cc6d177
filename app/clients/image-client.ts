import type { ImageDatasetResult } from '../../src/data/images/image-dataset';
import { fileBuffers } from '../../src/data/images/image-protocol';
import type { ImageLoadSettings, ImageRequest, ImageResponse } from '../../src/data/images/image-protocol';
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

/** The page's one way to the image worker: it decodes and resizes image folders off the page. */
export interface ImageClient {
  /**
   * Reads the entries' bytes, then decodes them in the worker (the bytes move there), reporting
   * images done of total. A newer load cancels the one in flight.
   */
  load(entries: readonly FileEntry[], settings: ImageLoadSettings, onProgress: (done: number, total: number) => void): Promise<ImageDatasetResult>;
  /** Stops the load in flight, if any; its `load` rejects with `ImageLoadCancelled`. */
  cancel(): void;
}

/** A client with no worker yet: the first load starts one, and one that crashed is replaced by the next. */
export function createImageClient(createWorker: () => ImageWorker): ImageClient {
  let worker: ImageWorker | undefined;
  let nextId = 1;
  // The load in flight: its id and what stops it (its reading on the page, then the worker's decoding).
  let current: { readonly id: number; readonly controller: AbortController } | undefined;

  const cancel = () => {
    if (current === undefined) return;
    current.controller.abort();
    worker?.postMessage({ type: 'cancel', id: current.id }, []);
  };

  return {
    async load(entries, settings, onProgress) {
      cancel();
      const id = nextId++;
      const controller = new AbortController();
      current = { id, controller };
      let files;
      try {
        files = await readForWorker(entries, controller.signal);
      } catch (error) {
        if (current?.id === id) current = undefined;
        throw controller.signal.aborted ? new ImageLoadCancelled() : error;
      }
      worker ??= createWorker();
      const w = worker;
      return new Promise<ImageDatasetResult>((resolve, reject) => {
        const onMessage = (event: { readonly data: ImageResponse }) => {
          const msg = event.data;
          if (msg.id !== id) return;
          if (msg.type === 'progress') {
            onProgress(msg.done, msg.total);
            return;
          }
          cleanup();
          if (msg.type === 'done') resolve(msg.result);
          else if (msg.type === 'cancelled') reject(new ImageLoadCancelled());
          else reject(new Error(msg.message));
        };
        const onError = (event: { readonly message: string }) => {
          cleanup();
          if (worker === w) worker = undefined;
          reject(new Error(`The image reader stopped unexpectedly (${event.message || 'worker error'}); choose the folder again`));
        };
        const cleanup = () => {
          if (current?.id === id) current = undefined;
          w.removeEventListener('message', onMessage);
          w.removeEventListener('error', onError);
        };
        w.addEventListener('message', onMessage);
        w.addEventListener('error', onError);
        w.postMessage({ type: 'load', id, files, settings }, fileBuffers(files));
      });
    },
    cancel,
  };
}
