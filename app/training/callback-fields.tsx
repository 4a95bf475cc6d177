import { useShallow } from 'zustand/react/shallow';
import { validates } from '../../src/data/validation';
import { CALLBACKS } from '../../src/settings/callbacks';
import type { CallbackKey, Callbacks } from '../../src/settings/callbacks';
import type { Metric } from '../../src/settings/metrics';
import { loggedMonitors, monitorDirection, monitorProblem } from '../../src/settings/monitors';
import type { LoggedBy } from '../../src/settings/monitors';
import type { SettingValues } from '../../src/settings/setting';
import { metricsFor } from '../../src/settings/training';
import { SettingFields } from '../inspector/setting-fields';
import { analysisOf } from '../store/analysis';
import { useStore } from '../store/store';

type Specs<K extends CallbackKey> = (typeof CALLBACKS)[K]['settings'];

/** What decides which quantities the next run logs: its metrics, its held-out data, its outputs. */
function useLoggedBy(): LoggedBy {
  const by = useStore(
    useShallow((s) => ({
      // Joined, so that the shallow comparison sees the same metrics as the same value.
      metrics: metricsFor(s.training).join(' '),
      validated: validates(s.data),
      outputs: Math.max(1, analysisOf(s.graph, s.dataSignature).outputs.length),
    })),
  );
  return { ...by, metrics: by.metrics === '' ? [] : (by.metrics.split(' ') as Metric[]) };
}

/**
 * One callback: its on/off switch and, while it is on, its settings. The monitor offers exactly
 * the quantities the current settings log; one that is no longer logged (its metric was unticked)
 * stays chosen and shown, with the reason beside it, as the list under Train says too.
 */
export function CallbackFields<K extends CallbackKey>({ which }: { readonly which: K }) {
  const values = useStore((s) => s.callbacks[which]);
  const setCallback = useStore((s) => s.setCallback);
  const by = useLoggedBy();
  const callback = CALLBACKS[which];
  // The same type by definition (Callbacks maps each key to its settings' values); TS cannot see
  // through the generic key.
  const onChange = (change: Partial<SettingValues<Specs<K>>>) => setCallback(which, change as Partial<Callbacks[K]>);
  const others = (Object.keys(callback.settings) as (keyof Specs<K> & string)[]).filter((key) => key !== 'enabled');
  const specs = { ...callback.settings, monitor: { ...callback.settings.monitor, options: loggedMonitors(by) } };
  const problem = monitorProblem(callback.label, values.monitor, by);
  const direction = monitorDirection(values.monitor, values.mode) === 'max' ? 'rise' : 'fall';
  return (
    <>
      <SettingFields<Specs<K>> specs={callback.settings} values={values} keys={['enabled']} names={{ enabled: callback.label }} onChange={onChange} />
      {values.enabled && (
        <div className="train-sub">
          <SettingFields<Specs<K>> specs={specs} values={values} keys={others} namePrefix={callback.fieldPrefix} onChange={onChange} />
          {problem === null ? (
            <p className="train-backend" data-testid={`monitor-note-${which}`}>
              Improvement: {values.monitor} should {direction} (mode {values.mode}).
            </p>
          ) : (
            <p className="train-message is-error" data-testid={`monitor-problem-${which}`}>
              {problem}
            </p>
          )}
        </div>
      )}
    </>
  );
}
