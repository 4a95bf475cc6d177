import type { StateCreator } from 'zustand';
import { blockSpec } from '../../src/analysis/blocks';
import { groupById, groupOf, setGroupCollapsed, ungroup } from '../../src/graph/groups';
import type { Store } from './store';

/** An edit that may be refused, with the reason to show. */
export type Outcome = { readonly ok: true } | { readonly ok: false; readonly reason: string };

/** Blocks and groups (docs/groups.md): adding a block, expanding, collapsing, ungrouping. Each is one undo step. */
export interface GroupSlice {
  /** Adds palette block `id` fed by layer or group `after`, and selects its group. */
  addBlock(id: string, after: string): Outcome;
  /** Adds palette block `id` after the selected layer or group (keyboard building). */
  addBlockAfterSelection(id: string): Outcome;
  /** Draws group `groupId` as one node (true) or as its layers in a frame (false). */
  setGroupCollapsed(groupId: string, collapsed: boolean): void;
  /** Removes group `groupId`, keeping its layers. */
  ungroup(groupId: string): void;
}

export const createGroupSlice: StateCreator<Store, [], [], GroupSlice> = (set, get) => ({
  addBlock(id, after) {
    const block = blockSpec(id);
    if (!block) return { ok: false, reason: `There is no block called ${id}` };
    const result = block.insertAfter(get().graph, after);
    if (!result.ok) return result;
    set({ graph: result.graph, selectedNodes: [result.block.group], selectedEdges: [] });
    return { ok: true };
  },
  addBlockAfterSelection(id) {
    const from = get().selectedNodes[0];
    if (from === undefined) {
      return { ok: false, reason: `Select the layer that feeds ${id} (an Embedding, say) first, or drop ${id} onto it` };
    }
    const outcome = get().addBlock(id, from);
    if (outcome.ok) get().reveal(get().selectedNodes);
    return outcome;
  },
  setGroupCollapsed(groupId, collapsed) {
    const { graph, selectedNodes } = get();
    if (!groupById(graph, groupId)) return;
    // A collapsed group hides its layers, so a selected one hands its selection to the group.
    const selection = collapsed ? [...new Set(selectedNodes.map((id) => (groupOf(graph, id)?.id === groupId ? groupId : id)))] : selectedNodes;
    set({ graph: setGroupCollapsed(graph, groupId, collapsed), selectedNodes: selection });
  },
  ungroup(groupId) {
    const { graph, selectedNodes } = get();
    const group = groupById(graph, groupId);
    if (!group) return;
    const selection = selectedNodes.flatMap((id) => (id === groupId ? group.members : [id]));
    set({ graph: ungroup(graph, groupId), selectedNodes: selection });
  },
});
