import { DEFAULT_TOP_K, isTopK, lossFamily, METRIC_INFO, metricsForLoss, offeredMetrics } from '../../src/settings/metrics';
import type { LossFamily, Metric } from '../../src/settings/metrics';
import { metricsFor } from '../../src/settings/training';
import { assertNever } from '../../src/lib/assert-never';
import { bool, int } from '../../src/lib/value-spec';
import { setting } from '../../src/settings/setting';
import type { Setting } from '../../src/settings/setting';
import { SettingFields } from '../inspector/setting-fields';
import { analysisOf } from '../store/analysis';
import { useStore } from '../store/store';
import { useRunning } from './use-running';

/** What the picker says under the metrics for a kind of loss: where the others went, and how the counted ones count. */
function noteFor(family: LossFamily): string {
  switch (family) {
    case 'binary':
      return 'Precision, recall and AUC are counted over the whole epoch, as Keras’s metric objects count them, not averaged batch by batch.';
    case 'categorical':
      return 'Precision and recall are offered for one sigmoid output (binary cross-entropy); with several classes, the Evaluation table gives each class’s own.';
    case 'sparse':
      return 'AUC takes one-hot targets (categorical cross-entropy); precision and recall one sigmoid output. The Evaluation table gives each class’s precision and recall.';
    case 'regression':
      return 'The loss is charted too; MAE and MSE are in the target’s own units.';
    default:
      return assertNever(family, 'loss family');
  }
}

/** The number of units of the model's (first) output, when known. */
const useOutputUnits = (): number | undefined =>
  useStore((s) => {
    const analysis = analysisOf(s.graph, s.dataSignature);
    return analysis.nodes[analysis.outputs[0] ?? '']?.shape?.at(-1) ?? undefined;
  });

/** The picker's checkboxes as declared settings: one per metric the loss offers, in picker order. */
function metricSettings(offered: readonly Metric[]): Record<string, Setting> {
  return Object.fromEntries(offered.map((m) => [m, setting(bool(false, METRIC_INFO[m].help), { label: METRIC_INFO[m].label })]));
}

const K_SETTINGS = {
  topK: setting(int(DEFAULT_TOP_K, 'How many of the highest outputs may hold the true class (Keras’s k, 5 by default).', { min: 1 }), {
    label: 'k',
    keras: 'k',
  }),
};

/**
 * Keras's `compile(metrics=[...])` as checkboxes: the metrics that suit the loss, each charted
 * per epoch for training and validation, saved with the project and written into the Keras
 * script; top-k accuracy with its k.
 */
export function MetricPicker() {
  const training = useStore((s) => s.training);
  const setTraining = useStore((s) => s.setTraining);
  const running = useRunning();
  const units = useOutputUnits();
  const chosen = metricsFor(training);
  const offered = offeredMetrics(training.loss);
  const specs = metricSettings(offered);
  const values = Object.fromEntries(offered.map((m) => [m, chosen.includes(m)]));
  const names = Object.fromEntries(offered.map((m) => [m, `Metric ${METRIC_INFO[m].label}`]));
  const onChange = (change: Readonly<Record<string, unknown>>) => {
    const next = offered.filter((m) => (change[m] === undefined ? chosen.includes(m) : change[m] === true));
    setTraining({ metrics: metricsForLoss(next, training.loss) });
  };
  const topK = chosen.find(isTopK);
  const coversAll = units !== undefined && units > 1 && training.topK >= units;
  return (
    <fieldset className="settings-fields" disabled={running} data-testid="metric-picker">
      <legend>Metrics</legend>
      <SettingFields specs={specs} values={values} names={names} onChange={onChange} />
      {topK && (
        <div className="train-sub">
          <SettingFields
            specs={K_SETTINGS}
            values={{ topK: training.topK }}
            names={{ topK: 'Top-k k' }}
            onChange={(c) => c.topK !== undefined && setTraining({ topK: c.topK })}
          />
          {coversAll && (
            <p className="train-backend is-warning" data-testid="top-k-covers-all">
              k = {training.topK} covers all {units} classes, so top-{training.topK} accuracy is always 100%.
            </p>
          )}
        </div>
      )}
      <p className="train-backend">{noteFor(lossFamily(training.loss))}</p>
    </fieldset>
  );
}
