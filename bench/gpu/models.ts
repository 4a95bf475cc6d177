import { GraphBuilder } from '../../src/analysis/builder';
import { digitsCnn, transformerTextClassifier } from '../../src/analysis/templates';
import type { Graph } from '../../src/graph/types';
import { assertNever } from '../../src/lib/assert-never';
import type { BenchModel } from '../throughput/protocol';
import { TEXT_LENGTH, TEXT_VOCABULARY } from '../throughput/shared';

/** The bench models as Netloom graphs: the MLP 784-128-10, the digits CNN template, the Transformer text template (10 classes). */
export function benchGraph(model: BenchModel): Graph {
  switch (model) {
    case 'cnn':
      return digitsCnn();
    case 'transformer':
      return transformerTextClassifier(TEXT_VOCABULARY, TEXT_LENGTH, 10);
    case 'mlp': {
      const b = new GraphBuilder();
      b.chain(b.input([784]), ['Dense', { units: 128, activation: 'relu' }], ['Dense', { units: 10, activation: 'softmax' }]);
      return b.graph;
    }
    default:
      return assertNever(model, 'bench model');
  }
}
