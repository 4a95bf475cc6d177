import { GraphBuilder } from '../src/analysis/builder';
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
