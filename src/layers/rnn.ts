import { lastDim } from '../graph/shape';
import type { Params, WrappedLayer } from '../graph/types';
import { assertNever } from '../lib/assert-never';
import { UserFileError } from '../lib/errors';
import { invariant } from '../lib/invariant';
import { defineLayer, fromKerasConfig, kerasCall, tfjsConfig } from './define-layer';
import type { KerasConfig, LayerLookup, Tf, TfLayer } from './layer-spec';
import { lstm } from './lstm';
import type { ParamSpecs, ParamValues } from './params';
import { defaultParams, layerListParam } from './params';
import { rnnParams, rnnShape } from './recurrent';
import { fail } from './shape-utils';
import { pyString } from '../lib/py-source';

const CELL_KINDS = ['LSTM', 'GRU', 'SimpleRNN'] as const;
type CellKind = (typeof CELL_KINDS)[number];
const isCellKind = (kind: string): kind is CellKind => (CELL_KINDS as readonly string[]).includes(kind);

/** Keras's cell class for each recurrent layer kind; a cell is its layer's step, config and all. */
const CELL_CLASS: Readonly<Record<CellKind, string>> = { LSTM: 'LSTMCell', GRU: 'GRUCell', SimpleRNN: 'SimpleRNNCell' };
const KIND_OF_CELL = new Map<string, CellKind>(CELL_KINDS.map((k) => [CELL_CLASS[k], k]));

/** The layer options a cell does not have: the RNN around the cells holds them. */
const SEQUENCE_OPTIONS = ['return_sequences', 'go_backwards'] as const;
const sequenceParams = { return_sequences: rnnParams.return_sequences, go_backwards: rnnParams.go_backwards };

const params = {
  cell: layerListParam(
    [{ kind: 'LSTM', params: { ...defaultParams(lstm.params), units: 32 } }],
    "The cells run at each step, each an LSTM, GRU or SimpleRNN step with its own settings. Several cells are stacked: each reads the previous one's output, and the last one's is the layer's.",
    CELL_KINDS,
    { unused: SEQUENCE_OPTIONS },
  ),
  ...sequenceParams,
};

type RnnParams = ParamValues<typeof params>;

/** A cell's param specs: its layer kind's, less the sequence options. */
function cellSpecs(lookup: LayerLookup, kind: CellKind): ParamSpecs {
  const all = lookup.spec(kind).params;
  return Object.fromEntries(Object.entries(all).filter(([key]) => !(SEQUENCE_OPTIONS as readonly string[]).includes(key)));
}

function cellKind(cell: WrappedLayer): CellKind {
  invariant(isCellKind(cell.kind), `an RNN cell must be ${CELL_KINDS.join(', ')}, not ${cell.kind}`);
  return cell.kind;
}

const units = (cell: WrappedLayer): number => Number(cell.params.units);

/** The tfjs cell, with Keras's defaults where tfjs's differ (as the LSTM layer sets them). */
function tfjsCell(tf: Tf, lookup: LayerLookup, cell: WrappedLayer, name: string) {
  const kind = cellKind(cell);
  const specs = cellSpecs(lookup, kind);
  switch (kind) {
    case 'LSTM':
      return tf.layers.lstmCell({ ...tfjsConfig<Parameters<Tf['layers']['lstmCell']>[0]>(tf, specs, cell.params, name), unitForgetBias: true });
    case 'GRU':
      return tf.layers.gruCell(tfjsConfig(tf, specs, cell.params, name));
    case 'SimpleRNN':
      return tf.layers.simpleRNNCell(tfjsConfig(tf, specs, cell.params, name));
    default:
      return assertNever(kind, 'cell kind');
  }
}

/** `layers.LSTMCell(32, ...)`; a GRUCell says reset_after=False, the only form tfjs runs. */
function kerasCell(lookup: LayerLookup, cell: WrappedLayer): string {
  const kind = cellKind(cell);
  return kerasCall(CELL_CLASS[kind], cellSpecs(lookup, kind), ['units'], cell.params, null, kind === 'GRU' ? ['reset_after=False'] : []);
}

const isRecord = (v: unknown): v is Readonly<Record<string, unknown>> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The `{class_name, config}` of each cell: Keras 2, Keras 3 and tfjs write a list of cells as a
 * StackedRNNCells cell; a bare list is read too.
 */
function cellEntries(config: KerasConfig): readonly unknown[] {
  const cell = config.cell;
  if (Array.isArray(cell)) return cell;
  if (isRecord(cell) && cell.class_name === 'StackedRNNCells') {
    const cells = isRecord(cell.config) ? cell.config.cells : undefined;
    if (Array.isArray(cells)) return cells;
  }
  return [cell];
}

