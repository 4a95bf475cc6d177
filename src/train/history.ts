/**
 * The record of a run, shaped like Keras's `History.history` plus `History.epoch`, and the words
 * shown when a run diverges.
 */
import { historyKey } from './compile-config';

/** Metrics of one epoch or batch by Keras name: loss, accuracy, val_loss, val_accuracy, mae... */
export type EpochLogs = Readonly<Record<string, number>>;

/**
 * Per-epoch values by Keras name, and `epoch`: the 0-based index of each recorded epoch, as in
 * Keras (`history.epoch == [0, 1, ...]`). Every array has one entry per recorded epoch.
 */
export interface History {
  readonly epoch: number[];
  readonly [metric: string]: number[];
}

/** An empty history. */
export function emptyHistory(): History {
  return { epoch: [] };
}

/**
 * Logs from tfjs (`acc`, `val_acc`, values possibly in one-element arrays from `History`) with
 * Keras's names and plain numbers. Keys that are not metrics (batch, size) are dropped.
 */
export function kerasLogs(logs: Readonly<Record<string, unknown>>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [key, raw] of Object.entries(logs)) {
    if (key === 'batch' || key === 'size') continue;
    const value = Array.isArray(raw) ? raw[raw.length - 1] : raw;
    if (typeof value === 'number') out[historyKey(key)] = value;
  }
  return out;
}

/** Appends one epoch's logs. */
export function recordEpoch(history: History, epoch: number, logs: EpochLogs): void {
  history.epoch.push(epoch);
  for (const [key, value] of Object.entries(logs)) {
    const list = history[key] ?? [];
    list.push(value);
    (history as Record<string, number[]>)[key] = list;
  }
}

/** Where a run diverged: 0-based epoch and batch, the loss value, the learning rate then. */
export interface Divergence {
  readonly epoch: number;
  readonly batch: number;
  readonly loss: number;
  readonly learningRate: number;
}

/** What the user reads when the loss stops being a number; epochs and batches count from 1. */
export function divergenceMessage(d: Divergence): string {
  const what = Number.isNaN(d.loss) ? 'NaN' : d.loss > 0 ? 'Infinity' : '-Infinity';
  return (
    `The loss became ${what} at epoch ${d.epoch + 1}, batch ${d.batch + 1}: the learning rate (${d.learningRate}) ` +
    'is probably too high, or the data is not normalised. Try a learning rate 10x smaller.'
  );
}

/**
 * What the user reads when a run ends without learning: over three epochs or more the training
 * loss ended no lower than it began (a learning rate far too high saturates the outputs, far too
 * low moves nothing), or it stayed exactly flat. Undefined when the loss went down.
 */
export function stalledMessage(history: History, learningRate: number): string | undefined {
  const loss = history.loss ?? [];
  if (loss.length < 3) return undefined;
  const first = loss[0] as number;
  const last = loss[loss.length - 1] as number;
  const flat = Math.max(...loss.slice(-3)) - Math.min(...loss.slice(-3)) <= 1e-7 * Math.max(1, Math.abs(last));
  if (!flat && last < first * 0.99) return undefined;
  const how = flat ? `stayed at ${last.toPrecision(4)}` : `went from ${first.toPrecision(4)} to ${last.toPrecision(4)}`;
  return (
    `The model did not learn: the training loss ${how} over ${loss.length} epochs. ` +
    `The learning rate (${learningRate}) may be far too high (the outputs saturate) or too low; try 0.001 for Adam, 0.01 for SGD, or check the data`
  );
}
