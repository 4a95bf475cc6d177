import type * as tfjs from '@tensorflow/tfjs';
import { analyze } from '../analysis/analyze';
import type { Analysis } from '../analysis/analyze';
import type { Diagnostic } from '../graph/diagnostics';
import type { Graph, LayerNode } from '../graph/types';
import { invariant } from '../lib/invariant';
import type { Tf, TfLayer } from '../layers/layer-spec';
import { layerSpec } from '../layers/registry';
import { registerNetloomLayers } from '../layers/tfjs-extra';

/** Thrown when a graph with errors is compiled; carries the diagnostics to show. */
export class GraphError extends Error {
  constructor(readonly diagnostics: readonly Diagnostic[]) {
    super(`The model has ${diagnostics.length} problem${diagnostics.length === 1 ? '' : 's'}:\n` + diagnostics.map((d) => `- ${d.message}`).join('\n'));
    this.name = 'GraphError';
  }
}

/**
 * Marks a layer frozen, as Keras's `layer.trainable = False` does: the optimizer leaves its
 * weights alone, and a BatchNormalization runs in inference mode (its moving statistics stay
 * too), which tfjs 4.22 does not do by itself. The check is made at call time, so unfreezing the
 * layer later trains it normally again.
 */
export function freeze(layer: TfLayer): void {
  layer.trainable = false;
  const marked = layer as TfLayer & { [INFERENCE_WHEN_FROZEN]?: true };
  if (layer.getClassName() !== 'BatchNormalization' || marked[INFERENCE_WHEN_FROZEN]) return;
  marked[INFERENCE_WHEN_FROZEN] = true;
  const call = layer.call.bind(layer);
  layer.call = (inputs, kwargs) => call(inputs, layer.trainable ? kwargs : { ...kwargs, training: false });
}

const INFERENCE_WHEN_FROZEN = Symbol('netloom.inferenceWhenFrozen');

/**
 * Sets every layer of a model built from `graph` frozen or trainable as the graph now says, so a
 * run that continues from earlier weights follows freezes made since. Takes effect at the next
 * `compile`, which is when tfjs collects the trainable weights.
 */
export function applyTrainable(model: tfjs.LayersModel, graph: Graph): void {
  for (const node of graph.nodes) {
    if (node.kind === 'Input') continue;
    const layer = model.getLayer(node.name);
    if (node.trainable === false) freeze(layer);
    else layer.trainable = true;
  }
}

/**
 * Builds a `tf.LayersModel` from a graph with the functional API: layers are created in
 * topological order and named as in the graph, so weights are `<layer>/<param>`. Inputs are the
 * Input layers and outputs the unconsumed layers, both in graph order. Throws GraphError when the
 * analysis has errors (warnings are fine: Keras builds those models too).
 */
export function toTfjsModel(tf: Tf, graph: Graph, name = 'model', analysis: Analysis = analyze(graph)): tfjs.LayersModel {
  const errors = analysis.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) throw new GraphError(errors);
  registerNetloomLayers(tf);
  const byId = new Map<string, LayerNode>(graph.nodes.map((n) => [n.id, n]));
  const tensors = new Map<string, tfjs.SymbolicTensor>();
  for (const id of analysis.order) {
    const node = byId.get(id);
    invariant(node, `node ${id} in order but not in graph`);
    const layer = layerSpec(node.kind).toTfjs(tf, node.params, node.name);
    if (node.trainable === false) freeze(layer);
    if (node.kind === 'Input') {
      const out = layer.inboundNodes[0]?.outputTensors[0];
      invariant(out, `input layer ${node.name} has no output tensor`);
      tensors.set(id, out);
      continue;
    }
    const inputs = (analysis.nodes[id]?.inputs ?? []).map((src) => tensors.get(src));
    invariant(
      inputs.every((t) => t !== undefined),
      `inputs of ${node.name} not built yet`,
    );
    const applied = layer.apply(inputs.length === 1 ? (inputs[0] as tfjs.SymbolicTensor) : (inputs as tfjs.SymbolicTensor[]));
    tensors.set(id, applied as tfjs.SymbolicTensor);
  }
  const pick = (ids: readonly string[]) => ids.map((id) => tensors.get(id) as tfjs.SymbolicTensor);
  return tf.model({ inputs: pick(analysis.inputs), outputs: pick(analysis.outputs), name });
}
