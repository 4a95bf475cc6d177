import type { StateCreator } from 'zustand';
import { attachHeadForData } from '../../src/data/head';
import { cutAfter, setTrainableThrough } from '../../src/analysis/surgery';
import { groupSelection } from '../../src/graph/group-selection';
import { groupById, groupOutput, memberIds } from '../../src/graph/groups';
import { newId } from '../../src/lib/ids';
import { analysisOf } from './analysis';
import type { Outcome } from './group-slice';
import type { Store } from './store';

/**
 * Transfer learning on the canvas (docs/surgery.md): freeze a base, cut it, attach a new head,
 * group layers as a nested model. Each is one undo step; a refusal shows its reason as a notice
 * and returns it.
 */
export interface SurgerySlice {
  /** Freezes (false) or unfreezes (true) layers or groups `ids` and every layer before them. */
  setTrainableThrough(ids: readonly string[], trainable: boolean): void;
  /** "Use as feature extractor": removes everything downstream of layer (or group) `id`. */
  cutAfter(id: string): Outcome;
  /** "Attach a new head for this data" after layer (or group) `id`, replacing what followed it. */
  attachHead(id: string): Outcome;
  /** Groups the selected layers as a collapsed nested model and selects it. */
  groupSelected(): Outcome;
}

export const createSurgerySlice: StateCreator<Store, [], [], SurgerySlice> = (set, get) => {
  const refuse = (reason: string): Outcome => {
    get().showNotice({ kind: 'error', text: reason });
    return { ok: false, reason };
  };
  /** The layer a canvas id stands for here: a group's output layer. */
  const layerOf = (id: string): string | undefined => {
    const { graph } = get();
    const group = groupById(graph, id);
    return group ? groupOutput(graph, group) : id;
  };

  return {
    setTrainableThrough(ids, trainable) {
      set((s) => ({ graph: memberIds(s.graph, ids).reduce((g, member) => setTrainableThrough(g, member, trainable), s.graph) }));
    },
    cutAfter(id) {
      const layer = layerOf(id);
      if (layer === undefined) return refuse('This group has no single output layer; expand it and pick one');
      const result = cutAfter(get().graph, layer);
      if (!result.ok) return refuse(result.reason);
      set({ graph: result.graph, selectedNodes: [id], selectedEdges: [] });
      return { ok: true };
    },
    attachHead(id) {
      const layer = layerOf(id);
      if (layer === undefined) return refuse('This group has no single output layer; expand it and pick one');
      const { graph, dataSignature } = get();
      const result = attachHeadForData(graph, analysisOf(graph, dataSignature), layer, dataSignature);
      if (!result.ok) return refuse(result.reason);
      const { loss } = result;
      set((s) => ({ graph: result.graph, selectedNodes: result.added.slice(-1), selectedEdges: [], training: loss ? { ...s.training, loss } : s.training }));
      return { ok: true };
    },
    groupSelected() {
      const { graph, selectedNodes } = get();
      const result = groupSelection(graph, newId('group'), selectedNodes);
      if (!result.ok) return refuse(result.reason);
      set({ graph: result.graph, selectedNodes: [result.group.id], selectedEdges: [] });
      return { ok: true };
    },
  };
};
