import type { Diagnostic } from '../graph/diagnostics';
import type { Graph } from '../graph/types';
import type { CliIo } from './run-cli';

/** Prints each diagnostic on stderr, `severity [layer name]: message (code)`. */
export function printDiagnostics(graph: Graph, diagnostics: readonly Diagnostic[], io: Pick<CliIo, 'err'>): void {
  const byId = new Map(graph.nodes.map((n) => [n.id, n.name]));
  for (const d of diagnostics) io.err(`${d.severity}${d.nodeId === undefined ? '' : ` [${byId.get(d.nodeId) ?? d.nodeId}]`}: ${d.message} (${d.code})`);
}
