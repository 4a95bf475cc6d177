import type { Analysis } from '../graph/analyze';
import type { Diagnostic } from '../graph/diagnostics';
import { diagnostic } from '../graph/diagnostics';
import { setParam } from '../graph/ops';
import { formatShape } from '../graph/shape';
import type { Graph, LayerNode } from '../graph/types';
import { assertNever } from '../lib/assert-never';
import type { Loss } from '../train/config';

/** What the model must accept and produce for a dataset: one sample's x, and the target. */
export interface DataSignature {
  /** One sample of x, e.g. [4] or [28, 28, 1]. */
  readonly featureShape: readonly number[];
  readonly task: 'classification' | 'regression';
  /** Number of classes (classification). */
  readonly classes: number;
  /** How the target is encoded; decides the output size and the loss. */
  readonly encoding: 'onehot' | 'integer' | 'binary' | 'regression';
}

/** Units and activation the output layer needs for the target, and the matching Keras loss. */
export function outputFor(sig: DataSignature): { units: number; activation: 'softmax' | 'sigmoid' | 'linear'; loss: Loss } {
  switch (sig.encoding) {
    case 'onehot':
      return { units: sig.classes, activation: 'softmax', loss: 'categorical_crossentropy' };
    case 'integer':
      return { units: sig.classes, activation: 'softmax', loss: 'sparse_categorical_crossentropy' };
    case 'binary':
      return { units: 1, activation: 'sigmoid', loss: 'binary_crossentropy' };
    case 'regression':
      return { units: 1, activation: 'linear', loss: 'mean_squared_error' };
    default:
      return assertNever(sig.encoding, 'target encoding');
  }
}

const describeTarget = (sig: DataSignature) =>
  sig.encoding === 'regression' ? 'a number to predict' : sig.encoding === 'binary' ? '2 classes' : `${sig.classes} classes`;

/**
 * Problems between the model and the chosen data, on the Input or output node, each with a
 * one-click fix: a data mismatch is caught while editing, never as a crash when training starts.
 */
export function dataDiagnostics(graph: Graph, analysis: Analysis, sig: DataSignature): Diagnostic[] {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  if (analysis.inputs.length !== 1 || analysis.outputs.length !== 1) {
    if (analysis.inputs.length === 0 || analysis.outputs.length === 0) return [];
    return [
      diagnostic(
        'data-arity-mismatch',
        `The data has one input and one target, but the model has ${analysis.inputs.length} inputs and ${analysis.outputs.length} outputs`,
      ),
    ];
  }
  const out: Diagnostic[] = [];
  const input = byId.get(analysis.inputs[0] as string) as LayerNode;
  const shape = input.params.shape as readonly number[];
  if (JSON.stringify(shape) !== JSON.stringify(sig.featureShape)) {
    out.push(
      diagnostic(
        'data-input-mismatch',
        `The data's samples have shape ${formatShape([null, ...sig.featureShape])} but ${input.name} expects ${formatShape([null, ...shape])}`,
        input.id,
        { kind: 'set-param', label: `Set shape to ${formatShape(sig.featureShape)}`, nodeId: input.id, param: 'shape', value: [...sig.featureShape] },
      ),
    );
  }
  const output = byId.get(analysis.outputs[0] as string) as LayerNode;
  const got = analysis.nodes[output.id]?.shape;
  const want = outputFor(sig);
  if (got && (got.length !== 2 || got[1] !== want.units)) {
    const fix =
      output.kind === 'Dense' && got.length === 2
        ? { kind: 'set-param' as const, label: `Set units to ${want.units}`, nodeId: output.id, param: 'units', value: want.units }
        : undefined;
    out.push(
      diagnostic(
        'data-output-mismatch',
        `The target has ${describeTarget(sig)}, so the output must be (None, ${want.units}), but ${output.name} outputs ${formatShape(got)}`,
        output.id,
        fix,
      ),
    );
  } else if (got && output.kind === 'Dense' && output.params.activation !== want.activation) {
    out.push(
      diagnostic(
        'data-output-mismatch',
        `For ${describeTarget(sig)} the output activation should be ${want.activation}, but ${output.name} uses ${String(output.params.activation)}`,
        output.id,
        { kind: 'set-param', label: `Use ${want.activation}`, nodeId: output.id, param: 'activation', value: want.activation },
      ),
    );
  }
  return out;
}

/**
 * Sets the Input's shape and the output Dense's units and activation for the data, as the
 * "fit the model to the data" action does. Returns the graph unchanged where a layer is missing.
 */
export function wireModel(graph: Graph, analysis: Analysis, sig: DataSignature): Graph {
  let g = graph;
  const apply = (nodeId: string, key: string, value: number | string | number[]) => {
    const r = setParam(g, nodeId, key, value);
    if (r.ok) g = r.graph;
  };
  if (analysis.inputs.length === 1) apply(analysis.inputs[0] as string, 'shape', [...sig.featureShape]);
  const outputId = analysis.outputs.length === 1 ? (analysis.outputs[0] as string) : undefined;
  const output = graph.nodes.find((n) => n.id === outputId);
  if (output?.kind === 'Dense') {
    const want = outputFor(sig);
    apply(output.id, 'units', want.units);
    apply(output.id, 'activation', want.activation);
  }
  return g;
}
