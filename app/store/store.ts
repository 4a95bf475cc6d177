import { temporal } from 'zundo';
import { create } from 'zustand';
import type { Graph, Position } from '../../src/graph/types';
import { createDataSlice } from './data-slice';
import type { DataSlice } from './data-slice';
import { createGraphSlice } from './graph-slice';
import type { GraphSlice } from './graph-slice';
import { createGroupSlice } from './group-slice';
import { createHistorySlice } from './history-slice';
import type { HistorySlice } from './history-slice';
import type { GroupSlice } from './group-slice';
import { createInsightSlice } from './insight-slice';
import type { InsightSlice } from './insight-slice';
import { createRecordingSlice } from './recording-slice';
import type { RecordingSlice } from './recording-slice';
import { createRunSlice } from './run-slice';
import type { RunSlice } from './run-slice';
import { createSurgerySlice } from './surgery-slice';
import type { SurgerySlice } from './surgery-slice';
import { createTrainingSlice } from './training-slice';
import type { TrainingSlice } from './training-slice';
import { createUiSlice } from './ui-slice';
import type { UiSlice } from './ui-slice';

/** The whole editor state: one store from slices (ARCHITECTURE.md, app/store). */
export type Store = GraphSlice & GroupSlice & SurgerySlice & UiSlice & DataSlice & TrainingSlice & RunSlice & HistorySlice & InsightSlice & RecordingSlice;

/**
 * The editor store. Undo history (zundo) covers the graph alone: selection, notices and measured
 * sizes are not edits. A set that leaves the graph object unchanged records nothing.
 */
export const useStore = create<Store>()(
  temporal(
    (...a) => ({
      ...createGraphSlice(...a),
      ...createGroupSlice(...a),
      ...createSurgerySlice(...a),
      ...createUiSlice(...a),
      ...createDataSlice(...a),
      ...createTrainingSlice(...a),
      ...createRunSlice(...a),
      ...createHistorySlice(...a),
      ...createInsightSlice(...a),
      ...createRecordingSlice(...a),
    }),
    {
      partialize: (s): { graph: Graph } => ({ graph: s.graph }),
      equality: (a, b) => a.graph === b.graph,
      limit: 200,
    },
  ),
);

/** Undo one graph edit. */
export const undo = () => useStore.temporal.getState().undo();
/** Redo one graph edit. */
export const redo = () => useStore.temporal.getState().redo();

/** Moves nodes during a drag without recording history; the first move remembers the origin. */
export function dragNodes(positions: ReadonlyMap<string, Position>): void {
  const { temporal: history } = useStore;
  const s = useStore.getState();
  if (s.dragOrigin === null) {
    history.getState().pause();
    useStore.setState({ dragOrigin: s.graph });
  }
  useStore.setState((st) => ({
    graph: {
      ...st.graph,
      nodes: st.graph.nodes.map((n) => {
        const position = positions.get(n.id);
        return position ? { ...n, position } : n;
      }),
    },
  }));
}

/**
 * Ends a drag as one undo step: the origin goes back in place unrecorded, then the final
 * positions are set with history on, so undo returns to where the drag began.
 */
export function endDrag(): void {
  const { dragOrigin, graph } = useStore.getState();
  if (dragOrigin === null) return;
  useStore.setState({ graph: dragOrigin, dragOrigin: null });
  useStore.temporal.getState().resume();
  // A click that moved nothing is not an edit.
  const moved = graph.nodes.some((n, i) => n.position !== dragOrigin.nodes[i]?.position);
  if (moved) useStore.setState({ graph });
}

/** Forgets undo history (after loading a project at start-up). */
export const clearHistory = () => useStore.temporal.getState().clear();
