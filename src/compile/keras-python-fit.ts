/**
 * The script's `model.fit(...)` calls: the one fit of a plain run and, with the fine-tune preset
 * on, phase 2 as Keras's transfer-learning guide writes it (unfreeze the top layers of the base,
 * recompile at the low learning rate, fit on with `initial_epoch`).
 */
import type { Analysis } from '../analysis/analyze';
import type { Graph } from '../graph/types';
import type { FineTuneSettings } from '../settings/fine-tune';
import type { TrainingConfig } from '../settings/training';
import { fineTunePlan, fineTuneProblem } from './fine-tune-plan';
import { compileLine, scriptNestedModels } from './keras-python-model';
import { trainingArg } from './keras-python-settings';
import type { DataCode } from './keras-python-util';
import { indent, pyCall, pyString } from './keras-python-util';

/** How one fit call differs: its epochs argument(s) and the variable its History goes to. */
interface FitCall {
  readonly epochs: readonly string[];
  readonly result: string;
}

/** `model.fit(...)` on the script's data, with `callbacks` when there are any. */
export function fitLines(training: TrainingConfig, data: DataCode, callbacks: boolean, call?: FitCall): string[] {
  const cb = callbacks ? ['callbacks=callbacks'] : [];
  const epochs = call?.epochs ?? [trainingArg(training, 'epochs')];
  const result = call?.result ?? 'history';
  if (data.fit.kind === 'datasets') {
    // Batching and shuffling were set where the datasets were made.
    const validation = data.fit.validation ? ['validation_data=val_ds'] : [];
    return pyCall('model.fit', ['train_ds', ...epochs, ...validation, ...cb], result);
  }
  return pyCall(
    'model.fit',
    [
      'x_train',
      'y_train',
      trainingArg(training, 'batchSize'),
      ...epochs,
      ...(data.fit.validation ? ['validation_data=(x_val, y_val)'] : []),
      trainingArg(training, 'shuffle'),
      ...cb,
    ],
    result,
  );
}

/** What phase 2 needs from the script around it. */
export interface FineTuneContext {
  readonly graph: Graph;
  readonly analysis: Analysis;
  readonly training: TrainingConfig;
  readonly data: DataCode;
  readonly callbacks: boolean;
  /** Compile under `with strategy.scope():` (a distribution strategy is on). */
  readonly scoped: boolean;
  /** The outer model's Keras name, which the nested models' names keep clear of. */
  readonly modelName: string;
}

/**
 * Phase 2's unfreezing, layer by layer through the model that holds each layer. A nested model
 * frozen whole is unfrozen whole (its `trainable` gates all its layers) and the members phase 2
 * leaves frozen are frozen again.
 */
function unfreezeLines(ctx: FineTuneContext, unfrozen: readonly string[]): string[] {
  const byId = new Map(ctx.graph.nodes.map((n) => [n.id, n]));
  const name = (id: string) => pyString(byId.get(id)?.name ?? id);
  const loop = (owner: string, ids: readonly string[], trainable: boolean) =>
    ids.length === 0 ? [] : [`for name in [${ids.map(name).join(', ')}]:`, `    ${owner}.get_layer(name).trainable = ${trainable ? 'True' : 'False'}`];
  const models = scriptNestedModels(ctx.graph, ctx.analysis, ctx.modelName).models;
  const nested = new Set(models.flatMap((m) => m.members));
  return [
    ...loop(
      'model',
      unfrozen.filter((id) => !nested.has(id)),
      true,
    ),
    ...models.flatMap((m) => {
      const mine = unfrozen.filter((id) => m.members.includes(id));
      if (mine.length === 0) return [];
      if (m.frozen !== 'all') return loop(m.variable, mine, true);
      const still = m.members.filter((id) => !mine.includes(id) && byId.get(id)?.trainable === false);
      return [`${m.variable}.trainable = True`, ...loop(m.variable, still, false)];
    }),
  ];
}

/**
 * Phase 2 of fine-tuning, after phase 1's fit; nothing while the preset is off. Throws when the
 * preset finds no frozen layer to unfreeze, as the app refuses to train then.
 */
export function fineTuneLines(fineTune: FineTuneSettings | undefined, ctx: FineTuneContext): string[] {
  if (fineTune?.enabled !== true) return [];
  const plan = fineTunePlan(ctx.graph, fineTune.unfreeze);
  const problem = fineTuneProblem(plan);
  if (problem !== null) throw new Error(problem);
  const compile = compileLine({ ...ctx.training, learningRate: fineTune.learningRate }, ctx.analysis.outputs.length);
  return [
    '',
    '# Fine-tuning, phase 2 (keras.io/guides/transfer_learning): unfreeze the top frozen layers of the',
    '# base (BatchNormalization stays frozen and in inference mode), recompile at a low learning rate',
    "# so that the change takes effect, and train on, the epochs counted on from phase 1's.",
    ...unfreezeLines(ctx, plan.unfrozen),
    ...(ctx.scoped ? ['with strategy.scope():', ...indent([compile])] : [compile]),
    'initial_epoch = len(history.epoch)',
    ...fitLines(ctx.training, ctx.data, ctx.callbacks, {
      epochs: [`epochs=initial_epoch + ${fineTune.epochs}`, 'initial_epoch=initial_epoch'],
      result: 'history_fine',
    }),
  ];
}
