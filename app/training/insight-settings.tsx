import { bool } from '../../src/lib/value-spec';
import { setting } from '../../src/settings/setting';
import { SettingFields } from '../inspector/setting-fields';
import { useStore } from '../store/store';
import { useRunning } from './use-running';

/** The one line under the toggle: what the views are and where they show. */
export const INSIGHT_HELP =
  'Samples each layer a few times a second: activations, weight and gradient norms, filters, decision boundaries. Select a layer in the Model tab to see them.';

/** The page's one views setting, declared like the Train tab's others so it draws with their fields. */
const SPECS = { on: setting(bool(true, INSIGHT_HELP), { label: 'Look inside while training' }) };

/** Whether runs sample the views inside the network; a page setting, not saved with the project. */
export function InsightSettings() {
  const running = useRunning();
  const on = useStore((s) => s.insightOn);
  return (
    <fieldset className="settings-fields" disabled={running} data-testid="insight-settings">
      <legend>Views</legend>
      <SettingFields
        specs={SPECS}
        values={{ on }}
        names={{ on: 'Look inside while training' }}
        onChange={(change) => {
          if (change.on !== undefined) useStore.getState().setInsightOn(change.on);
        }}
      />
    </fieldset>
  );
}
