/**
 * What a callback (EarlyStopping, ReduceLROnPlateau) can watch: any quantity a run logs, by its
 * Keras log name (the loss and each compiled metric, `val_` ones on the held-out data), and which
 * way is better. `auto` follows Keras 3's `EarlyStopping._set_monitor_op`: the loss falls, and a
 * metric goes the way its `_direction` says (`METRIC_INFO[m].direction`); `min` and `max` say it.
 */
import { METRIC_INFO, METRICS } from './metrics';
import type { Metric } from './metrics';

/** A quantity a run logs once per epoch on the training data: the loss or a metric. */
export type Quantity = 'loss' | Metric;

/** A quantity a callback can watch: on the training data, or `val_` on the held-out data. */
export type Monitor = Quantity | `val_${Quantity}`;

const QUANTITIES: readonly Quantity[] = ['loss', ...METRICS];

/**
 * Every name a callback may watch, held-out ones first (`val_loss` is Keras's default). Which of
 * them a run logs depends on its metrics and its data: see {@link loggedMonitors}.
 */
export const MONITORS: readonly Monitor[] = [...QUANTITIES.map((q) => `val_${q}` as const), ...QUANTITIES];

/** How a callback tells an improvement: Keras's `mode`. */
export const MONITOR_MODES = ['auto', 'min', 'max'] as const;

/** `auto` (from the name, as Keras), `min` (lower is better) or `max` (higher is better). */
export type MonitorMode = (typeof MONITOR_MODES)[number];

/** The quantity behind a monitor: `val_auc` watches `auc`. */
export const monitorQuantity = (monitor: Monitor): Quantity => (monitor.startsWith('val_') ? (monitor.slice(4) as Quantity) : (monitor as Quantity));

/** Whether the monitor is measured on the held-out data. */
export const isValidationMonitor = (monitor: Monitor): boolean => monitor.startsWith('val_');

/** Which way is better for `monitor` under `mode`: `auto` as Keras 3's EarlyStopping decides it. */
export function monitorDirection(monitor: Monitor, mode: MonitorMode): 'min' | 'max' {
  if (mode !== 'auto') return mode;
  const quantity = monitorQuantity(monitor);
  return quantity === 'loss' || METRIC_INFO[quantity].direction === 'down' ? 'min' : 'max';
}

/** What decides which quantities a run logs: its compiled metrics, whether it validates, its outputs. */
export interface LoggedBy {
  /** The metrics the run compiles (`metricsFor(config)`), by Keras name. */
  readonly metrics: readonly Metric[];
  /** Whether the run has held-out data, so that `val_` quantities are logged. */
  readonly validated: boolean;
  /** How many outputs the model has; with several, Keras (and tfjs) log each metric per output. 1 when absent. */
  readonly outputs?: number;
}

/**
 * The monitors a run logs, in {@link MONITORS}' order: the loss and each compiled metric, and
 * their `val_` twins when it validates. A model with several outputs logs its metrics under each
 * output's name (`dense_2_auc`), so only the total loss is watchable by these names.
 */
export function loggedMonitors({ metrics, validated, outputs = 1 }: LoggedBy): Monitor[] {
  const quantities = new Set<Quantity>(['loss', ...(outputs > 1 ? [] : metrics)]);
  return MONITORS.filter((m) => quantities.has(monitorQuantity(m)) && (validated || !isValidationMonitor(m)));
}

/**
 * Why a run with `by` would never log `monitor`, in words that say what to change, or null when
 * it logs it. `who` names the callback ("Early stopping").
 */
export function monitorProblem(who: string, monitor: Monitor, by: LoggedBy): string | null {
  const logged = loggedMonitors(by);
  if (logged.includes(monitor)) return null;
  const quantity = monitorQuantity(monitor);
  const instead = `or pick a monitor the run logs (${logged.join(', ')})`;
  const unvalidated = `${who} monitors ${monitor}, but nothing is held out for validation, so no val_ quantity is logged: set a validation split above 0, ${instead}`;
  if (quantity === 'loss') return unvalidated;
  if ((by.outputs ?? 1) > 1) {
    return `${who} monitors ${monitor}, but the model has ${by.outputs} outputs, so ${quantity} is logged once per output under its name: monitor loss or val_loss`;
  }
  const label = METRIC_INFO[quantity].label;
  // Top-k accuracy follows the target's form: under the other loss it is logged by the other name.
  const twin = logged.find((m) => {
    const q = monitorQuantity(m);
    return q !== 'loss' && q !== quantity && isValidationMonitor(m) === isValidationMonitor(monitor) && METRIC_INFO[q].label === label;
  });
  if (twin !== undefined) return `${who} monitors ${monitor}, but with this loss ${label} is logged as ${monitorQuantity(twin)}: monitor ${twin}, ${instead}`;
  if (!by.metrics.includes(quantity)) {
    return `${who} monitors ${monitor}, but ${label} is not among the compiled metrics, so the run never logs it: tick ${label} under Metrics (if the loss offers it), ${instead}`;
  }
  return unvalidated;
}
