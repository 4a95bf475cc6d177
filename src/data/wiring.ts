import type { Analysis } from '../analysis/analyze';
import type { Diagnostic } from '../graph/diagnostics';
import { diagnostic } from '../graph/diagnostics';
import { setParam } from '../analysis/ops';
import { formatShape } from '../graph/shape';
import type { Graph, LayerNode } from '../graph/types';
import { assertNever } from '../lib/assert-never';
import type { Loss } from '../settings/training';
import type { TargetEncoding } from './types';

/** What the model must accept and produce for a dataset: one sample's x, and the target. */
export interface DataSignature {
  /** One sample of x, e.g. [4] or [28, 28, 1]. */
  readonly featureShape: readonly number[];
  readonly task: 'classification' | 'regression';
  /** Number of classes (classification). */
  readonly classes: number;
  /** How the target is encoded; decides the output size and the loss. */
  readonly encoding: 'onehot' | 'integer' | 'binary' | 'regression';
  /** When x holds a text column's token ids: the column and its vocabulary size (ids are 0..size-1). */
  readonly text?: { readonly column: string; readonly vocabularySize: number };
}

/** An output layer that fits a target: its units and activation, and the Keras loss for it. */
export interface OutputForm {
  readonly units: number;
  readonly activation: 'softmax' | 'sigmoid' | 'linear';
  readonly loss: Loss;
}

const SIGMOID: OutputForm = { units: 1, activation: 'sigmoid', loss: 'binary_crossentropy' };
const softmax = (classes: number, loss: Loss = 'categorical_crossentropy'): OutputForm => ({ units: classes, activation: 'softmax', loss });

/**
 * Every output that fits the target, the one its encoding names first. Two classes fit both
 * `Dense(1, sigmoid)` with binary cross-entropy and the Keras seed's `Dense(2, softmax)` with
 * categorical cross-entropy.
 */
export function outputForms(sig: DataSignature): readonly OutputForm[] {
  switch (sig.encoding) {
    case 'onehot':
      return sig.classes === 2 ? [softmax(2), SIGMOID] : [softmax(sig.classes)];
    case 'integer':
      return sig.classes === 2 ? [softmax(2, 'sparse_categorical_crossentropy'), SIGMOID] : [softmax(sig.classes, 'sparse_categorical_crossentropy')];
    case 'binary':
      return [SIGMOID, softmax(2)];
    case 'regression':
      return [{ units: 1, activation: 'linear', loss: 'mean_squared_error' }];
    default:
      return assertNever(sig.encoding, 'target encoding');
  }
}

/** The output the target's encoding asks for first (what "Fit the model to this data" sets). */
export function outputFor(sig: DataSignature): OutputForm {
  return outputForms(sig)[0] as OutputForm;
}

/**
 * How the target must be encoded for a model whose output has `units` and trains with `loss`:
 * the encoding follows the model, so one dataset trains both forms of a two-class output.
 */
export function targetEncodingFor(sig: DataSignature, units: number, loss: Loss): TargetEncoding {
  if (sig.task === 'regression') return 'regression';
  if (units === 1 && sig.classes === 2) return 'binary';
  return loss === 'sparse_categorical_crossentropy' ? 'integer' : 'onehot';
}

/**
 * Why `loss` cannot train an output of `units` on this target, or null: categorical losses need
 * one output per class, binary cross-entropy a single sigmoid (or one per class), regression a
 * regression loss.
 */
export function lossProblem(sig: DataSignature, units: number, loss: Loss): string | null {
  const classLoss = loss.endsWith('crossentropy');
  if (sig.task === 'regression') return classLoss ? `${loss} is a classification loss, but the target is a number; use mean_squared_error` : null;
  if (!classLoss) return `${loss} is a regression loss, but the target has ${sig.classes} classes; use ${outputFor(sig).loss}`;
  if (units === 1 && loss !== 'binary_crossentropy') return `an output of 1 unit needs binary_crossentropy, not ${loss}`;
  return null;
}

const describeTarget = (sig: DataSignature) => (sig.encoding === 'regression' ? 'a number to predict' : `${sig.classes} classes`);

