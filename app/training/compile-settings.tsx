import { TRAINING_SETTINGS } from '../../src/settings/training';
import { SettingFields } from '../inspector/setting-fields';
import { useStore } from '../store/store';
import { useRunning } from './use-running';
import { ValidationField } from './validation-field';

type TrainingKey = keyof typeof TRAINING_SETTINGS;

/** The settings shown before the validation split, as Keras's `fit` lists its arguments; every other one follows it. */
const BEFORE: readonly TrainingKey[] = ['loss', 'optimizer', 'learningRate', 'momentum', 'batchSize', 'epochs'];
const AFTER = (Object.keys(TRAINING_SETTINGS) as TrainingKey[]).filter((key) => !BEFORE.includes(key));

/**
 * `model.compile` and `model.fit` settings, drawn from their declarations with Keras's defaults.
 * The validation split among them is the data's (see ValidationField).
 */
export function CompileSettings() {
  const training = useStore((s) => s.training);
  const setTraining = useStore((s) => s.setTraining);
  const running = useRunning();
  return (
    <fieldset className="settings-fields" disabled={running}>
      <legend>Compile and fit</legend>
      <SettingFields specs={TRAINING_SETTINGS} keys={BEFORE} values={training} onChange={setTraining} />
      <ValidationField />
      <SettingFields specs={TRAINING_SETTINGS} keys={AFTER} values={training} onChange={setTraining} />
    </fieldset>
  );
}
