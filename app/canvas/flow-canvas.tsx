import { Background, Controls, MiniMap, ReactFlow, useReactFlow } from '@xyflow/react';
import type { Connection, Edge as FlowEdge, EdgeChange, IsValidConnection, Node as FlowNode, NodeChange, Viewport } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useCallback, useMemo, useState } from 'react';
import type { DragEvent } from 'react';
import { connectionProblem } from '../../src/analysis/ops';
import { blockSpec } from '../../src/analysis/blocks';
import { groupById, groupsOf } from '../../src/graph/groups';
import type { Position } from '../../src/graph/types';
import { isLayerKind } from '../../src/layers/registry';
import { categoryColor } from '../layer-style';
import { BLOCK_DRAG_TYPE, LAYER_DRAG_TYPE } from '../drag-type';
import { analysisOf } from '../store/analysis';
import { dragNodes, endDrag, useStore } from '../store/store';
import './canvas.css';
import { ConnectionHint } from './connection-hint';
import { categoryOf, nodeById, nodeLabel, nodeView } from './node-view';
import { NODE_TYPES } from './node-types';
import { useFlowNodes } from './flow-nodes';
import { canvasEdges, graphEdgeIds, useGroupNodes, useVisibleLayers } from './flow-groups';
import type { EdgeEnd } from './flow-groups';
import { dragPositions } from './group-geometry';
import { groupLabel, groupView } from '../group-view';
import { useFitOnLoad } from './use-fit-on-load';
import { useRevealRequests } from './use-reveal';
import { useShortcuts } from './use-shortcuts';

const DELETE_KEYS = ['Backspace', 'Delete'];
/** Above this many layers, only those on screen are rendered. */
const LARGE_GRAPH = 100;
const MULTI_SELECT_KEYS = ['Meta', 'Control'];

function applySelection(current: readonly string[], changes: readonly { id: string; selected: boolean }[]): string[] | null {
  if (changes.length === 0) return null;
  const next = new Set(current);
  for (const c of changes) {
    if (c.selected) next.add(c.id);
    else next.delete(c.id);
  }
  return [...next];
}

