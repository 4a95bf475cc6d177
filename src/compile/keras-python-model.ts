/**
 * The model half of a Keras script: the layers (Sequential or functional API), `compile`, and the
 * callbacks. Every layer line comes from its spec's `toKeras`, so the script and the browser
 * model cannot drift apart layer by layer.
 */
import type { Analysis } from '../analysis/analyze';
import type { Graph, LayerNode, ParamValue, WrappedLayer } from '../graph/types';
import type { LayerKind } from '../graph/layer-kinds';
import type { PyDefinition } from '../layers/layer-spec';
import { invariant } from '../lib/invariant';
import { assertNever } from '../lib/assert-never';
import { activationFunctionsFor, KERAS_ACTIVATION_FUNCTIONS } from '../layers/keras-activations';
import { layerSpec } from '../layers/registry';
import { CALLBACKS } from '../settings/callbacks';
import type { Callbacks } from '../settings/callbacks';
import { monitorDirection } from '../settings/monitors';
import type { Monitor, MonitorMode } from '../settings/monitors';
import type { Loss, TrainingConfig } from '../settings/training';
import { metricsFor } from '../settings/training';
import type { Metric } from '../settings/metrics';
import { isSequential } from './summary';
import { changedArgs, trainingArg } from './keras-python-settings';
import { indent, pyCommentText, pyString, pyTuple } from './keras-python-util';
import type { NestedModel, NestedModelPlan } from './keras-nested-models';
import { nestedModelPlan } from './keras-nested-models';

/**
 * Names the rest of the script defines or calls. A layer variable with one of these names would
 * overwrite it (a layer called `x_train` would replace the training data), so it gets a suffix.
 */
const SCRIPT_NAMES = new Set([
  ...(
    'keras layers np pd tf re json os worker model history strategy callbacks x y x_train y_train x_val y_val train_ds val_ds ' +
    'data labels ids rng category scaled one_hot prepare read_table read_idx random_data ' +
    'make_xor make_circles make_spirals DATA_FILE VALIDATION_FILE DATA_DIR IMAGES_FILE LABELS_FILE MISSING NUMBER ' +
    'print float int str repr open isinstance len list range tuple ValueError csv gzip io HERE CLASSES WHOLE COMMA_NUMBER ' +
    'sniff_delimiter kind_of cell_at is_header_row guess_header unique_names js_number mulberry32 shuffle allocate ' +
    'netloom_split points'
  ).split(' '),
  ...Object.values(KERAS_ACTIVATION_FUNCTIONS).map((f) => f.name),
]);

/** One Python variable per layer: the layer's own name unless the script already uses it. */
function variableNames(graph: Graph): Map<string, string> {
  const taken = new Set([...SCRIPT_NAMES, ...graph.nodes.map((n) => n.name)]);
  const names = new Map<string, string>();
  for (const node of graph.nodes) {
    let name = node.name;
    if (SCRIPT_NAMES.has(name)) {
      name = `${node.name}_out`;
      for (let n = 2; taken.has(name); n += 1) name = `${node.name}_out${n}`;
      taken.add(name);
    }
    names.set(node.id, name);
  }
  return names;
}

/** The script's nested models ({@link nestedModelPlan}), named clear of every layer, variable and script name. */
export function scriptNestedModels(graph: Graph, analysis: Analysis, modelName: string): NestedModelPlan {
  const taken = new Set([...SCRIPT_NAMES, modelName, ...graph.nodes.map((n) => n.name), ...variableNames(graph).values()]);
  return nestedModelPlan(graph, analysis, taken);
}

/**
 * The activation functions the graph's layers need defined before the model (where Keras 3's
 * string would compute something else than the browser did), with a line saying why.
 */
export function activationLines(graph: Graph): string[] {
  const functions = activationFunctionsFor(graph.nodes.map((n) => n.params));
  const classes = layerDefinitionsFor(graph);
  return [
    ...(functions.length === 0
      ? []
      : [
          '# Activations as TF.js computes them, where Keras 3 has no such name or computes another function;',
          '# registered, so keras.saving.load_model reads the saved model back.',
          ...functions.flatMap((f) => [...f.lines, '', '']),
        ]),
    ...(classes.length === 0
      ? []
      : [
          '# Layers Keras 3 does not have, as Keras 2 or KerasHub defined them; registered like the functions.',
          ...classes.flatMap((c) => [...c.lines, '', '']),
        ]),
  ];
}

