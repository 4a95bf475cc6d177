import { Position } from '@xyflow/react';
import type { Node as FlowNode } from '@xyflow/react';
import { useMemo } from 'react';
import type { LayerNode } from '../../src/graph/types';

const NO_DATA = {};

/**
 * A layer node's size before it is first drawn (`.layer-node` is 236 px wide; one with settings
 * to show and no problem is 73 px tall) and its two handles, top and bottom centre. React Flow mounts
 * every node it has not measured, even with `onlyRenderVisibleElements`, so a 5,000-layer project
 * would mount 5,000 nodes to measure them and then unmount all but a screenful; with a size and
 * handles given it mounts only the visible ones, and measures each as it appears.
 */
const ESTIMATE = { width: 236, height: 73 } as const;
const HANDLE = 14;
const ESTIMATED_HANDLES: FlowNode['handles'] = [
  { id: 'in', type: 'target', position: Position.Top, x: ESTIMATE.width / 2 - HANDLE / 2, y: -HANDLE / 2, width: HANDLE, height: HANDLE },
  { id: 'out', type: 'source', position: Position.Bottom, x: ESTIMATE.width / 2 - HANDLE / 2, y: ESTIMATE.height - HANDLE / 2, width: HANDLE, height: HANDLE },
];

type Sizes = Readonly<Record<string, { readonly width: number; readonly height: number }>>;

interface CachedFlowNode {
  readonly selected: boolean;
  readonly size: Sizes[string] | undefined;
  readonly label: string;
  readonly estimate: boolean;
  readonly node: FlowNode;
}

/**
 * Flow node objects by the layer object they show; a moved layer is a new object, so a miss. A pure
 * memo, not state: layers are never mutated, and an entry goes with its layer.
 */
const flowNodeCache = new WeakMap<LayerNode, CachedFlowNode>();

/**
 * The React Flow node for a layer, reusing the previous object while the layer, its selection,
 * size and label are unchanged: React Flow then skips it entirely, so dragging one node of 300
 * re-renders one.
 */
function flowNode(n: LayerNode, selected: boolean, size: Sizes[string] | undefined, label: string, estimate: boolean): FlowNode {
  const old = flowNodeCache.get(n);
  if (old && old.selected === selected && old.size === size && old.label === label && old.estimate === estimate) return old.node;
  const node: FlowNode = {
    id: n.id,
    type: 'layer',
    position: n.position,
    data: NO_DATA,
    selected,
    ariaLabel: label,
    ...(size ? { measured: size } : estimate ? { measured: ESTIMATE, handles: ESTIMATED_HANDLES } : {}),
  };
  flowNodeCache.set(n, { selected, size, label, estimate, node });
  return node;
}

/**
 * React Flow nodes for the graph's layers, unchanged ones reused (see `flowNode`). With
 * `estimate` (big graphs, drawn only where visible) a layer not yet measured gets `ESTIMATE`.
 */
export function useFlowNodes(
  graphNodes: readonly LayerNode[],
  selectedNodes: readonly string[],
  measured: Sizes,
  labels: ReadonlyMap<string, string>,
  estimate: boolean,
) {
  return useMemo<FlowNode[]>(() => {
    const selected = new Set(selectedNodes);
    return graphNodes.map((n) => flowNode(n, selected.has(n.id), measured[n.id], labels.get(n.id) ?? '', estimate));
  }, [graphNodes, selectedNodes, measured, labels, estimate]);
}
