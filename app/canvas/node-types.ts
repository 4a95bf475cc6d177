import { GroupFrame } from './group-frame';
import { GroupNode } from './group-node';
import { LayerNode } from './layer-node';

/** React Flow node types: a module constant, so React Flow never sees a new object (xyflow error002). */
export const NODE_TYPES = { layer: LayerNode, layerGroup: GroupNode, groupFrame: GroupFrame };
