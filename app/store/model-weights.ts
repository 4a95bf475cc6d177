import type { WeightValues } from '../../src/compile/tfjs-weights';
import { modelKey } from '../../src/graph/model-key';
import type { Graph } from '../../src/graph/types';

/** Weights for one model: trained here, imported with a model.json, or opened with a project. */
export interface ModelWeights {
  /** The `modelKey` of the graph they belong to. */
  readonly key: string;
  readonly weights: readonly WeightValues[];
  /** Where they came from, for what the page says about them. */
  readonly source: 'trained' | 'imported';
  /**
   * The epochs of training that made them, when known: from a run here, a kept run restored, or a
   * project file that saved the count with its weights. A run that continues from them counts its
   * epochs on from there. Absent when unknown (a model.json's weights, an older project file).
   */
  readonly epochs?: number;
}

/** What the Train tab says about weights that fit the model: how many epochs made them, when that is known. */
export function weightsStateText(held: ModelWeights): string {
  if (held.epochs === undefined) return `Current weights: ${held.source === 'trained' ? 'trained' : 'loaded'}, epochs unknown`;
  if (held.epochs === 0) return 'Current weights: untrained';
  return `Current weights: trained for ${held.epochs} epoch${held.epochs === 1 ? '' : 's'}`;
}

// A pure memo, not state: graphs are never mutated, and an entry goes with its graph.
const keys = new WeakMap<Graph, string>();

/** `modelKey(graph)`, computed once per graph object: selectors ask on every store change. */
export function graphKeyOf(graph: Graph): string {
  let key = keys.get(graph);
  if (key === undefined) {
    key = modelKey(graph);
    keys.set(graph, key);
  }
  return key;
}

/** The weights that fit `graph`, or null when there are none or they belong to another model. */
export function weightsFor(graph: Graph, held: ModelWeights | null): ModelWeights | null {
  return held !== null && held.key === graphKeyOf(graph) ? held : null;
}