/** The classes the graph's layers (wrapped ones too) need the script to define, once each, in kind order. */
function layerDefinitionsFor(graph: Graph): PyDefinition[] {
  const kinds = new Set<LayerKind>();
  const visit = (kind: LayerKind, params: Readonly<Record<string, ParamValue>>) => {
    kinds.add(kind);
    for (const value of Object.values(params)) {
      for (const item of Array.isArray(value) ? (value as readonly ParamValue[]) : [value]) {
        if (typeof item === 'object' && item !== null && !Array.isArray(item)) visit((item as WrappedLayer).kind, (item as WrappedLayer).params);
      }
    }
  };
  for (const n of graph.nodes) visit(n.kind, n.params);
  const written = new Map<string, PyDefinition>();
  const add = (d: PyDefinition) => {
    if (written.has(d.name)) return;
    for (const need of d.needs ?? []) add(need);
    written.set(d.name, d);
  };
  for (const k of [...kinds].sort()) {
    const definition = layerSpec(k).kerasDefinition;
    if (definition) add(definition);
  }
  return [...written.values()];
}

/** A single item as itself, several as a Python list: Keras takes either for one input or output. */
const oneOrList = (items: readonly string[]) => (items.length === 1 ? (items[0] as string) : `[${items.join(', ')}]`);

/**
 * `model = ...`: `keras.Sequential([...])` for a plain chain, otherwise the functional API with
 * one variable per layer and merge layers called on a list of their inputs in slot order (or as the
 * layer's `kerasCallArgs` says). A nested model ({@link scriptNestedModels}) is built first as its
 * own `keras.Model` and then called as one layer, so `model.summary()` shows it as one row.
 */
export function modelLines(graph: Graph, analysis: Analysis, modelName: string): string[] {
  const byId = new Map<string, LayerNode>(graph.nodes.map((n) => [n.id, n]));
  const node = (id: string) => {
    const found = byId.get(id);
    invariant(found, `node ${id} is in the analysis but not in the graph`);
    return found;
  };
  const call = (n: LayerNode) => layerSpec(n.kind).toKeras(n.params, n.name);
  const nested = scriptNestedModels(graph, analysis, modelName);
  const owner = new Map(nested.models.flatMap((m) => m.members.map((id) => [id, m] as const)));
  // Frozen layers, as Keras freezes them: after the model is built, before compile. A nested
  // model's are frozen where it is built.
  const frozen = analysis.order
    .map(node)
    .filter((n) => n.trainable === false && !owner.has(n.id))
    .map((n) => `model.get_layer(${pyString(n.name)}).trainable = False`);
  const flatNotes = nested.flat.map(
    ({ group, reason }) => `# The group "${pyCommentText(group.title)}" is written as plain layers, not a nested model: ${pyCommentText(reason)}.`,
  );
  // A layer with a call of its own (MultiHeadAttention's `layer(query, value)`) needs the functional API.
  if (nested.models.length === 0 && isSequential(graph, analysis) && !graph.nodes.some((n) => layerSpec(n.kind).kerasCallArgs)) {
    const layers = analysis.order.map((id) => `${call(node(id))},`);
    return [...flatNotes, 'model = keras.Sequential(', '    [', ...indent(layers, 2), '    ],', `    name=${pyString(modelName)},`, ')', ...frozen];
  }
  const vars = variableNames(graph);
  const outer = (id: string) => {
    const m = owner.get(id);
    return m === undefined ? (vars.get(id) as string) : m.outputVariable;
  };
  const layerLine = (id: string, v: (id: string) => string) => {
    const n = node(id);
    if (n.kind === 'Input') return `${vars.get(id) as string} = ${call(n)}`;
    const sources = (analysis.nodes[id]?.inputs ?? []).map(v);
    const spec = layerSpec(n.kind);
    const arg = spec.kerasCallArgs ? spec.kerasCallArgs(sources, n.params) : spec.arity.max > 1 ? `[${sources.join(', ')}]` : sources.join(', ');
    return `${vars.get(id) as string} = ${call(n)}(${arg})`;
  };
  const nestedLines = (m: NestedModel) => {
    const inner = (id: string) => (id === m.source ? m.inputVariable : (vars.get(id) as string));
    const shape = (analysis.nodes[m.source]?.shape ?? []).slice(1).map((d) => d ?? 'None');
    const frozenMembers = m.members.map(node).filter((n) => n.trainable === false);
    return [
      `# The nested model "${pyCommentText(m.variable)}" (a group in Netloom): its layers keep their names.`,
      `${m.inputVariable} = keras.Input(shape=${pyTuple(shape)}, name=${pyString(m.inputVariable)})`,
      ...m.members.map((id) => layerLine(id, inner)),
      `${m.variable} = keras.Model(inputs=${m.inputVariable}, outputs=${vars.get(m.output) as string}, name=${pyString(m.variable)})`,
      ...(m.frozen === 'all'
        ? [`${m.variable}.trainable = False`]
        : frozenMembers.map((n) => `${m.variable}.get_layer(${pyString(n.name)}).trainable = False`)),
      `${m.outputVariable} = ${m.variable}(${outer(m.source)})`,
    ];
  };
  const lines = analysis.order.flatMap((id) => {
    const m = owner.get(id);
    if (m === undefined) return [layerLine(id, outer)];
    return m.members[0] === id ? nestedLines(m) : [];
  });
  const inputs = oneOrList(analysis.inputs.map(outer));
  const outputs = oneOrList(analysis.outputs.map(outer));
  return [...flatNotes, ...lines, `model = keras.Model(inputs=${inputs}, outputs=${outputs}, name=${pyString(modelName)})`, ...frozen];
}

