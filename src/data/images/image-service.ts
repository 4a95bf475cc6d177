/**
 * What the image worker does, as a plain module that also runs in Node tests: it decodes and
 * resizes the files the page sent into a dataset, reporting progress now and then, and stops
 * when the page cancels. The worker file is a thin shell over it.
 */
import { assertNever } from '../../lib/assert-never';
import { UserFileError } from '../../lib/errors';
import { loadImageDataset } from './image-dataset';
import { resultBuffers } from './image-protocol';
import type { ImageRequest, ImageResponse, SentFile } from './image-protocol';
import type { Decoder, FileEntry } from './types';
import { zipEntries } from './zip';

/** Sends a response, transferring the listed buffers. */
export type ImagePost = (message: ImageResponse, transfer?: ArrayBuffer[]) => void;

/** How the service decodes and how often it reports. */
export interface ImageServiceOptions {
  /** `browserDecoder` in the worker, `nodeDecoder` in Node tests. */
  readonly decoder: Decoder;
  /** Progress reports come at most this often (ms); 200 by default, a few a second. */
  readonly progressMs?: number;
  /** The clock for the throttle; `performance.now` by default. */
  readonly now?: () => number;
}

/** The worker's state (the loads in flight) and its request handler. */
export interface ImageService {
  /** Handles one request; a `load` resolves once its last response is posted. */
  handle(request: ImageRequest, post: ImagePost): Promise<void>;
  /** How many loads are in flight, for tests. */
  readonly running: number;
}

/** A new service with no load in flight. */
export function createImageService(opts: ImageServiceOptions): ImageService {
  const inFlight = new Map<number, AbortController>();
  const progressMs = opts.progressMs ?? 200;
  const now = opts.now ?? (() => performance.now());

  async function load(request: Extract<ImageRequest, { type: 'load' }>, post: ImagePost): Promise<void> {
    const { id, settings } = request;
    const controller = new AbortController();
    inFlight.set(id, controller);
    let lastReport = -Infinity;
    try {
      // A zip is opened here, off the page: its directory is checked, then its images inflated.
      const entries = request.files.flatMap((file) => (file.zip === true && file.bytes !== null ? zipEntries(file.bytes) : [entryOf(file)]));
      controller.signal.throwIfAborted();
      const result = await loadImageDataset(entries, {
        ...settings,
        decoder: opts.decoder,
        signal: controller.signal,
        onProgress: (done, total) => {
          const t = now();
          if (t - lastReport < progressMs && done < total) return;
          lastReport = t;
          post({ type: 'progress', id, done, total });
        },
      });
      post({ type: 'done', id, result }, resultBuffers(result));
    } catch (error) {
      if (controller.signal.aborted) post({ type: 'cancelled', id });
      else post({ type: 'error', id, message: messageOf(error) });
    } finally {
      inFlight.delete(id);
    }
  }

  return {
    get running() {
      return inFlight.size;
    },
    async handle(request, post) {
      switch (request.type) {
        case 'load':
          return load(request, post);
        case 'cancel':
          inFlight.get(request.id)?.abort();
          return;
        default:
          return assertNever(request, 'image request');
      }
    },
  };
}

/** An entry over bytes already here; a read the page could not do fails the same way here. */
function entryOf(file: SentFile): FileEntry {
  const { path, size, bytes, failure } = file;
  return {
    path,
    size,
    read: () => {
      if (bytes !== null) return Promise.resolve(bytes);
      if (failure?.userFacing === true) return Promise.reject(new UserFileError(failure.message));
      return Promise.reject(new Error(failure?.message ?? `${path}: not sent to the image reader`));
    },
  };
}

function messageOf(error: unknown): string {
  if (error instanceof UserFileError) return error.message;
  return `The images could not be read (${error instanceof Error ? error.message : String(error)})`;
}
