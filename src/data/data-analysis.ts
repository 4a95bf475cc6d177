import type { Analysis, NodeAnalysis } from '../analysis/analyze';
import type { Graph } from '../graph/types';
import { dataDiagnostics } from './wiring';
import type { DataSignature } from './wiring';

/**
 * The graph's analysis with the problems between the model and the chosen data added, each on its
 * node, so the canvas, the data-fit verdict, the Train button and the CLI all read one list. The
 * base analysis comes back as it is when there is no data or nothing to add.
 */
export function withDataDiagnostics(graph: Graph, base: Analysis, signature: DataSignature | null): Analysis {
  if (signature === null) return base;
  const extra = dataDiagnostics(graph, base, signature);
  if (extra.length === 0) return base;
  const nodes: Record<string, NodeAnalysis> = { ...base.nodes };
  for (const d of extra) {
    const node = d.nodeId === undefined ? undefined : nodes[d.nodeId];
    if (node && d.nodeId !== undefined) nodes[d.nodeId] = { ...node, diagnostics: [...node.diagnostics, d] };
  }
  const diagnostics = [...base.diagnostics, ...extra];
  return { ...base, nodes, diagnostics, hasErrors: diagnostics.some((d) => d.severity === 'error') };
}
