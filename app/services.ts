import type { SplitDataset } from '../src/data/types';
import { browserAudioDecoder, createAudioClient } from './clients/audio-client';
import type { AudioClient } from './clients/audio-client';
import { createCsvClient } from './clients/csv-client';
import type { CsvClient } from './clients/csv-client';
import { createImageClient } from './clients/image-client';
import type { ImageClient } from './clients/image-client';
import { createTrainingClient } from './clients/training-client';
import type { TrainingClient } from './clients/training-client';
import { wasmThreadsParam } from './clients/wasm-threads-param';
import { createKeyedCache } from './keyed-cache';
import { createLatest } from './latest';

// The app's long-lived objects, each made once, here: the page's only ways to its workers
// (ARCHITECTURE.md, "Workers and the page") and what the use-cases in app/actions remember between
// calls. Nothing else in app/ keeps state outside the store (lint forbids module-level `let`).
// Each is lazy: importing this module starts no worker, so tests and the CLI can load it.

/** The one training client; its worker, cached dataset and the weights the worker holds live inside it. */
export const trainer: TrainingClient = createTrainingClient({
  // Written out here so Vite finds and bundles the worker.
  createWorker: () => new Worker(new URL('../src/train/train.worker.ts', import.meta.url), { type: 'module' }),
  // ?wasm-threads=on|off forces tfjs's threaded wasm build (tests, benches); absent, from 4 cores.
  wasmThreads: wasmThreadsParam(typeof location === 'undefined' ? '' : location.search),
  ...(typeof navigator !== 'undefined' && navigator.locks !== undefined
    ? { whenLockFree: (name: string) => navigator.locks.request(name, () => undefined) }
    : {}),
});

/** The one table (CSV) client: it parses, fits and prepares tables in the table worker. */
export const tables: CsvClient = createCsvClient(() => new Worker(new URL('../src/data/csv.worker.ts', import.meta.url), { type: 'module' }));

/** The one image client: it decodes and resizes image folders in the image worker. */
export const images: ImageClient = createImageClient(() => new Worker(new URL('../src/data/images/image.worker.ts', import.meta.url), { type: 'module' }));

/** The one audio client: it turns sound clips into spectrograms in the audio worker. */
export const audio: AudioClient = createAudioClient(
  () => new Worker(new URL('../src/data/audio/audio.worker.ts', import.meta.url), { type: 'module' }),
  browserAudioDecoder,
);

/**
 * Loads of data into memory: a newer load wins, and so does opening a project. Plan fits are a
 * sequence of their own: editing the plan must not cancel a file still being read, and reading a
 * file must not cancel the fit of the table still shown. Replacing the data makes every fit stale.
 */
export const dataLoads = { loads: createLatest(), fits: createLatest() };

/** Requests for the views of the current model (after training): the one for the newest sample wins. */
export const insightAsks = createLatest();

/** The samples the last Train prepared, kept while nothing they depend on changed, so the worker reuses its copy. */
export const preparedSplits = createKeyedCache<SplitDataset>();
