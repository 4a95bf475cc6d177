import type { FractionSplit } from '../../src/data/validation';
import { VALIDATION_SETTINGS } from '../../src/settings/validation';
import { setValidation } from '../actions/validation';
import { SettingFields } from '../inspector/setting-fields';

/**
 * The held-out split's fields (share, stratified for classes, seed), drawn from their declarations
 * as the Train tab draws its "validation split": both edit the data's one validation setting.
 */
export function SplitFields({ split, classification }: { split: FractionSplit; classification: boolean }) {
  return (
    <fieldset className="settings-fields data-split" data-testid="data-split">
      <legend>Validation</legend>
      <SettingFields
        specs={VALIDATION_SETTINGS}
        keys={classification ? ['validation', 'stratified', 'seed'] : ['validation', 'seed']}
        values={split}
        onChange={(change) => setValidation({ ...split, ...change })}
      />
    </fieldset>
  );
}
