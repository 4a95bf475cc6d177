import { assertNever } from '../../src/lib/assert-never';
import type { AttentionWeights } from '../../src/train/attention-weights';
import type { InsightSnapshot } from '../../src/train/insight-types';
import type { TrainResponse } from '../../src/train/protocol';

/** A model's files as the worker exports them. */
export interface ExportedModel {
  readonly modelJson: string;
  readonly weights: Uint8Array;
  /** True for weights from a run or sent to the worker, false for fresh (untrained) ones. */
  readonly trained: boolean;
}

/** The worker's answers to requests, each carrying the request's id. */
export type Answer = Extract<TrainResponse, { type: 'prediction' | 'attention-weights' | 'insight-answer' | 'exported' | 'weights-loaded' }>;

type Timer = ReturnType<typeof setTimeout>;

/** A request waiting for the worker, by kind. A run (keyed by its runId) waits for its `done`. */
type Entry =
  | { readonly kind: 'train' }
  | { readonly kind: 'load-weights' }
  | { readonly kind: 'stop'; readonly runId: number; readonly timer: Timer }
  | { readonly kind: 'ask'; readonly timer: Timer; answer(msg: Answer): void; fail(reason: string): void };

/** The training client's one map of requests in flight. */
export interface Requests {
  readonly size: number;
  /** Tracks a request the worker answers without a caller waiting (a run, weights sent); returns `id`. */
  track(id: number, entry: Extract<Entry, { kind: 'train' | 'load-weights' }>): number;
  /** Sends a request through `send` and resolves with `read` of its answer; rejects after the timeout. */
  ask<T>(id: number, read: (msg: Answer) => T, send: (id: number) => void): Promise<T>;
  /** Calls `onTimeout` unless run `runId` ends within `ms`. */
  watchStop(id: number, runId: number, ms: number, onTimeout: () => void): void;
  /** Settles the request an answer belongs to; an answer nothing waits for (given up) is dropped. True when a caller waited for it. */
  answer(msg: Answer): boolean;
  /** Run `runId` ended: it and the Stops watching it are done. */
  endRun(runId: number): void;
  /** The worker is gone: every caller gets `reason`, a live run is failed with `runText`. */
  failAll(reason: string, runText: string): void;
}

/**
 * An empty map. `failRun(runId, text)` ends a run that was still waiting when its worker went;
 * a prediction or an export that gets no answer within `timeoutMs` is rejected.
 */
export function createRequests(timeoutMs: number, failRun: (runId: number, text: string) => void): Requests {
  const entries = new Map<number, Entry>();
  return {
    get size() {
      return entries.size;
    },
    track(id, entry) {
      entries.set(id, entry);
      return id;
    },
    ask<T>(id: number, read: (msg: Answer) => T, send: (id: number) => void) {
      return new Promise<T>((resolve, reject) => {
        const fail = (reason: string) => reject(new Error(reason));
        const timer = setTimeout(() => {
          if (entries.delete(id)) fail(`the training worker did not answer within ${Math.round(timeoutMs / 1000)} s; try again`);
        }, timeoutMs);
        const answer = (msg: Answer) => {
          try {
            resolve(read(msg));
          } catch (error) {
            reject(error instanceof Error ? error : new Error(String(error)));
          }
        };
        entries.set(id, { kind: 'ask', timer, answer, fail });
        try {
          send(id);
        } catch (error) {
          // A request that could not be posted (a value that does not clone) waits for nothing.
          entries.delete(id);
          clearTimeout(timer);
          reject(error instanceof Error ? error : new Error(String(error)));
        }
      });
    },
    watchStop(id, runId, ms, onTimeout) {
      const timer = setTimeout(() => {
        if (entries.delete(id)) onTimeout();
      }, ms);
      entries.set(id, { kind: 'stop', runId, timer });
    },
    answer(msg) {
      const entry = entries.get(msg.requestId);
      if (!entry) return false;
      entries.delete(msg.requestId);
      if (entry.kind !== 'ask') return false;
      clearTimeout(entry.timer);
      entry.answer(msg);
      return true;
    },
    endRun(runId) {
      entries.delete(runId);
      for (const [id, entry] of entries) {
        if (entry.kind !== 'stop' || entry.runId !== runId) continue;
        clearTimeout(entry.timer);
        entries.delete(id);
      }
    },
    failAll(reason, runText) {
      const all = [...entries];
      entries.clear();
      for (const [id, entry] of all) {
        switch (entry.kind) {
          case 'train':
            failRun(id, runText);
            break;
          case 'load-weights':
            break;
          case 'stop':
            clearTimeout(entry.timer);
            break;
          case 'ask':
            clearTimeout(entry.timer);
            entry.fail(reason);
            break;
          default:
            assertNever(entry, 'training request');
        }
      }
    },
  };
}

/** A prediction's outputs, or its error. */
export function readPrediction(msg: Answer): Float32Array {
  if (msg.type !== 'prediction') throw new Error(`the training worker answered ${msg.type} to predict`);
  if (msg.error !== undefined) throw new Error(msg.error);
  return msg.output;
}

/** The attention weights of each attention layer, or why there are none. */
export function readAttention(msg: Answer): readonly AttentionWeights[] {
  if (msg.type !== 'attention-weights') throw new Error(`the training worker answered ${msg.type} to attention`);
  if (msg.error !== undefined) throw new Error(msg.error);
  return msg.layers;
}

/** A sample of the views of the current model, or why there is none. */
export function readInsight(msg: Answer): InsightSnapshot {
  if (msg.type !== 'insight-answer') throw new Error(`the training worker answered ${msg.type} to insight`);
  if (msg.error !== undefined || msg.snapshot === undefined) throw new Error(msg.error ?? 'the views inside the model could not be read');
  return msg.snapshot;
}

/** An export's files, or its error. */
export function readExport(msg: Answer): ExportedModel {
  if (msg.type !== 'exported') throw new Error(`the training worker answered ${msg.type} to export`);
  if (msg.error !== undefined || msg.modelJson === undefined || msg.weights === undefined) throw new Error(msg.error ?? 'the model could not be exported');
  return { modelJson: msg.modelJson, weights: msg.weights, trained: msg.trained };
}

/** Nothing when weights were set on the worker's model, else what was wrong with them. */
export function readWeightsLoaded(msg: Answer): void {
  if (msg.type !== 'weights-loaded') throw new Error(`the training worker answered ${msg.type} to load-weights`);
  if (msg.error !== undefined) throw new Error(msg.error);
}
