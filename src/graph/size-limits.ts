import type { Diagnostic } from './diagnostics';
import { diagnostic } from './diagnostics';
import type { LayerNode, ParamCount } from './types';
import { formatCount } from '../lib/format-count';

/** Values one layer may hold: a float32 tensor of 2^28 values is 1 GiB, about what a browser allocates at once. */
export const MAX_LAYER_PARAMS = 2 ** 28;
/** Parameters a whole model may hold: 250 million float32 weights are 1 GB before training adds its own. */
export const MAX_MODEL_PARAMS = 250_000_000;
/** Above this, training (weights, gradients and Adam's two moments: 16 bytes a parameter) may run out of memory. */
export const LARGE_MODEL_PARAMS = 25_000_000;
/** Layers deep TF.js can build: its graph walk recurses once per layer (about 4,400 deep in Node's default stack). */
export const MAX_DEPTH = 2_000;

/** Bytes as people read them, from a number of float32 values. */
function bytes(values: number): string {
  const b = values * 4;
  return b >= 1e9 ? `${(b / 1e9).toFixed(1)} GB` : b >= 1e6 ? `${(b / 1e6).toFixed(0)} MB` : `${Math.ceil(b / 1e3)} KB`;
}

/**
 * Problems of size, before anything is allocated: a layer over MAX_LAYER_PARAMS (on that layer),
 * a model over MAX_MODEL_PARAMS (an error) or LARGE_MODEL_PARAMS (a warning) on its largest
 * layer, and a chain deeper than MAX_DEPTH (on the layer where it passes the limit).
 */
export function sizeDiagnostics(nodes: readonly LayerNode[], counts: ReadonlyMap<string, ParamCount>, depth: ReadonlyMap<string, number>): Diagnostic[] {
  const out: Diagnostic[] = [];
  let total = 0;
  let largest: { node: LayerNode; params: number } | undefined;
  for (const node of nodes) {
    const c = counts.get(node.id);
    const params = c ? c.trainable + c.nonTrainable : 0;
    total += params;
    if (!largest || params > largest.params) largest = { node, params };
    if (params > MAX_LAYER_PARAMS) {
      out.push(
        diagnostic(
          'too-large',
          `${node.name} would have ${formatCount(params)} parameters (${bytes(params)}); one layer can hold at most ${formatCount(MAX_LAYER_PARAMS)} (1 GB) in a browser: make it smaller`,
          node.id,
        ),
      );
    }
  }
  if (largest && out.length === 0) {
    const where = `the largest layer is ${largest.node.name} with ${formatCount(largest.params)}`;
    if (total > MAX_MODEL_PARAMS) {
      out.push(
        diagnostic(
          'too-large',
          `The model would have ${formatCount(total)} parameters (${bytes(total)}); a browser holds at most ${formatCount(MAX_MODEL_PARAMS)}: ${where}`,
          largest.node.id,
        ),
      );
    } else if (total > LARGE_MODEL_PARAMS) {
      out.push(
        diagnostic(
          'large-model',
          `The model has ${formatCount(total)} parameters (${bytes(total)} of weights); training it here needs about ${bytes(total * 4)} and may run out of memory (${where})`,
          largest.node.id,
        ),
      );
    }
  }
  const deepest = nodes.find((n) => (depth.get(n.id) ?? 0) > MAX_DEPTH);
  if (deepest) {
    out.push(
      diagnostic(
        'too-large',
        `The model is more than ${formatCount(MAX_DEPTH)} layers deep at ${deepest.name}; TF.js builds models up to about ${formatCount(MAX_DEPTH)} layers deep`,
        deepest.id,
      ),
    );
  }
  return out;
}
