import { CALLBACKS } from '../../src/settings/callbacks';
import type { CallbackKey, Callbacks } from '../../src/settings/callbacks';
import type { SettingValues } from '../../src/settings/setting';
import { SettingFields } from '../inspector/setting-fields';
import { useStore } from '../store/store';

type Specs<K extends CallbackKey> = (typeof CALLBACKS)[K]['settings'];

/** One callback: its on/off switch and, while it is on, its settings. */
export function CallbackFields<K extends CallbackKey>({ which }: { readonly which: K }) {
  const values = useStore((s) => s.callbacks[which]);
  const setCallback = useStore((s) => s.setCallback);
  const callback = CALLBACKS[which];
  // The same type by definition (Callbacks maps each key to its settings' values); TS cannot see
  // through the generic key.
  const onChange = (change: Partial<SettingValues<Specs<K>>>) => setCallback(which, change as Partial<Callbacks[K]>);
  const others = (Object.keys(callback.settings) as (keyof Specs<K> & string)[]).filter((key) => key !== 'enabled');
  return (
    <>
      <SettingFields<Specs<K>> specs={callback.settings} values={values} keys={['enabled']} names={{ enabled: callback.label }} onChange={onChange} />
      {values.enabled && (
        <div className="train-sub">
          <SettingFields<Specs<K>> specs={callback.settings} values={values} keys={others} namePrefix={callback.fieldPrefix} onChange={onChange} />
        </div>
      )}
    </>
  );
}
