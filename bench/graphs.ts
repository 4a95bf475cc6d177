import { GraphBuilder } from '../src/analysis/builder';
import { setGroupCollapsed } from '../src/graph/groups';
import { layeredLayout } from '../src/graph/layout';
import type { Graph } from '../src/graph/types';

/**
 * A ResNet-like graph of about `layers` layers: residual blocks (Conv2D, BatchNormalization,
 * Conv2D, Add) with a skip connection each, then a classifier head. Branches and merges make
 * analysis do real work, unlike a plain chain.
 */
export function residualGraph(layers: number): Graph {
  const b = new GraphBuilder();
  let x = b.add('Conv2D', { filters: 16, padding: 'same', activation: 'relu' }, b.input([32, 32, 3]));
  for (let n = 2; n + 4 + 2 <= layers; n += 4) {
    const branch = b.chain(x, ['Conv2D', { filters: 16, padding: 'same' }], ['BatchNormalization'], ['Conv2D', { filters: 16, padding: 'same' }]);
    x = b.add('Add', {}, x, branch);
  }
  while (b.graph.nodes.length < layers - 2) x = b.add('Activation', { activation: 'relu' }, x);
  b.chain(x, ['GlobalAveragePooling2D'], ['Dense', { units: 10, activation: 'softmax' }]);
  return b.graph;
}

/**
 * A 150-layer convolutional base grouped as one `Model` group (collapsed or expanded), under a
 * small head: Input, then 50 blocks of Conv2D, BatchNormalization and ReLU (the group), then
 * GlobalAveragePooling2D and Dense. 153 layers in all. Laid out as the canvas draws it.
 */
export function groupedBaseGraph(collapsed: boolean): Graph {
  const b = new GraphBuilder();
  let x = b.input([32, 32, 3]);
  const members: string[] = [];
  for (let i = 0; i < 50; i += 1) {
    for (const [kind, params] of [
      ['Conv2D', { filters: 16, padding: 'same' }],
      ['BatchNormalization', {}],
      ['ReLU', {}],
    ] as const) {
      x = b.add(kind, params, x);
      members.push(x);
    }
  }
  b.group('Base', 'Model', members, true);
  b.chain(x, ['GlobalAveragePooling2D'], ['Dense', { units: 10, activation: 'softmax' }]);
  const laidOut = layeredLayout(b.graph);
  const group = laidOut.groups?.[0];
  return collapsed || !group ? laidOut : setGroupCollapsed(laidOut, group.id, false);
}
