/**
 * Project files of version 2 -> 3, as raw JSON: ZeroPadding2D's symmetric `padding: [rows, cols]`
 * becomes `[[rows, rows], [cols, cols]]`, and Bidirectional's flat LSTM/GRU params become its
 * wrapped `layer`. Anything else passes through for the schema to judge.
 */
const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The old Bidirectional keys that belonged to the recurrent layer it wrapped. */
const BIDIRECTIONAL_INNER = [
  'units',
  'activation',
  'recurrent_activation',
  'use_bias',
  'return_sequences',
  'dropout',
  'recurrent_dropout',
  'kernel_initializer',
  'recurrent_initializer',
];

function migrateParams(kind: unknown, params: Record<string, unknown>): Record<string, unknown> {
  if (kind === 'ZeroPadding2D' && Array.isArray(params.padding) && params.padding.every((n) => typeof n === 'number')) {
    return { ...params, padding: params.padding.map((n: number) => [n, n]) };
  }
  if (kind === 'Bidirectional' && !isRecord(params.layer)) {
    const inner = Object.fromEntries(BIDIRECTIONAL_INNER.filter((k) => k in params).map((k) => [k, params[k]]));
    const out: Record<string, unknown> = { layer: { kind: typeof params.layer === 'string' ? params.layer : 'LSTM', params: inner } };
    if ('merge_mode' in params) out.merge_mode = params.merge_mode;
    return out;
  }
  return params;
}

/** The v2 graph of a document with its nodes' params in v3 form. */
export function migrateGraphV2(graph: Record<string, unknown>): Record<string, unknown> {
  if (!Array.isArray(graph.nodes)) return graph;
  const nodes = graph.nodes.map((node: unknown) =>
    isRecord(node) && isRecord(node.params) ? { ...node, params: migrateParams(node.kind, node.params) } : node,
  );
  return { ...graph, nodes };
}