const formLabel = (form: OutputForm, setUnits: boolean) =>
  `${setUnits ? `${form.units} unit${form.units === 1 ? '' : 's'}, ` : ''}${form.activation}${form.units > 1 || form.activation === 'sigmoid' ? ` (${form.loss.replace(/_/g, ' ')})` : ''}`;

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
  if (sig.text) out.push(...textDiagnostics(graph, input, sig.text));
  const output = byId.get(analysis.outputs[0] as string) as LayerNode;
  const got = analysis.nodes[output.id]?.shape;
  const forms = outputForms(sig);
  const fits = forms.find((f) => got?.length === 2 && got[1] === f.units);
  const fixes = (setUnits: boolean) =>
    output.kind === 'Dense' && got?.length === 2
      ? forms.map((f) => ({
          kind: 'set-output' as const,
          label: `Use ${formLabel(f, setUnits)}`,
          nodeId: output.id,
          units: f.units,
          activation: f.activation,
          loss: f.loss,
        }))
      : [];
  if (got && !fits) {
    const shapes = forms.map((f) => `(None, ${f.units})`).join(' or ');
    out.push(
      diagnostic(
        'data-output-mismatch',
        `The target has ${describeTarget(sig)}, so the output must be ${shapes}, but ${output.name} outputs ${formatShape(got)}`,
        output.id,
        ...fixes(true),
      ),
    );
  } else if (fits && output.kind === 'Dense' && output.params.activation !== fits.activation) {
    const sameUnits = forms.filter((f) => f.units === fits.units);
    out.push(
      diagnostic(
        'data-output-mismatch',
        `For ${describeTarget(sig)} an output of ${fits.units} unit${fits.units === 1 ? '' : 's'} should use ${fits.activation}, but ${output.name} uses ${String(output.params.activation)}`,
        output.id,
        ...sameUnits.map((f) => ({
          kind: 'set-output' as const,
          label: `Use ${f.activation}`,
          nodeId: output.id,
          units: f.units,
          activation: f.activation,
          loss: f.loss,
        })),
        ...fixes(true).filter((f) => f.units !== fits.units),
      ),
    );
  }
  return out;
}

/** The layer the Input feeds, when it feeds exactly one. */
function firstLayer(graph: Graph, input: LayerNode): LayerNode | undefined {
  const next = graph.edges.filter((e) => e.source === input.id).map((e) => e.target);
  return next.length === 1 ? graph.nodes.find((n) => n.id === next[0]) : undefined;
}

/**
 * The layers that turn token ids into vectors, with the param that sizes their lookup table:
 * Keras's Embedding and KerasHub's TokenAndPositionEmbedding.
 */
const TOKEN_TABLES: Readonly<Partial<Record<LayerNode['kind'], string>>> = { Embedding: 'input_dim', TokenAndPositionEmbedding: 'vocabulary_size' };

/** The first layer when it looks token ids up, with the param naming its table size. */
function tokenTable(graph: Graph, input: LayerNode): { readonly node: LayerNode; readonly param: string } | undefined {
  const node = firstLayer(graph, input);
  const param = node ? TOKEN_TABLES[node.kind] : undefined;
  return node && param ? { node, param } : undefined;
}

/**
 * A text column's token ids need an Embedding (or TokenAndPositionEmbedding) first, with a row
 * for every id: a smaller table looks up ids past its end.
 */
function textDiagnostics(graph: Graph, input: LayerNode, text: NonNullable<DataSignature['text']>): Diagnostic[] {
  const table = tokenTable(graph, input);
  const size = text.vocabularySize;
  if (table === undefined) {
    return [
      diagnostic(
        'data-text-needs-embedding',
        `The data is the token ids of the text column "${text.column}" (0 to ${size - 1}); a model for text starts with Embedding(input_dim=${size}) ` +
          `or TokenAndPositionEmbedding(vocabulary_size=${size}) after ${input.name}`,
        firstLayer(graph, input)?.id ?? input.id,
      ),
    ];
  }
  const { node, param } = table;
  const dim = node.params[param];
  if (typeof dim === 'number' && dim >= size) return [];
  return [
    diagnostic(
      'data-embedding-too-small',
      `The vocabulary of "${text.column}" has ${size} entries, but ${node.name} has ${param} ${String(dim)}; token ids past it have no vector`,
      node.id,
      { kind: 'set-param', label: `Set ${param} to ${size}`, nodeId: node.id, param, value: size },
    ),
  ];
}

/**
 * Sets the Input's shape, a text model's token table (Embedding `input_dim`, or a
 * TokenAndPositionEmbedding's `vocabulary_size` and `sequence_length`) when smaller than the data
 * needs, and the output Dense's units and activation for the data, as the
 * "fit the model to the data" action does. Returns the graph unchanged where a layer is missing.
 */
export function wireModel(graph: Graph, analysis: Analysis, sig: DataSignature): Graph {
  let g = graph;
  const apply = (nodeId: string, key: string, value: number | string | number[]) => {
    const r = setParam(g, nodeId, key, value);
    if (r.ok) g = r.graph;
  };
  if (analysis.inputs.length === 1) apply(analysis.inputs[0] as string, 'shape', [...sig.featureShape]);
  const input = graph.nodes.find((n) => n.id === analysis.inputs[0]);
  const table = input && sig.text ? tokenTable(graph, input) : undefined;
  if (table && sig.text) {
    const dim = table.node.params[table.param];
    if (!(typeof dim === 'number' && dim >= sig.text.vocabularySize)) apply(table.node.id, table.param, sig.text.vocabularySize);
    // Its position table is sized to the longest sequence; the data's length is all it needs.
    const length = sig.featureShape[0];
    if (table.node.kind === 'TokenAndPositionEmbedding' && length !== undefined) apply(table.node.id, 'sequence_length', length);
  }
  const outputId = analysis.outputs.length === 1 ? (analysis.outputs[0] as string) : undefined;
  const output = graph.nodes.find((n) => n.id === outputId);
  if (output?.kind === 'Dense') {
    const want = outputFor(sig);
    apply(output.id, 'units', want.units);
    apply(output.id, 'activation', want.activation);
  }
  return g;
}
