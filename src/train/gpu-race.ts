import type * as tfjs from '@tensorflow/tfjs';
import type { Tf } from '../layers/layer-spec';

/** A backend's measured speed on one model. */
export interface StepTiming {
  readonly backend: string;
  /** Median milliseconds per training step, after warm-up. */
  readonly msPerStep: number;
}

/**
 * Milliseconds per training step of `model` on the active backend: one warm-up step (shader
 * compilation on GPU backends costs seconds and says nothing about steady speed), then the
 * median of `steps` timed steps. `trainOnBatch` resolves after the loss is read back, so GPU work
 * is included. The model must be compiled; its weights change, so pass a throwaway copy.
 */
export async function timeTrainingSteps(tf: Tf, model: tfjs.LayersModel, x: tfjs.Tensor, y: tfjs.Tensor, steps = 3): Promise<number> {
  await model.trainOnBatch(x, y);
  const times: number[] = [];
  for (let i = 0; i < steps; i += 1) {
    const start = performance.now();
    await model.trainOnBatch(x, y);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? 0;
}

/**
 * The faster of a GPU backend and wasm on the user's model, with the reason in words. Small
 * models are often faster on wasm even with a real GPU: per-step overheads dominate there.
 */
export function pickFaster(gpu: StepTiming, wasm: StepTiming): { backend: string; reason: string } {
  const fmt = (t: StepTiming) => `${t.backend} ${t.msPerStep.toFixed(1)} ms/step`;
  const winner = gpu.msPerStep <= wasm.msPerStep ? gpu : wasm;
  return { backend: winner.backend, reason: `timed on this model: ${fmt(gpu)} vs ${fmt(wasm)}, so ${winner.backend}` };
}
