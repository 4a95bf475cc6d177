import { useMemo } from 'react';
import { fineTunePlan, fineTuneProblem } from '../../src/compile/fine-tune-plan';
import { useStore } from '../store/store';

/** What phase 2 of the fine-tune preset would unfreeze (layer names), and why it cannot run; null while the preset is off. */
export interface FineTunePreview {
  readonly unfrozen: readonly string[];
  readonly problem: string | null;
}

/** The preset's phase 2 for the current graph, recomputed only when the graph or the preset changes. */
export function useFineTunePlan(): FineTunePreview | null {
  const graph = useStore((s) => s.graph);
  const fineTune = useStore((s) => s.fineTune);
  return useMemo(() => {
    if (!fineTune.enabled) return null;
    const plan = fineTunePlan(graph, fineTune.unfreeze);
    const names = new Map(graph.nodes.map((n) => [n.id, n.name]));
    return { unfrozen: plan.unfrozen.map((id) => names.get(id) ?? id), problem: fineTuneProblem(plan) };
  }, [graph, fineTune]);
}
