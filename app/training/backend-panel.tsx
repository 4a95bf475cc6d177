import type { BackendChoice } from '../../src/train/protocol';
import { threadsText } from '../../src/train/wasm-threads';
import { useStore } from '../store/store';
import { chooseBackend } from '../actions/train';
import { useRunning } from './use-running';

const CHOICES: readonly { value: BackendChoice; label: string }[] = [
  { value: 'auto', label: 'Fastest available (recommended)' },
  { value: 'webgpu', label: 'WebGPU' },
  { value: 'webgl', label: 'WebGL' },
  { value: 'wasm', label: 'WebAssembly (CPU, SIMD; threaded from 4 cores)' },
  { value: 'cpu', label: 'Plain JavaScript (slowest)' },
];

/** What the panel calls a chosen backend: the selector's words, without their notes in brackets. */
const nameOf = (name: string) => CHOICES.find((c) => c.value === name)?.label.replace(/ \(.*\)$/, '') ?? name;

const isChoice = (name: string): name is BackendChoice => CHOICES.some((c) => c.value === name);

/**
 * The backend the worker chose and why, and the user's override. A chosen backend that could not
 * start says why, and offers the one that runs instead.
 */
export function BackendPanel() {
  const choice = useStore((s) => s.backendChoice);
  const backend = useStore((s) => s.backend);
  const failed = useStore((s) => s.backendFailed);
  const running = useRunning();
  const fallback = backend !== null && failed !== null && failed.name !== backend.name ? backend.name : null;
  return (
    <fieldset className="settings-fields" disabled={running} data-testid="backend-panel">
      <legend>Backend</legend>
      <select value={choice} aria-label="Backend" onChange={(e) => chooseBackend(e.target.value as BackendChoice)}>
        {CHOICES.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
      {failed && (
        <div className="train-message is-error train-backend-failed" role="alert" data-testid="backend-failed">
          <span>
            {nameOf(failed.name)} could not start: {failed.error}.{fallback && ` Training on ${fallback} instead.`}
          </span>
          {fallback && isChoice(fallback) && (
            <button type="button" className="data-button" onClick={() => chooseBackend(fallback)} data-testid="backend-fallback">
              Use {fallback}
            </button>
          )}
        </div>
      )}
      <p className="train-backend" data-testid="backend">
        {backend ? (
          <>
            Training on <strong data-testid="backend-name">{backend.name}</strong>
            {backend.threads === undefined ? null : <span data-testid="backend-threads">, {threadsText(backend.threads)}</span>}: {backend.reason}
          </>
        ) : (
          'Choosing a backend…'
        )}
      </p>
    </fieldset>
  );
}
