import { createTrainingClient } from './training-client';
import type { TrainingClient } from './training-client';

/**
 * The app's one training client: the page's only way to the training worker (ARCHITECTURE.md,
 * "Workers and the page"). Components and use-cases call its methods; its state lives inside it.
 */
export const trainer: TrainingClient = createTrainingClient({
  // Written out here so Vite finds and bundles the worker.
  createWorker: () => new Worker(new URL('../../src/train/train.worker.ts', import.meta.url), { type: 'module' }),
  ...(typeof navigator !== 'undefined' && navigator.locks !== undefined
    ? { whenLockFree: (name: string) => navigator.locks.request(name, () => undefined) }
    : {}),
});
