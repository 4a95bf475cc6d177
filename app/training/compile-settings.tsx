import { DEFAULT_LEARNING_RATE, LOSSES, OPTIMIZERS } from '../../src/train/config';
import type { Loss, Optimizer } from '../../src/train/config';
import { useStore } from '../store/store';

const num = (v: string, fallback: number) => (Number.isFinite(Number(v)) && v.trim() !== '' ? Number(v) : fallback);

/** `model.compile` and `model.fit` settings, with Keras's defaults. */
export function CompileSettings() {
  const t = useStore((s) => s.training);
  const set = useStore((s) => s.setTraining);
  const running = useStore((s) => s.run?.status === 'running' || s.run?.status === 'starting');
  return (
    <fieldset className="train-fields" disabled={running}>
      <legend>Compile and fit</legend>
      <label>
        loss
        <select value={t.loss} onChange={(e) => set({ loss: e.target.value as Loss })} aria-label="Loss">
          {LOSSES.map((l) => (
            <option key={l}>{l}</option>
          ))}
        </select>
      </label>
      <label>
        optimizer
        <select
          value={t.optimizer}
          aria-label="Optimizer"
          onChange={(e) => {
            const optimizer = e.target.value as Optimizer;
            // Switching optimizer takes Keras's default rate for it, as a new Keras optimizer would.
            set({ optimizer, learningRate: DEFAULT_LEARNING_RATE[optimizer] });
          }}
        >
          {OPTIMIZERS.map((o) => (
            <option key={o}>{o}</option>
          ))}
        </select>
      </label>
      <label>
        learning rate
        <input type="number" step="any" min={0} value={t.learningRate} aria-label="Learning rate" onChange={(e) => set({ learningRate: Math.max(1e-7, num(e.target.value, t.learningRate)) })} />
      </label>
      {t.optimizer === 'sgd' && (
        <label>
          momentum
          <input type="number" step={0.1} min={0} max={0.99} value={t.momentum} aria-label="Momentum" onChange={(e) => set({ momentum: Math.min(0.99, Math.max(0, num(e.target.value, 0))) })} />
        </label>
      )}
      <label>
        batch size
        <input type="number" min={1} step={1} value={t.batchSize} aria-label="Batch size" onChange={(e) => set({ batchSize: Math.max(1, Math.round(num(e.target.value, 32))) })} />
      </label>
      <label>
        epochs
        <input type="number" min={1} step={1} value={t.epochs} aria-label="Epochs" onChange={(e) => set({ epochs: Math.max(1, Math.round(num(e.target.value, 10))) })} />
      </label>
      <label>
        validation split
        <input
          type="number"
          min={0}
          max={0.9}
          step={0.05}
          value={t.validationSplit}
          aria-label="Validation split"
          title="Used for image and ready-made datasets; CSV data uses the split of its column plan"
          onChange={(e) => set({ validationSplit: Math.min(0.9, Math.max(0, num(e.target.value, 0.2))) })}
        />
      </label>
      <label className="inline">
        <input type="checkbox" checked={t.shuffle} onChange={(e) => set({ shuffle: e.target.checked })} /> shuffle each epoch
      </label>
      <label>
        seed
        <input type="number" min={0} step={1} value={t.seed} aria-label="Seed" onChange={(e) => set({ seed: Math.max(0, Math.round(num(e.target.value, 42))) })} />
      </label>
    </fieldset>
  );
}
