import { validationOf } from '../../src/data/validation';
import { VALIDATION_SETTINGS } from '../../src/settings/validation';
import { setValidation } from '../actions/validation';
import { SettingFields } from '../inspector/setting-fields';
import { useStore } from '../store/store';

/**
 * The Train tab's "validation split" (Keras's `validation_split`): the data's one validation
 * setting, the same field as the Data tab's and editing the same value. With a separate
 * validation file, or no data yet, it says so and leads to the Data tab, where those are chosen.
 */
export function ValidationField() {
  const split = useStore((s) => validationOf(s.data));
  const setView = useStore((s) => s.setView);
  if (split?.kind === 'fraction') {
    return <SettingFields specs={VALIDATION_SETTINGS} keys={['validation']} values={split} onChange={(change) => setValidation({ ...split, ...change })} />;
  }
  return (
    <p className="train-validation muted" data-testid="validation-elsewhere">
      {split === null ? 'Validation: chosen with the data. ' : `Validation data: ${split.fileName}, a separate file. `}
      <button type="button" className="link-button" onClick={() => setView('data')}>
        Data tab
      </button>
    </p>
  );
}
