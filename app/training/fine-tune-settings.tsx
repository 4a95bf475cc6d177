import { FINE_TUNE_SETTINGS } from '../../src/settings/fine-tune';
import { SettingFields } from '../inspector/setting-fields';
import { useStore } from '../store/store';
import { useFineTunePlan } from './use-fine-tune-plan';
import { useRunning } from './use-running';

type Specs = typeof FINE_TUNE_SETTINGS;
const OTHERS = (Object.keys(FINE_TUNE_SETTINGS) as (keyof Specs & string)[]).filter((key) => key !== 'enabled');

/**
 * The fine-tune preset, as Keras's transfer-learning guide trains: phase 1 the head over the
 * frozen base, phase 2 the top frozen layers too at a low learning rate; saved with the project.
 */
export function FineTuneSettings() {
  const running = useRunning();
  const values = useStore((s) => s.fineTune);
  const epochs = useStore((s) => s.training.epochs);
  const setFineTune = useStore((s) => s.setFineTune);
  const preview = useFineTunePlan();
  return (
    <fieldset className="settings-fields" disabled={running} data-testid="fine-tune">
      <legend>Fine-tune</legend>
      <SettingFields<Specs> specs={FINE_TUNE_SETTINGS} values={values} keys={['enabled']} onChange={setFineTune} />
      {values.enabled && (
        <div className="train-sub">
          <SettingFields<Specs> specs={FINE_TUNE_SETTINGS} values={values} keys={OTHERS} onChange={setFineTune} />
          {preview?.problem ? (
            <p className="train-message is-error" data-testid="fine-tune-plan">
              {preview.problem}
            </p>
          ) : (
            <p className="muted" data-testid="fine-tune-plan">
              Phase 1: {epochs} epoch{epochs === 1 ? '' : 's'} with the frozen layers as marked. Phase 2: {values.epochs} more with{' '}
              {preview?.unfrozen.join(', ')} unfrozen (BatchNormalization stays frozen).
            </p>
          )}
        </div>
      )}
    </fieldset>
  );
}
