/**
 * Weight names across Keras 2, Keras 3 and tfjs: `sequential/dense/kernel:0`,
 * `dense/kernel`, `lstm/lstm_cell/kernel`, `bi/forward_lstm/lstm_cell/kernel` all name one
 * `<layer>/<param>`; these helpers bring them to the imported graph's layer names (and an RNN's
 * stacked cells to tfjs's `RNNCell_<i>`).
 */
import { sanitizeLayerName } from '../graph/names';
import { UserFileError } from '../lib/errors';
import { normaliseTopology } from './keras-topology';

/** The file's layer names mapped to the imported graph's, and the model's own name. */
export interface LayerNaming {
  readonly modelName: string;
  readonly names: ReadonlyMap<string, string>;
  /** The cell names of each RNN layer with a list of cells, in order, by the file's layer name. */
  readonly cells: ReadonlyMap<string, readonly string[]>;
}

const isRecord = (value: unknown): value is Readonly<Record<string, unknown>> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The names of an RNN's stacked cells (`cell` a StackedRNNCells, or a bare list), in order. */
function stackedCellNames(config: Readonly<Record<string, unknown>>): string[] {
  const cell = config.cell;
  const list = Array.isArray(cell) ? cell : isRecord(cell) && isRecord(cell.config) && Array.isArray(cell.config.cells) ? cell.config.cells : [];
  return list.map((c: unknown) => (isRecord(c) && isRecord(c.config) && typeof c.config.name === 'string' ? c.config.name : ''));
}

/**
 * The graph name of every layer in the file, made valid and unique exactly as
 * `graphFromKerasModel` makes them (same order, same rule), so weights follow their layers.
 */
export function layerNaming(json: unknown): LayerNaming {
  const topology = normaliseTopology(json);
  const taken = new Set<string>();
  const names = new Map<string, string>();
  const cells = new Map<string, readonly string[]>();
  for (const layer of topology.layers) {
    const name = sanitizeLayerName(layer.name, taken);
    taken.add(name);
    names.set(layer.name, name);
    if (layer.className === 'RNN') cells.set(layer.name, stackedCellNames(layer.config));
  }
  return { modelName: topology.modelName, names, cells };
}

/**
 * An RNN's stacked-cell scopes as tfjs names them: Keras's `stacked_rnn_cells/gru_cell/kernel`
 * (cells named as in the layer's config) becomes `RNNCell_1/kernel` for the second cell.
 */
function tfjsCellScope(rest: readonly string[], cellNames: readonly string[] | undefined): readonly string[] {
  if (cellNames === undefined) return rest;
  const at = rest.findIndex((part, i) => i < rest.length - 1 && part !== '' && cellNames.includes(part));
  return at < 0 ? rest : [`RNNCell_${cellNames.indexOf(rest[at] as string)}`, ...rest.slice(at + 1)];
}

/**
 * A file weight name as `<graph layer>/<rest>`: the `:0` suffix of TF variables dropped,
 * Keras 3's leading `<model name>/` stripped, and a stacked RNN cell's scope written as tfjs's
 * `RNNCell_<i>`, `i` its place in the layer's config. A weight that belongs to no layer is a UserFileError.
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
  return [graphName, ...tfjsCellScope(rest, naming.cells.get(layer))].join('/');
}

/**
 * The part of a weight name after its layer, in a form that ignores how each framework names
 * inner layers: scopes between the layer and the weight (RNN cells `lstm_cell/`, the layer inside
 * a TimeDistributed, Keras 3's `td/dense/kernel`) are dropped, and Bidirectional halves are
 * `forward/` and `backward/` (tfjs writes `forward_forward_bi/`, Keras `forward_lstm/`). Stacked
 * RNN cells keep their index (`RNNCell_1/kernel`, see `graphWeightName`), else two cells' kernels
 * would be one; the first cell's is dropped, so a one-cell stack matches a plain cell.
 */
export function paramKey(name: string): string {
  const [, ...rest] = name.split('/');
  const last = rest.length - 1;
  return rest
    .filter((part, i) => i === last || /^(forward|backward)(_|$)/.test(part) || /^RNNCell_[1-9]\d*$/.test(part))
    .map((part, i, kept) => (i === kept.length - 1 ? part : part.replace(/^(forward|backward).*$/, '$1')))
    .join('/');
}
