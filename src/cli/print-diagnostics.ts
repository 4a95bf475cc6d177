import type { Analysis } from '../analysis/analyze';
import type { Graph } from '../graph/types';
import type { CliIo } from './run-cli';

/** Prints each of the analysis's diagnostics on stderr, `severity [layer name]: message (code)`. */
export function printDiagnostics(graph: Graph, analysis: Analysis, io: Pick<CliIo, 'err'>): void {
  const byId = new Map(graph.nodes.map((n) => [n.id, n.name]));
  for (const d of analysis.diagnostics)
    io.err(`${d.severity}${d.nodeId === undefined ? '' : ` [${byId.get(d.nodeId) ?? d.nodeId}]`}: ${d.message} (${d.code})`);
}
