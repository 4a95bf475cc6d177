/**
 * A run with the fine-tune preset (`src/settings/fine-tune.ts`) as Keras's transfer-learning guide
 * trains: phase 1 fits with the base frozen as the user marked it; phase 2 goes on from the same
 * model (runTraining's continue path: trainable flags applied again, recompiled with a fresh
 * optimizer) with the top frozen layers unfrozen, at the low learning rate, its epochs counted on
 * from phase 1's. Without the preset it is one plain run.
 */
import type * as tfjs from '@tensorflow/tfjs';
import { fineTunePlan, fineTuneProblem } from '../compile/fine-tune-plan';
import type { SplitDataset } from '../data/types';
import type { Tf } from '../layers/layer-spec';
import type { Callbacks } from '../settings/callbacks';
import type { FineTuneSettings } from '../settings/fine-tune';
import type { TrainingConfig } from '../settings/training';
import { emptyHistory, recordEpoch, stalledMessage } from './history';
import type { History } from './history';
import { runTraining } from './run-training';
import type { TrainingHooks, TrainingResult } from './run-training';
import type { Graph } from '../graph/types';

/** What a run trains; `fineTune` adds phase 2. */
export interface PhasedRequest {
  readonly graph: Graph;
  readonly config: TrainingConfig;
  readonly callbacks?: Callbacks;
  readonly fineTune?: FineTuneSettings;
  /** The 0-based number of the first epoch (Keras's `initial_epoch`); phase 2 counts on from phase 1. 0 when absent. */
  readonly initialEpoch?: number;
}

/** Phase 2 begins at 0-based `epoch`, training the `unfrozen` layers (by layer name). */
export type OnPhase = (epoch: number, unfrozen: readonly string[]) => void;

/** Both phases' histories as one, epochs in order. */
function joined(a: History, b: History): History {
  const out = emptyHistory();
  for (const h of [a, b]) {
    h.epoch.forEach((epoch, i) => {
      const logs = Object.fromEntries(Object.entries(h).flatMap(([k, v]) => (k === 'epoch' || v[i] === undefined ? [] : [[k, v[i]]])));
      recordEpoch(out, epoch, logs);
    });
  }
  return out;
}

/**
 * Trains `request` on `data` (from `model`'s weights when given), then, with the preset on and
 * phase 1 ended whole (completed or stopped early, as Keras's `fit` returns either way), phase 2.
 * Throws before any training when the preset finds no frozen layer to unfreeze.
 */
export async function runPhases(
  tf: Tf,
  request: PhasedRequest,
  data: SplitDataset,
  model: tfjs.LayersModel | undefined,
  hooks: TrainingHooks,
  onPhase: OnPhase = () => undefined,
): Promise<TrainingResult> {
  const { graph, config, callbacks, fineTune } = request;
  const initialEpoch = request.initialEpoch ?? 0;
  const plan = fineTune?.enabled === true ? fineTunePlan(graph, fineTune.unfreeze) : undefined;
  const problem = plan ? fineTuneProblem(plan) : null;
  if (problem !== null) throw new Error(problem);
  const first = await runTraining(tf, { graph, config, data, initialEpoch, ...(callbacks ? { callbacks } : {}), ...(model ? { model } : {}) }, hooks);
  if (!plan || !fineTune || (first.status !== 'completed' && first.status !== 'early-stopped')) return first;
  const names = new Map(graph.nodes.map((n) => [n.id, n.name]));
  onPhase(
    initialEpoch + first.epochsRun,
    plan.unfrozen.map((id) => names.get(id) ?? id),
  );
  const second = await runTraining(
    tf,
    {
      graph: plan.graph,
      config: { ...config, learningRate: fineTune.learningRate, epochs: fineTune.epochs },
      data,
      ...(callbacks ? { callbacks } : {}),
      model: first.model,
      initialEpoch: initialEpoch + first.epochsRun,
    },
    hooks,
  );
  const history = joined(first.history, second.history);
  // Phase 2's small steps barely move the loss: whether the run learned is judged over both phases.
  const message = second.status === 'completed' ? stalledMessage(history, config.learningRate) : second.message;
  return { status: second.status, ...(message === undefined ? {} : { message }), history, epochsRun: history.epoch.length, model: second.model };
}
