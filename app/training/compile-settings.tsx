import { TRAINING_SETTINGS } from '../../src/settings/training';
import { SettingFields } from '../inspector/setting-fields';
import { useStore } from '../store/store';
import { useRunning } from './use-running';

/** `model.compile` and `model.fit` settings, drawn from their declarations with Keras's defaults. */
export function CompileSettings() {
  const training = useStore((s) => s.training);
  const setTraining = useStore((s) => s.setTraining);
  const running = useRunning();
  return (
    <fieldset className="train-fields" disabled={running}>
      <legend>Compile and fit</legend>
      <SettingFields specs={TRAINING_SETTINGS} values={training} onChange={setTraining} />
    </fieldset>
  );
}
