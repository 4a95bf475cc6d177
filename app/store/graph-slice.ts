import type { StateCreator } from 'zustand';
import type { DataConfig } from '../../src/data/config';
import { DEFAULT_DATA_CONFIG } from '../../src/data/config';
import { extractSubgraph, pasteSubgraph } from '../../src/graph/clipboard';
import { groupById, groupOutput, memberBounds, memberIds, shownIds } from '../../src/graph/groups';
import type { Fix } from '../../src/graph/diagnostics';
import * as ops from '../../src/analysis/ops';
import type { Project } from '../../src/project/project-file';
import type { Graph, ParamValue, Position } from '../../src/graph/types';
import type { LayerKind } from '../../src/graph/layer-kinds';
import type { Callbacks } from '../../src/settings/callbacks';
import { DEFAULT_CALLBACKS } from '../../src/settings/callbacks';
import type { TrainingConfig } from '../../src/settings/training';
import type { FineTuneSettings } from '../../src/settings/fine-tune';
import { DEFAULT_FINE_TUNE } from '../../src/settings/fine-tune';
import { DEFAULT_TRAINING_CONFIG, withTrainingChange } from '../../src/settings/training';
import { pasteOffset } from '../paste-offset';
import { DEFAULT_NODE_SIZE } from '../tidy';
import type { Store } from './store';

/** The project being edited and the editing actions on it. Only `graph` is undoable. */
export interface GraphSlice {
  readonly name: string;
  readonly graph: Graph;
  readonly training: TrainingConfig;
  readonly callbacks: Callbacks;
  /** The fine-tune preset (saved with the project): a second phase with the top frozen layers unfrozen. */
  readonly fineTune: FineTuneSettings;
  readonly data: DataConfig;
  readonly selectedNodes: readonly string[];
  readonly selectedEdges: readonly string[];
  readonly clipboard: Graph | null;

  /** Adds a layer; returns its id. */
  addLayer(kind: LayerKind, position: Position): string;
  /** Adds a layer below the selected one (or group) and connects it (keyboard building); returns its id. */
  addLayerAfterSelection(kind: LayerKind): string;
  removeSelection(): void;
  /** Removes nodes (with their edges; a group's id: the group and its layers) and edges in one undo step. */
  remove(nodeIds: readonly string[], edgeIds: readonly string[]): void;
  /** Connects source -> target; returns why not, or null when connected. */
  connect(source: string, target: string): string | null;
  /** Sets a param if valid; returns why not, or null. */
  setParam(nodeId: string, key: string, value: ParamValue): string | null;
  /** Renames a layer if the name is valid and free; returns why not, or null. */
  renameLayer(nodeId: string, name: string): string | null;
  /** Freezes or unfreezes layers (Keras's `trainable`): one undo step. */
  setTrainable(nodeIds: readonly string[], trainable: boolean): void;
  applyFix(fix: Fix): void;
  /** Replaces node positions (tidy layout): one undo step. */
  setPositions(positions: ReadonlyMap<string, Position>): void;
  select(nodes: readonly string[], edges?: readonly string[]): void;
  copySelection(): void;
  paste(): void;
  duplicateSelection(): void;
  /** Replaces the whole project (New, Open, restore); the previous graph stays undoable. */
  loadProject(project: Project): void;
  setName(name: string): void;
  /** Changes training settings (loss, optimizer, ...); a new loss takes the metrics that suit it (`withTrainingChange`). */
  setTraining(patch: Partial<TrainingConfig>): void;
  /** Changes one callback's settings (saved with the project), e.g. turns early stopping on. */
  setCallback<K extends keyof Callbacks>(key: K, patch: Partial<Callbacks[K]>): void;
  /** Changes the fine-tune preset, e.g. turns it on. */
  setFineTune(patch: Partial<FineTuneSettings>): void;
  /** Records where the data comes from and how it is prepared (saved with the project). */
  setDataConfig(data: DataConfig): void;
  /** Replaces the graph (wiring the model to the data): one undo step. */
  setGraph(graph: Graph): void;
}

/** The project as a file would hold it. */
export const projectOf = (s: Pick<GraphSlice, 'name' | 'graph' | 'training' | 'callbacks' | 'fineTune' | 'data'>): Project => ({
  name: s.name,
  graph: s.graph,
  training: s.training,
  callbacks: s.callbacks,
  fineTune: s.fineTune,
  data: s.data,
});