function readCell(lookup: LayerLookup, entry: unknown, layer: string): WrappedLayer {
  const cls = isRecord(entry) && typeof entry.class_name === 'string' ? entry.class_name : undefined;
  const kind = cls === undefined ? undefined : KIND_OF_CELL.get(cls);
  if (kind === undefined || !isRecord(entry) || !isRecord(entry.config)) {
    throw new UserFileError(`RNN "${layer}" has a ${cls ?? 'missing'} cell; Netloom's RNN takes LSTMCell, GRUCell and SimpleRNNCell`);
  }
  const config = entry.config;
  if (kind === 'GRU' && config.reset_after === true) {
    throw new UserFileError(
      `RNN "${layer}" has a GRUCell with reset_after=True (the Keras default), which TensorFlow.js cannot run; ` +
        'rebuild it in Keras with GRUCell(..., reset_after=False)',
    );
  }
  const spec = lookup.spec(kind);
  const read = spec.fromKeras({ ...config, name: typeof config.name === 'string' ? config.name : layer });
  // A cell config has no sequence options; keep the layer kind's defaults so nothing disagrees.
  const unused: Params = Object.fromEntries(SEQUENCE_OPTIONS.map((key) => [key, spec.params[key]?.default ?? null]));
  return { kind, params: { ...read, ...unused } };
}

function readRnn(lookup: LayerLookup, config: KerasConfig): RnnParams {
  const layer = String(config.name);
  for (const key of ['return_state', 'stateful'] as const) {
    if (config[key] === true) throw new UserFileError(`RNN "${layer}" has ${key}=True, which Netloom does not support`);
  }
  const entries = cellEntries(config);
  const cell = entries.map((entry) => readCell(lookup, entry, layer));
  if (cell.length === 0) throw new UserFileError(`RNN "${layer}" has no cells`);
  // tfjs writes its cells twice (`cells` beside `cell`) and copies a single cell's settings onto
  // the layer: those were read with the cells, so they count as read here too.
  void config.cells;
  for (const entry of entries) for (const key of Object.keys(isRecord(entry) && isRecord(entry.config) ? entry.config : {})) void config[key];
  return { cell, ...(fromKerasConfig(sequenceParams, config) as ParamValues<typeof sequenceParams>) };
}

/**
 * Keras's generic `RNN(cell)`: runs one cell, or a stack of cells, over the time steps. Made by
 * the registry, which passes the cell kinds' specs (a cell is its layer kind's params, less the
 * sequence options, which the RNN holds).
 */
export function rnnLayer(lookup: LayerLookup) {
  return defineLayer({
    kind: 'RNN',
    kerasClass: 'RNN',
    category: 'Recurrent',
    keywords: ['sequence', 'stacked', 'cell'],
    description:
      'Runs recurrent cells (LSTM, GRU, SimpleRNN steps) over the sequence; several cells are stacked within one layer, each feeding the next at every step.',
    params,
    arity: { min: 1, max: 1 },
    positional: ['cell'],
    inferShape: ([input = []], p, ctx) => {
      const last = p.cell.at(-1);
      if (last === undefined) return fail('invalid-param', `RNN ${ctx.name} needs at least one cell`);
      return rnnShape(input, units(last), p.return_sequences, 'RNN', ctx);
    },
    countParams: ([input = []], p) => {
      // Each cell reads the previous cell's output at every step.
      let features = lastDim(input);
      let trainable = 0;
      let nonTrainable = 0;
      for (const cell of p.cell) {
        const count = lookup.spec(cell.kind).countParams([[null, input[1] ?? null, features]], cell.params, []);
        trainable += count.trainable;
        nonTrainable += count.nonTrainable;
        features = units(cell);
      }
      return { trainable, nonTrainable };
    },
    toTfjs: (tf: Tf, p, name) => {
      const cells = p.cell.map((cell, i) => tfjsCell(tf, lookup, cell, `${name}_cell_${i + 1}`));
      // One cell is passed as itself, as Keras's RNN(cell) does; a list becomes StackedRNNCells.
      const cell = cells.length === 1 && cells[0] !== undefined ? cells[0] : cells;
      return tf.layers.rnn({ cell, returnSequences: p.return_sequences, goBackwards: p.go_backwards, name }) as TfLayer;
    },
    toKeras: (p, name) => {
      const cells = p.cell.map((cell) => kerasCell(lookup, cell));
      const args = [cells.length === 1 ? (cells[0] as string) : `[${cells.join(', ')}]`];
      for (const key of SEQUENCE_OPTIONS) if (p[key]) args.push(`${key}=True`);
      if (name !== null) args.push(`name=${pyString(name)}`);
      return `layers.RNN(${args.join(', ')})`;
    },
    fromKeras: (config) => readRnn(lookup, config),
  });
}
