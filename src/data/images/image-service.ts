/**
 * What the image worker does, as a plain module that also runs in Node tests: it opens the zips
 * and decodes and resizes the files the page sent into a dataset, or pairs an IDX image file with
 * its labels, reporting progress now and then, and stops when the page cancels. The worker file is
 * a thin shell over it.
 */
import { assertNever } from '../../lib/assert-never';
import { UserFileError } from '../../lib/errors';
import { readIdxPair } from '../idx-pair';
import { idxDatasetResult } from './idx-result';
import { loadImageDataset } from './image-dataset';
import { resultBuffers } from './image-protocol';
import type { ImageRequest, ImageResponse } from './image-protocol';
import type { Decoder } from './types';
import { createLoadRunner } from './load-runner';
import { sentEntry } from './send-files';
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
  const loads = createLoadRunner<ImageResponse>({ ...opts, messageOf });
  const run = loads.run;

  const load = (request: Extract<ImageRequest, { type: 'load' }>, post: ImagePost) =>
    run(request.id, post, async (signal, onProgress) => {
      // A zip is opened here, off the page: its directory is checked, then its images inflated.
      const entries = request.files.flatMap((file) => (file.zip === true && file.bytes !== null ? zipEntries(file.bytes) : [sentEntry(file, 'image reader')]));
      signal.throwIfAborted();
      const result = await loadImageDataset(entries, { ...request.settings, decoder: opts.decoder, signal, onProgress });
      return [{ type: 'done', id: request.id, result }, resultBuffers(result)];
    });

  const loadIdx = (request: Extract<ImageRequest, { type: 'load-idx' }>, post: ImagePost) =>
    run(request.id, post, async (signal, onProgress) => {
      const files = request.files.map((f) => ({ name: f.path, bytes: f.bytes ?? new Uint8Array() }));
      const pair = await readIdxPair(files, { signal, onProgress, ...(request.classNames ? { classNames: request.classNames } : {}) });
      const result = idxDatasetResult(pair);
      return [{ type: 'idx-done', id: request.id, result, imagesFile: pair.imagesFile, labelsFile: pair.labelsFile }, resultBuffers(result)];
    });

  return {
    get running() {
      return loads.running;
    },
    async handle(request, post) {
      switch (request.type) {
        case 'load':
          return load(request, post);
        case 'load-idx':
          return loadIdx(request, post);
        case 'cancel':
          loads.cancel(request.id);
          return;
        default:
          return assertNever(request, 'image request');
      }
    },
  };
}

function messageOf(error: unknown): string {
  if (error instanceof UserFileError) return error.message;
  return `The images could not be read (${error instanceof Error ? error.message : String(error)})`;
}