export const createGraphSlice: StateCreator<Store, [], [], GraphSlice> = (set, get) => {
  const edit = (result: ops.EditResult): string | null => {
    if (!result.ok) return result.reason;
    set({ graph: result.graph });
    return null;
  };
  const positionFor = (): Position => {
    const { graph, selectedNodes } = get();
    const group = groupById(graph, selectedNodes[0] ?? '');
    // Below a collapsed group's card (its first row), or below an expanded group's output layer.
    const anchorId = group && !group.collapsed ? groupOutput(graph, group) : selectedNodes[0];
    const anchor = group?.collapsed ? memberBounds(graph, group).min : graph.nodes.find((n) => n.id === anchorId)?.position;
    const last = graph.nodes[graph.nodes.length - 1]?.position;
    const at = anchor ?? last;
    return at ? { x: at.x, y: at.y + 120 } : { x: 0, y: 0 };
  };

  /** Pastes `clip` beside what it copies, selects the copy and shows it; returns the copy's ids. */
  const pasteBeside = (clip: Graph): string[] => {
    const { graph, measured } = get();
    const pasted = pasteSubgraph(
      graph,
      clip,
      pasteOffset(graph, clip, (id) => measured[id] ?? DEFAULT_NODE_SIZE),
    );
    const shown = shownIds(pasted.graph, pasted.ids);
    set({ graph: pasted.graph, selectedNodes: shown, selectedEdges: [] });
    get().reveal(shown);
    return pasted.ids;
  };

  return {
    name: 'Untitled',
    graph: { nodes: [], edges: [] },
    training: DEFAULT_TRAINING_CONFIG,
    callbacks: DEFAULT_CALLBACKS,
    fineTune: DEFAULT_FINE_TUNE,
    data: DEFAULT_DATA_CONFIG,
    selectedNodes: [],
    selectedEdges: [],
    clipboard: null,

    addLayer(kind, position) {
      const { graph, node } = ops.addLayer(get().graph, kind, position);
      set({ graph, selectedNodes: [node.id], selectedEdges: [] });
      return node.id;
    },
    addLayerAfterSelection(kind) {
      const from = get().selectedNodes[0];
      // A group's id connects from its output layer (ops.connect resolves it).
      const id = get().addLayer(kind, positionFor());
      if (from !== undefined) {
        const result = ops.connect(get().graph, from, id);
        if (result.ok) set({ graph: result.graph });
      }
      get().reveal([id]);
      return id;
    },
    removeSelection() {
      const { selectedNodes, selectedEdges } = get();
      get().remove(selectedNodes, selectedEdges);
    },
    remove(nodeIds, edgeIds) {
      if (nodeIds.length === 0 && edgeIds.length === 0) return;
      set((s) => {
        const graph = ops.removeNodes(ops.removeEdges(s.graph, edgeIds), nodeIds);
        // A removed group takes its layers along, so keep only what is still there.
        const left = new Set([...graph.nodes.map((n) => n.id), ...(graph.groups ?? []).map((g) => g.id)]);
        return {
          graph,
          selectedNodes: s.selectedNodes.filter((id) => left.has(id)),
          selectedEdges: s.selectedEdges.filter((id) => !edgeIds.includes(id)),
        };
      });
    },
    connect: (source, target) => edit(ops.connect(get().graph, source, target)),
    setParam: (nodeId, key, value) => edit(ops.setParam(get().graph, nodeId, key, value)),
    renameLayer: (nodeId, name) => edit(ops.renameLayer(get().graph, nodeId, name)),
    setTrainable: (nodeIds, trainable) => set((s) => ({ graph: ops.setTrainable(s.graph, memberIds(s.graph, nodeIds), trainable) })),
    applyFix(fix) {
      const reason = edit(ops.applyFix(get().graph, fix));
      if (reason !== null) get().showNotice({ kind: 'error', text: reason });
      // An output made to fit the data trains with the loss that goes with it.
      else if (fix.kind === 'set-output') set((s) => ({ training: { ...s.training, loss: fix.loss } }));
    },
    setPositions(positions) {
      set((s) => ({
        graph: { ...s.graph, nodes: s.graph.nodes.map((n) => ({ ...n, position: positions.get(n.id) ?? n.position })) },
      }));
    },
    select: (nodes, edges = []) => set({ selectedNodes: nodes, selectedEdges: edges }),
    copySelection() {
      const { graph, selectedNodes } = get();
      if (selectedNodes.length > 0) set({ clipboard: extractSubgraph(graph, memberIds(graph, selectedNodes)) });
    },
    paste() {
      const { clipboard } = get();
      if (!clipboard || clipboard.nodes.length === 0) return;
      // The clipboard becomes the copy, so the next paste lands beside this one, not on it.
      const ids = pasteBeside(clipboard);
      set({ clipboard: extractSubgraph(get().graph, ids) });
    },
    duplicateSelection() {
      const { graph, selectedNodes } = get();
      if (selectedNodes.length === 0) return;
      pasteBeside(extractSubgraph(graph, memberIds(graph, selectedNodes)));
    },
    loadProject(opened) {
      // A project's runs join the history (`run-history.ts`, importRuns); they are not the project's state.
      const { runs: _runs, ...project } = opened;
      set((s) => ({ ...project, fineTune: project.fineTune ?? DEFAULT_FINE_TUNE, selectedNodes: [], selectedEdges: [], fitRequest: s.fitRequest + 1 }));
    },
    setName: (name) => set({ name }),
    setTraining: (patch) => set((s) => ({ training: withTrainingChange(s.training, patch) })),
    setCallback: (key, patch) => set((s) => ({ callbacks: { ...s.callbacks, [key]: { ...s.callbacks[key], ...patch } } })),
    setFineTune: (patch) => set((s) => ({ fineTune: { ...s.fineTune, ...patch } })),
    setDataConfig: (data) => set({ data }),
    setGraph: (graph) => set({ graph }),
  };
};
