import { describe, expect, it } from 'vitest';
import { METRICS } from './metrics';
import type { Metric } from './metrics';
import { loggedMonitors, MONITORS, monitorDirection, monitorProblem } from './monitors';
import type { Monitor, MonitorMode } from './monitors';

describe('monitors', () => {
  it('name the loss and every metric, held-out ones first, the old four among them', () => {
    expect(MONITORS).toHaveLength(2 * (1 + METRICS.length));
    expect(MONITORS.slice(0, 2)).toEqual(['val_loss', 'val_accuracy']);
    for (const old of ['val_loss', 'val_accuracy', 'loss', 'accuracy']) expect(MONITORS).toContain(old);
  });

  // Keras 3's EarlyStopping._set_monitor_op: "loss" falls; a metric goes its _direction (up for
  // accuracies, precision, recall, AUC; down for MAE and MSE, which Keras wraps as losses).
  it.each([
    ['val_loss', 'auto', 'min'],
    ['loss', 'auto', 'min'],
    ['val_accuracy', 'auto', 'max'],
    ['val_auc', 'auto', 'max'],
    ['precision', 'auto', 'max'],
    ['val_recall', 'auto', 'max'],
    ['val_top_k_categorical_accuracy', 'auto', 'max'],
    ['sparse_top_k_categorical_accuracy', 'auto', 'max'],
    ['val_mae', 'auto', 'min'],
    ['mse', 'auto', 'min'],
    ['val_auc', 'min', 'min'],
    ['val_loss', 'max', 'max'],
  ] as [Monitor, MonitorMode, string][])('%s with mode %s improves by going %s', (monitor, mode, direction) => {
    expect(monitorDirection(monitor, mode)).toBe(direction);
  });

  it.each([
    [['accuracy', 'auc'], true, 1, ['val_loss', 'val_accuracy', 'val_auc', 'loss', 'accuracy', 'auc']],
    [['mae'], false, 1, ['loss', 'mae']],
    [[], true, 1, ['val_loss', 'loss']],
    [['accuracy', 'auc'], true, 2, ['val_loss', 'loss']],
  ] as [Metric[], boolean, number, Monitor[]][])('a run compiling %j (validated %s, %i outputs) logs %j', (metrics, validated, outputs, logged) => {
    expect(loggedMonitors({ metrics, validated, outputs })).toEqual(logged);
  });

  it('say specifically why a monitor is not logged, and nothing when it is', () => {
    const by = { metrics: ['accuracy'] as Metric[], validated: true };
    expect(monitorProblem('Early stopping', 'val_accuracy', by)).toBeNull();
    expect(monitorProblem('Early stopping', 'val_auc', by)).toBe(
      'Early stopping monitors val_auc, but AUC is not among the compiled metrics, so the run never logs it: tick AUC under Metrics (if the loss offers it), or pick a monitor the run logs (val_loss, val_accuracy, loss, accuracy)',
    );
    expect(monitorProblem('Reduce learning rate on plateau', 'val_loss', { ...by, validated: false })).toBe(
      'Reduce learning rate on plateau monitors val_loss, but nothing is held out for validation, so no val_ quantity is logged: set a validation split above 0, or pick a monitor the run logs (loss, accuracy)',
    );
    expect(monitorProblem('Early stopping', 'val_accuracy', { ...by, outputs: 2 })).toMatch(
      /the model has 2 outputs, so accuracy is logged once per output under its name: monitor loss or val_loss$/,
    );
    // Top-k follows the target's form: under a sparse loss it is logged by its sparse name.
    expect(monitorProblem('Early stopping', 'val_top_k_categorical_accuracy', { metrics: ['sparse_top_k_categorical_accuracy'], validated: true })).toMatch(
      /^Early stopping monitors val_top_k_categorical_accuracy, but with this loss top-k accuracy is logged as sparse_top_k_categorical_accuracy: monitor val_sparse_top_k_categorical_accuracy, /,
    );
  });
});
