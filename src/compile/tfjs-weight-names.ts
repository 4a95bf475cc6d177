/**
 * Weight names across Keras 2, Keras 3 and tfjs: `sequential/dense/kernel:0`,
 * `dense/kernel`, `lstm/lstm_cell/kernel`, `bi/forward_lstm/lstm_cell/kernel` all name one
 * `<layer>/<param>`; these helpers bring them to the imported graph's layer names.
 */
import { sanitizeLayerName } from '../graph/names';
import { UserFileError } from '../lib/errors';
import { normaliseTopology } from './keras-topology';

/** The file's layer names mapped to the imported graph's, and the model's own name. */
export interface LayerNaming {
  readonly modelName: string;
  readonly names: ReadonlyMap<string, string>;
}

/**
 * The graph name of every layer in the file, made valid and unique exactly as
 * `graphFromKerasModel` makes them (same order, same rule), so weights follow their layers.
 */
export function layerNaming(json: unknown): LayerNaming {
  const topology = normaliseTopology(json);
  const taken = new Set<string>();
  const names = new Map<string, string>();
  for (const layer of topology.layers) {
    const name = sanitizeLayerName(layer.name, taken);
    taken.add(name);
    names.set(layer.name, name);
  }
  return { modelName: topology.modelName, names };
}

/**
 * A file weight name as `<graph layer>/<rest>`: the `:0` suffix of TF variables dropped and
 * Keras 3's leading `<model name>/` stripped. A weight that belongs to no layer is a UserFileError.
 */
export function graphWeightName(raw: string, naming: LayerNaming): string {
  const parts = raw.replace(/:\d+$/, '').split('/');
  const [first = '', second = ''] = parts;
  const prefixed = first === naming.modelName && parts.length >= 3 && naming.names.has(second);
  const [layer = '', ...rest] = prefixed ? parts.slice(1) : parts;
  const graphName = naming.names.get(layer);
  if (graphName === undefined || rest.length === 0) {
    throw new UserFileError(`weight "${raw}" in the weights manifest belongs to no layer of the model`);
  }
  return [graphName, ...rest].join('/');
}

/**
 * The part of a weight name after its layer, in a form that ignores how each framework names
 * inner layers: scopes between the layer and the weight (RNN cells `lstm_cell/`, the layer inside
 * a TimeDistributed, Keras 3's `td/dense/kernel`) are dropped, and Bidirectional halves are
 * `forward/` and `backward/` (tfjs writes `forward_forward_bi/`, Keras `forward_lstm/`).
 */
export function paramKey(name: string): string {
  const [, ...rest] = name.split('/');
  const last = rest.length - 1;
  return rest
    .filter((part, i) => i === last || /^(forward|backward)(_|$)/.test(part))
    .map((part, i, kept) => (i === kept.length - 1 ? part : part.replace(/^(forward|backward).*$/, '$1')))
    .join('/');
}