function optimizer(t: TrainingConfig): string {
  const lr = trainingArg(t, 'learningRate');
  // Keras's other defaults (Adam's epsilon 1e-7, Adagrad's 0.1 start) are what the browser uses too.
  switch (t.optimizer) {
    case 'sgd':
      return `keras.optimizers.SGD(${lr}${t.momentum > 0 ? `, ${trainingArg(t, 'momentum')}` : ''})`;
    case 'adam':
      return `keras.optimizers.Adam(${lr})`;
    case 'rmsprop':
      return `keras.optimizers.RMSprop(${lr})`;
    case 'adagrad':
      return `keras.optimizers.Adagrad(${lr})`;
    case 'adamax':
      return `keras.optimizers.Adamax(${lr})`;
    default:
      return assertNever(t.optimizer, 'optimizer');
  }
}

/** `Huber` has no string name in Keras; the others are Keras's own loss strings. */
const lossExpr = (loss: Loss) => (loss === 'huber' ? 'keras.losses.Huber()' : pyString(loss));

/**
 * A metric as Keras compiles it: its string where Keras has one that means the same (accuracy,
 * mae, mse), else the metric object, whose default name is the browser's log name.
 */
function metricExpr(metric: Metric, topK: number): string {
  switch (metric) {
    case 'accuracy':
    case 'mae':
    case 'mse':
      return pyString(metric);
    case 'precision':
      return 'keras.metrics.Precision()';
    case 'recall':
      return 'keras.metrics.Recall()';
    case 'auc':
      return 'keras.metrics.AUC()';
    case 'top_k_categorical_accuracy':
      return `keras.metrics.TopKCategoricalAccuracy(k=${topK})`;
    case 'sparse_top_k_categorical_accuracy':
      return `keras.metrics.SparseTopKCategoricalAccuracy(k=${topK})`;
    default:
      return assertNever(metric, 'metric');
  }
}

/**
 * `model.compile(...)` with the browser's metrics (those chosen that suit the loss, by their
 * Keras names). Keras 3 wants one metrics list per output, so several outputs get a list each
 * (each its own metric objects: a Keras metric keeps its counts).
 */
export function compileLine(training: TrainingConfig, outputCount: number): string {
  const metrics = metricsFor(training);
  const perOutput = <T>(item: T) => Array.from({ length: outputCount }, () => item);
  const loss = outputCount === 1 ? lossExpr(training.loss) : `[${perOutput(lossExpr(training.loss)).join(', ')}]`;
  const list = `[${metrics.map((m) => metricExpr(m, training.topK)).join(', ')}]`;
  const metricList = outputCount === 1 ? list : `[${perOutput(list).join(', ')}]`;
  const args = [`optimizer=${optimizer(training)}`, `loss=${loss}`, ...(metrics.length > 0 ? [`metrics=${metricList}`] : [])];
  return `model.compile(${args.join(', ')})`;
}

/**
 * The `mode=` the script passes so that Keras watches `monitor` the way the browser did: the
 * user's `min` or `max`, else `auto` where Keras's own guess agrees. Keras 3's EarlyStopping reads
 * the metric's direction as the browser does, but its ReduceLROnPlateau (and Keras 2's
 * EarlyStopping) take `auto` as "max when the name holds acc": for AUC, precision or recall that
 * would minimise, so the direction is written out.
 */
export function kerasMode(monitor: Monitor, mode: MonitorMode): MonitorMode {
  if (mode !== 'auto') return mode;
  const direction = monitorDirection(monitor, 'auto');
  return (monitor.includes('acc') ? 'max' : 'min') === direction ? 'auto' : direction;
}

/** `callbacks = [...]` for the callbacks switched on, with their declared Keras arguments, or nothing. */
export function callbackLines(callbacks: Callbacks | undefined): string[] {
  const items = Object.entries(CALLBACKS).flatMap(([key, callback]) => {
    const values = callbacks?.[key as keyof Callbacks];
    if (values?.enabled !== true) return [];
    const args = changedArgs(callback.settings, { ...values, mode: kerasMode(values.monitor, values.mode) });
    return [`keras.callbacks.${callback.kerasClass}(${args.join(', ')})`];
  });
  return items.length === 0 ? [] : ['callbacks = [', ...indent(items.map((i) => `${i},`)), ']'];
}
