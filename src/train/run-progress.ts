import type { TrainResponse } from './protocol';
import type { TrainingHooks } from './run-training';

/** Batch losses go out at most this often: a message per batch would flood the page on a fast run. */
export const BATCH_MESSAGE_MS = 100;

/** Posts a progress message of a run. */
type PostProgress = (message: Extract<TrainResponse, { type: 'batch' | 'epoch' }>) => void;

/** The hooks that report a run's progress, and `flush` for the losses still held at its end. */
export interface RunProgress {
  readonly hooks: Required<Pick<TrainingHooks, 'onBatch' | 'onEpoch'>>;
  flush(): void;
}

/**
 * Progress of run `runId` as messages: every epoch, and the loss of every batch in bunches at
 * most every {@link BATCH_MESSAGE_MS}, so the page's curve misses no batch.
 */
export function runProgress(runId: number, post: PostProgress, now: () => number = () => performance.now()): RunProgress {
  let lastPost = 0;
  let losses: number[] = [];
  let last = { epoch: 0, batch: 0, samplesPerSecond: 0 };
  const flush = () => {
    if (losses.length === 0) return;
    post({ type: 'batch', runId, ...last, losses });
    losses = [];
    lastPost = now();
  };
  return {
    hooks: {
      onBatch: (epoch, batch, _batches, logs, samplesPerSecond) => {
        losses.push(logs.loss ?? Number.NaN);
        last = { epoch, batch, samplesPerSecond };
        if (now() - lastPost >= BATCH_MESSAGE_MS) flush();
      },
      onEpoch: (epoch, logs, learningRate) => {
        flush();
        post({ type: 'epoch', runId, epoch, logs, learningRate });
      },
    },
    flush,
  };
}
