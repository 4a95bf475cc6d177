import type { BackendChoice } from '../../src/train/protocol';
import { useStore } from '../store/store';
import { chooseBackend } from '../actions/train';
import { useRunning } from './use-running';

const CHOICES: readonly { value: BackendChoice; label: string }[] = [
  { value: 'auto', label: 'Fastest available (recommended)' },
  { value: 'webgpu', label: 'WebGPU' },
  { value: 'webgl', label: 'WebGL' },
  { value: 'wasm', label: 'WebAssembly (CPU, SIMD)' },
  { value: 'cpu', label: 'Plain JavaScript (slowest)' },
];

/** The backend the worker chose and why, and the user's override. */
export function BackendPanel() {
  const choice = useStore((s) => s.backendChoice);
  const backend = useStore((s) => s.backend);
  const running = useRunning();
  return (
    <fieldset className="settings-fields" disabled={running}>
      <legend>Backend</legend>
      <select value={choice} aria-label="Backend" onChange={(e) => chooseBackend(e.target.value as BackendChoice)}>
        {CHOICES.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
      <p className="train-backend" data-testid="backend">
        {backend ? (
          <>
            Training on <strong data-testid="backend-name">{backend.name}</strong>: {backend.reason}
          </>
        ) : (
          'Choosing a backend…'
        )}
      </p>
    </fieldset>
  );
}
