import { assertNever } from '../../src/lib/assert-never';
import type { TrainResponse } from '../../src/train/protocol';
import type { SplitDataset } from '../../src/data/types';
import { useStore } from '../store/store';
import { evaluateRun } from './evaluate-run';
import { insightSampleOf } from './insight-sample';
import { fittedOf } from '../../src/data/config';

/** Charts (and the views inside the network) redraw at most this often while a run streams epochs and batches. */
export const FLUSH_MS = 400;

type Pending = {
  epochs: Extract<TrainResponse, { type: 'epoch' }>[];
  batches: Extract<TrainResponse, { type: 'batch' }>[];
  insights: Extract<TrainResponse, { type: 'insight' }>[];
};
const EMPTY = (): Pending => ({ epochs: [], batches: [], insights: [] });

/** The worker messages that concern runs and the backend (the rest answer requests). */
export type RunMessage = Exclude<
  TrainResponse,
  { type: 'prediction' | 'attention-weights' | 'exported' | 'weights-loaded' | 'holding-lock' | 'insight-answer' }
>;

/** Applies run messages to the store; one per training client, which owns its queue. */
export interface RunMessages {
  /** Applies one worker message; messages of an older run are ignored. */
  apply(msg: RunMessage): void;
}

/**
 * A queue of run progress for the store, empty. `splitOf(runId)` is the split the run trains on:
 * its validation samples are what the run's outputs are scored against.
 */
export function createRunMessages(splitOf: (runId: number) => SplitDataset | undefined): RunMessages {
  let pending: Pending = EMPTY();
  let timer: ReturnType<typeof setTimeout> | undefined;

  /**
   * Applies the queued epochs and batches in one store update: a fast run sends dozens of epochs a
   * second, and redrawing three charts for each would block the page. The views' samples go in one
   * update of their own: every sample grows the series, only the last one's pictures are drawn.
   */
  function flush(): void {
    timer = undefined;
    const { epochs, batches, insights } = pending;
    pending = EMPTY();
    const s = useStore.getState();
    const current = s.run;
    const ofRun = current ? insights.filter((m) => m.runId === current.runId) : [];
    if (current && ofRun.length > 0) {
      const split = splitOf(current.runId);
      s.recordInsight(ofRun.map(({ snapshot }) => ({ snapshot, sample: insightSampleOf(split, snapshot.sample, fittedOf(s.data)) })));
    }
    if (!current || (epochs.length === 0 && batches.length === 0)) return;
    let run = current;
    const batchesOfRun = batches.filter((m) => m.runId === current.runId);
    const losses = batchesOfRun.flatMap((m) => m.losses);
    // Progress shows where the newest message says the run is.
    const latest = batchesOfRun[batchesOfRun.length - 1];
    if (latest) {
      const total = run.epochs * Math.max(1, run.batchesPerEpoch);
      const done = (latest.epoch - run.initialEpoch) * Math.max(1, run.batchesPerEpoch) + latest.batch + 1;
      const elapsed = (performance.now() - run.startedAt) / 1000;
      const secondsLeft = done / total > 0.02 ? elapsed * (total / done - 1) : undefined;
      run = {
        ...run,
        epoch: latest.epoch,
        batch: latest.batch,
        samplesPerSecond: latest.samplesPerSecond,
        ...(secondsLeft === undefined ? {} : { secondsLeft }),
      };
    }
    const epochsOfRun = epochs.filter((m) => m.runId === current.runId);
    const lastEpoch = epochsOfRun[epochsOfRun.length - 1];
    if (lastEpoch) run = { ...run, epoch: lastEpoch.epoch + 1, learningRate: lastEpoch.learningRate };
    s.recordProgress(
      run,
      losses,
      epochsOfRun.map((m) => m.logs),
    );
  }

  function queue(msg: Pending[keyof Pending][number]): void {
    if (msg.type === 'epoch') pending.epochs.push(msg);
    else if (msg.type === 'batch') pending.batches.push(msg);
    else pending.insights.push(msg);
    timer ??= setTimeout(flush, FLUSH_MS);
  }

  return {
    apply(msg) {
      const s = useStore.getState();
      const current = s.run;
      switch (msg.type) {
        case 'backend':
          s.setBackend({ name: msg.backend, reason: msg.reason, ...(msg.threads === undefined ? {} : { threads: msg.threads }) }, msg.tried);
          return;
        case 'error':
          s.showNotice({ kind: 'error', text: msg.message });
          if (current) s.endRun(current.runId, 'failed', msg.message);
          return;
        case 'started':
          s.runStarted(msg.runId, { epochs: msg.epochs, batchesPerEpoch: msg.batchesPerEpoch, samples: msg.samples, initialEpoch: msg.initialEpoch });
          if (msg.carried) s.showNotice({ kind: 'info', text: carriedText(msg.carried) });
          return;
        case 'batch':
        case 'epoch':
        case 'insight':
          if (current?.runId === msg.runId) queue(msg);
          return;
        case 'phase':
          s.phaseStarted(msg.runId, msg.epoch, msg.unfrozen);
          return;
        case 'done': {
          if (current?.runId !== msg.runId) return;
          if (timer !== undefined) clearTimeout(timer);
          flush();
          const ended = useStore.getState().run ?? current;
          useStore
            .getState()
            .finishRun(
              { ...ended, status: msg.status, epoch: ended.initialEpoch + msg.epochsRun, ...(msg.message ? { message: msg.message } : {}) },
              msg.validationOutputs ? evaluateRun(splitOf(msg.runId), msg.validationOutputs) : null,
            );
          return;
        }
        default:
          assertNever(msg, 'training message');
      }
    },
  };
}

/** What a run that goes on from another graph's weights took from them, in words. */
export function carriedText({ layers, fresh }: { readonly layers: readonly string[]; readonly fresh: readonly string[] }): string {
  const list = (names: readonly string[]) => (names.length <= 4 ? names.join(', ') : `${names.slice(0, 3).join(', ')} and ${names.length - 3} more`);
  const took =
    layers.length === 0
      ? 'No layer matches the current weights by name and shape'
      : `Going on from the current weights of ${layers.length} layer${layers.length === 1 ? '' : 's'} (${list(layers)})`;
  return fresh.length === 0 ? `${took}.` : `${took}; ${fresh.length} start${fresh.length === 1 ? 's' : ''} fresh (${list(fresh)}).`;
}
