/**
 * The views of a training run: a sampler whose hooks runTraining calls (after compile, after each
 * batch), which measures the steps its schedule picks and posts one snapshot per sample. Sampling
 * only reads: a run with the views on ends with the same weights as one without.
 */
import type * as tfjs from '@tensorflow/tfjs';
import type { SplitDataset } from '../data/types';
import type { Tf } from '../layers/layer-spec';
import { captureGradients } from './insight-gradients';
import type { GradientCapture, LayerStep } from './insight-gradients';
import { gradientFlag } from './insight-stats';
import { makePictures } from './insight-pictures';
import type { Pictures } from './insight-pictures';
import { makeProbe, statsPass } from './insight-probe';
import type { Probe } from './insight-probe';
import { insightSchedule } from './insight-schedule';
import type { InsightSchedule } from './insight-schedule';
import type { InsightOptions, InsightSnapshot, LayerStats } from './insight-types';
import type { TrainingHooks } from './run-training';

/** Where a snapshot was taken: -1 for all three outside a run. */
interface At {
  readonly epoch: number;
  readonly batch: number;
  readonly step: number;
}

/** A layer's stats with its gradient numbers from the captured step, when it had any. */
function withStep(stats: LayerStats, step: LayerStep | undefined): LayerStats {
  if (!step) return stats;
  const gradNorm = Math.sqrt(step.gradSquares);
  const before = Math.sqrt(step.beforeSquares);
  const flag = gradientFlag(gradNorm, before);
  return { ...stats, gradNorm, ...(before > 0 ? { updateRatio: Math.sqrt(step.updateSquares) / before } : {}), ...(flag ? { gradFlag: flag } : {}) };
}

/** A model's probe and pictures, made once per model. */
interface Views {
  readonly probe: Probe;
  readonly pictures: Pictures;
}

const viewsOf = (tf: Tf, model: tfjs.LayersModel, data: SplitDataset): Views => ({
  probe: makeProbe(tf, model, data),
  pictures: makePictures(tf, model, data),
});

async function snapshotOf(
  tf: Tf,
  views: Views,
  options: InsightOptions,
  at: At,
  steps: Map<string, LayerStep> | undefined,
): Promise<Omit<InsightSnapshot, 'ms'>> {
  const { packed, read } = statsPass(tf, views.probe);
  let values: Float32Array;
  try {
    values = (await packed.data()) as Float32Array;
  } finally {
    packed.dispose();
  }
  const layers = read(values).map((s) => withStep(s, steps?.get(s.layer)));
  return { ...at, layers, ...(await views.pictures.take(options.sample)) };
}

/** The buffers of a snapshot's arrays, each once, to transfer with its message. */
export function snapshotBuffers(s: InsightSnapshot): ArrayBufferLike[] {
  const arrays = [
    ...s.conv.flatMap((c) => [...c.filters, ...c.featureMaps].map((g) => g.values)),
    ...(s.boundary ? [s.boundary.points, s.boundary.labels, ...s.boundary.layers.flatMap((l) => l.units.map((u) => u.values))] : []),
    ...s.attention.map((a) => a.weights),
  ];
  return [...new Set(arrays.map((a) => a.buffer))];
}

/**
 * One snapshot of `model` outside any run (the `insight` request): statistics without gradients,
 * and the pictures. epoch, batch and step are -1.
 */
export async function takeSnapshot(tf: Tf, model: tfjs.LayersModel, data: SplitDataset, options: InsightOptions): Promise<InsightSnapshot> {
  const t0 = performance.now();
  const views = viewsOf(tf, model, data);
  try {
    const snapshot = await snapshotOf(tf, views, options, { epoch: -1, batch: -1, step: -1 }, undefined);
    return { ...snapshot, ms: performance.now() - t0 };
  } finally {
    views.probe.dispose();
  }
}

/** A run's sampler: pass `hooks` into runTraining (both phases of a fine-tune run), then `dispose`. */
export interface InsightSampler {
  readonly hooks: Required<Pick<TrainingHooks, 'onCompiled' | 'afterBatch'>>;
  /** From the next sample on, the pictures are of this sample. */
  setOptions(options: InsightOptions): void;
  /** Snapshots posted so far. */
  readonly count: number;
  /** Frees the probe batch and any measurement not yet read. */
  dispose(): void;
}

/**
 * A sampler for a run on `data` that hands each snapshot to `post`, sampling when `schedule` says
 * (by default the worker's: every 300 ms and at epoch ends within 5 % of the run's time, its clock
 * started now). `clock` measures sampling time in milliseconds.
 */
export function createInsightSampler(
  tf: Tf,
  data: SplitDataset,
  initial: InsightOptions,
  post: (snapshot: InsightSnapshot) => void,
  clock: () => number = () => performance.now(),
  schedule: InsightSchedule = insightSchedule(clock),
): InsightSampler {
  let options = initial;
  let views: (Views & { model: tfjs.LayersModel }) | undefined;
  let capture: GradientCapture | undefined;
  let captureMs = 0;
  let armed = false;
  let step = 0;
  let count = 0;

  const arm = (epochEnd: boolean) => {
    armed = capture !== undefined && schedule.due(epochEnd);
    if (armed) capture?.arm();
  };

  async function sample(at: At): Promise<void> {
    const t0 = clock();
    const current = views;
    if (!current || !capture) return;
    const steps = await capture.take();
    const snapshot = await snapshotOf(tf, current, options, at, steps);
    const stepMs = capture.ms - captureMs;
    captureMs = capture.ms;
    const ms = clock() - t0 + stepMs;
    // The first snapshot warms the probe's models up (tens of ms, once per run): charged, it would
    // hold a short run's views to its first picture; every later one counts against the budget.
    if (count > 0) schedule.spent(ms);
    count += 1;
    post({ ...snapshot, ms });
  }

  return {
    hooks: {
      onCompiled(model, optimizer) {
        if (views?.model !== model) {
          views?.probe.dispose();
          views = { model, ...viewsOf(tf, model, data) };
        }
        capture = captureGradients(tf, model, optimizer, clock);
        captureMs = 0;
        arm(false);
      },
      async afterBatch(epoch, batch, batchesPerEpoch) {
        const at = { epoch, batch, step };
        step += 1;
        if (armed) {
          armed = false;
          await sample(at);
        }
        const next = batch + 1 < batchesPerEpoch ? batch + 1 : 0;
        arm(next === batchesPerEpoch - 1);
      },
    },
    setOptions(next) {
      options = next;
    },
    get count() {
      return count;
    },
    dispose() {
      views?.probe.dispose();
      views = undefined;
      void capture?.take();
      capture = undefined;
    },
  };
}
