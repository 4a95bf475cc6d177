/** Messages between the GPU bench page and its worker. */
import type { BackendFacts } from '../../src/train/backend';
import type { BackendChoice } from '../../src/train/protocol';
import type { BenchModel } from '../throughput/protocol';

export type { BenchModel };

export type GpuBenchRequest =
  /** What the worker's browser offers: WebGPU adapter, WebGL renderer, wasm. */
  | { task: 'probe' }
  /** One model trained through the app's trainer service on `backend` (`auto`: the app's own choice, with its race). */
  | {
      task: 'fit';
      model: BenchModel;
      backend: BackendChoice;
      samples: number;
      batchSize: number;
      warmupEpochs: number;
      timedEpochs: number;
      seed: number;
    };

/** The probe's answer: the facts, and the backends the app would count as hardware GPUs with why. */
export interface ProbeResult {
  type: 'probe';
  facts: BackendFacts;
  /** The app's automatic order (a GPU backend is in it only on a hardware GPU). */
  order: string[];
  reasons: Record<string, string>;
}

export interface FitResult {
  type: 'fit';
  /** The backend the run trained on, as tfjs reports it at the end. */
  backend: string;
  /** Why the trainer chose it (its last `backend` message). */
  reason: string;
  samplesPerSecond: number;
  seconds: number;
}

export type GpuBenchResponse = ProbeResult | FitResult | { type: 'error'; message: string };