/** The graph as a controlled React Flow view: every edit goes through the store. */
export function FlowCanvas() {
  useShortcuts();
  useFitOnLoad();
  useRevealRequests();
  const graph = useStore((s) => s.graph);
  const selectedNodes = useStore((s) => s.selectedNodes);
  const selectedEdges = useStore((s) => s.selectedEdges);
  const measured = useStore((s) => s.measured);
  const { screenToFlowPosition } = useReactFlow();
  // React Flow forgets its viewport when the canvas unmounts (a visit to Data or Train): it opens
  // again where the user left it. A graph not framed yet is framed by useFitOnLoad instead.
  const [opening] = useState(() => useStore.getState().canvasViewport ?? undefined);
  const dataSignature = useStore((s) => s.dataSignature);
  const analysis = analysisOf(graph, dataSignature);

  // Labels depend on names and analysis only, so a drag does not rebuild them.
  const views = useMemo(
    () => new Map(graph.nodes.map((n) => [n.id, nodeView(graph, n.id, dataSignature)])),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [analysis],
  );
  const labels = useMemo(() => new Map([...views].map(([id, view]) => [id, nodeLabel(view)])), [views]);
  const groupLabels = useMemo(
    () =>
      new Map(
        groupsOf(graph).flatMap((g) => {
          const view = groupView(graph, g.id, dataSignature);
          return view ? [[g.id, groupLabel(view)] as const] : [];
        }),
      ),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [analysis, graph.groups],
  );
  const large = graph.nodes.length > LARGE_GRAPH;
  const layerNodes = useFlowNodes(useVisibleLayers(graph), selectedNodes, measured, labels, large);
  const groupNodes = useGroupNodes(graph, selectedNodes, measured, groupLabels);
  const nodes = useMemo(() => (groupNodes.length === 0 ? layerNodes : [...groupNodes, ...layerNodes]), [groupNodes, layerNodes]);

  // Merge targets depend on kinds only; keyed on the analysis so a drag keeps the same edges array.
  const merges = useMemo(
    () => new Set(graph.nodes.filter((n) => categoryOf(n.kind) === 'Merge').map((n) => n.id)),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [analysis],
  );
  // Edge names read layer names and shapes, never ids; a collapsed group's edges end at its title.
  const ends = useMemo(
    () =>
      new Map<string, EdgeEnd>([
        ...[...views].map(([id, view]) => [id, { name: view.name || id, ...(view.shape === '?' ? {} : { shape: view.shape }) }] as const),
        ...groupsOf(graph).map((g) => [g.id, { name: `group ${g.title}` }] as const),
      ]),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [views, graph.groups],
  );
  const groups = graph.groups;
  const edges = useMemo<FlowEdge[]>(
    () => canvasEdges({ edges: graph.edges, groups }, merges, selectedEdges, ends).map((c) => c.flow),
    [graph.edges, groups, merges, selectedEdges, ends],
  );

  const onNodesChange = useCallback((changes: NodeChange[]) => {
    const s = useStore.getState();
    const moved = new Map<string, Position>();
    let dragEnded = false;
    const sizes: Record<string, { width: number; height: number }> = {};
    const selects: { id: string; selected: boolean }[] = [];
    // A frame's size comes from its layers, so a group's measured size is always its card's.
    for (const c of changes) {
      if (c.type === 'position') {
        if (c.position) moved.set(c.id, c.position);
        if (!c.dragging) dragEnded = true;
      } else if (c.type === 'dimensions' && c.dimensions && groupById(s.graph, c.id)?.collapsed !== false) sizes[c.id] = c.dimensions;
      else if (c.type === 'select') selects.push(c);
    }
    if (moved.size > 0) dragNodes(dragPositions(s.graph, moved, s.measured));
    if (dragEnded) endDrag();
    if (Object.keys(sizes).length > 0) s.setMeasured(sizes);
    const selection = applySelection(s.selectedNodes, selects);
    if (selection) s.select(selection, s.selectedEdges);
  }, []);

  const onEdgesChange = useCallback((changes: EdgeChange[]) => {
    const s = useStore.getState();
    const selection = applySelection(
      s.selectedEdges,
      changes.filter((c) => c.type === 'select'),
    );
    if (selection) s.select(s.selectedNodes, selection);
  }, []);

  const onDelete = useCallback(({ nodes: n, edges: e }: { nodes: FlowNode[]; edges: FlowEdge[] }) => {
    const s = useStore.getState();
    s.remove(
      n.map((x) => x.id),
      graphEdgeIds(
        s.graph,
        e.map((x) => x.id),
      ),
    );
  }, []);

  const onConnect = useCallback((c: Connection) => {
    const reason = useStore.getState().connect(c.source, c.target);
    if (reason !== null) useStore.getState().showNotice({ kind: 'error', text: reason });
  }, []);

  const isValidConnection = useCallback<IsValidConnection>((c) => connectionProblem(useStore.getState().graph, c.source, c.target) === null, []);

  const onMoveEnd = useCallback((_: unknown, viewport: Viewport) => useStore.getState().setCanvasViewport(viewport), []);

  const onDragOver = useCallback((e: DragEvent) => {
    if (!e.dataTransfer.types.includes(LAYER_DRAG_TYPE) && !e.dataTransfer.types.includes(BLOCK_DRAG_TYPE)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
  }, []);

  const onDrop = useCallback(
    (e: DragEvent) => {
      const block = e.dataTransfer.getData(BLOCK_DRAG_TYPE);
      if (blockSpec(block)) {
        e.preventDefault();
        dropBlock(block, e.target);
        return;
      }
      const kind = e.dataTransfer.getData(LAYER_DRAG_TYPE);
      if (!isLayerKind(kind)) return;
      e.preventDefault();
      const p = screenToFlowPosition({ x: e.clientX, y: e.clientY });
      // Centre the node on the pointer rather than hanging it from its corner.
      useStore.getState().addLayer(kind, { x: p.x - 100, y: p.y - 30 });
    },
    [screenToFlowPosition],
  );

  return (
    <div className="flow-canvas" data-testid="canvas" onDragOver={onDragOver} onDrop={onDrop}>
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={NODE_TYPES}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onDelete={onDelete}
        onConnect={onConnect}
        defaultViewport={opening}
        onMoveEnd={onMoveEnd}
        isValidConnection={isValidConnection}
        deleteKeyCode={DELETE_KEYS}
        multiSelectionKeyCode={MULTI_SELECT_KEYS}
        selectionKeyCode="Shift"
        colorMode="system"
        minZoom={0.1}
        // On big graphs off-screen layers are not mounted: with 300 layers every drag tick would
        // otherwise run the store selectors of every node and edge component. Small graphs keep
        // every node in the DOM, so each stays reachable with Tab.
        onlyRenderVisibleElements={large}
        proOptions={{ hideAttribution: true }}
      >
        <Background gap={24} />
        <Controls showInteractive={false} />
        {graph.nodes.length > 0 && <MiniMap pannable zoomable style={{ width: 160, height: 110 }} nodeColor={(n) => minimapColor(n.id)} />}
        <ConnectionHint />
      </ReactFlow>
      {graph.nodes.length === 0 && (
        <div className="flow-canvas__empty" data-testid="canvas-empty">
          <p>
            <strong>Drag a layer here</strong> from the palette, starting with an <strong>Input</strong>, or pick a template from New.
          </p>
        </div>
      )}
    </div>
  );
}

/** The minimap colour of a canvas node: its layer's category, or the group's block's. */
function minimapColor(id: string): string {
  const { graph } = useStore.getState();
  const group = groupById(graph, id);
  if (group) return categoryColor(blockSpec(group.kind)?.category ?? 'Core');
  return categoryColor(categoryOf(nodeById(graph, id)?.kind ?? 'Dense'));
}

/** A block dropped on the canvas feeds from the layer or group card it was dropped onto. */
function dropBlock(block: string, target: EventTarget): void {
  const s = useStore.getState();
  const onto = target instanceof Element ? target.closest('.react-flow__node')?.getAttribute('data-id') : null;
  const result = onto ? s.addBlock(block, onto) : { ok: false as const, reason: `Drop ${block} onto the layer that feeds it (an Embedding, say)` };
  if (!result.ok) s.showNotice({ kind: 'error', text: result.reason });
}
