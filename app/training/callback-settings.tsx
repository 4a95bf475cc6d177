import { CALLBACKS } from '../../src/settings/callbacks';
import type { CallbackKey } from '../../src/settings/callbacks';
import { CallbackFields } from './callback-fields';
import { useRunning } from './use-running';

const KEYS = Object.keys(CALLBACKS) as CallbackKey[];

/** Early stopping and reduce-LR-on-plateau, off by default as in Keras; saved with the project. */
export function CallbackSettings() {
  const running = useRunning();
  return (
    <fieldset className="settings-fields" disabled={running}>
      <legend>Callbacks</legend>
      {KEYS.map((key) => (
        <CallbackFields key={key} which={key} />
      ))}
    </fieldset>
  );
}
