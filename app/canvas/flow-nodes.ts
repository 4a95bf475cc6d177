import type { Node as FlowNode } from '@xyflow/react';
import { useMemo } from 'react';
import type { LayerNode } from '../../src/graph/types';

const NO_DATA = {};

type Sizes = Readonly<Record<string, { readonly width: number; readonly height: number }>>;

interface CachedFlowNode {
  readonly selected: boolean;
  readonly size: Sizes[string] | undefined;
  readonly label: string;
  readonly node: FlowNode;
}

/** Flow node objects by the layer object they show; a moved layer is a new object, so a miss. */
const flowNodeCache = new WeakMap<LayerNode, CachedFlowNode>();

/**
 * The React Flow node for a layer, reusing the previous object while the layer, its selection,
 * size and label are unchanged: React Flow then skips it entirely, so dragging one node of 300
 * re-renders one.
 */
function flowNode(n: LayerNode, selected: boolean, size: Sizes[string] | undefined, label: string): FlowNode {
  const old = flowNodeCache.get(n);
  if (old && old.selected === selected && old.size === size && old.label === label) return old.node;
  const node: FlowNode = {
    id: n.id,
    type: 'layer',
    position: n.position,
    data: NO_DATA,
    selected,
    ariaLabel: label,
    ...(size ? { measured: size } : {}),
  };
  flowNodeCache.set(n, { selected, size, label, node });
  return node;
}

/** React Flow nodes for the graph's layers, unchanged ones reused (see `flowNode`). */
export function useFlowNodes(graphNodes: readonly LayerNode[], selectedNodes: readonly string[], measured: Sizes, labels: ReadonlyMap<string, string>) {
  return useMemo<FlowNode[]>(() => {
    const selected = new Set(selectedNodes);
    return graphNodes.map((n) => flowNode(n, selected.has(n.id), measured[n.id], labels.get(n.id) ?? ''));
  }, [graphNodes, selectedNodes, measured, labels]);
}

