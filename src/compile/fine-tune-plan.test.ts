import { describe, expect, it } from 'vitest';
import { GraphBuilder } from '../analysis/builder';
import { setTrainable } from '../analysis/ops';
import { digitsCnn } from '../analysis/templates';
import { fineTunePlan, fineTuneProblem } from './fine-tune-plan';

/** Conv -> BN -> pool -> Conv -> BN -> pool -> Flatten -> Dense, everything before the Dense frozen. */
function base() {
  const b = new GraphBuilder();
  const head = b.chain(
    b.input([8, 8, 1]),
    ['Conv2D', { filters: 2, kernel_size: [3, 3] }],
    ['BatchNormalization'],
    ['MaxPooling2D'],
    ['Conv2D', { filters: 2, kernel_size: [2, 2] }],
    ['BatchNormalization'],
    ['GlobalAveragePooling2D'],
    ['Dense', { units: 3, activation: 'softmax' }],
  );
  const frozen = b.graph.nodes.map((n) => n.id).filter((id) => id !== head);
  return { graph: setTrainable(b.graph, frozen, false) };
}

const namesOf = (graph: ReturnType<typeof base>['graph'], ids: readonly string[]) => ids.map((id) => graph.nodes.find((n) => n.id === id)?.name);

describe('fineTunePlan', () => {
  it('unfreezes the top N frozen layers with weights, nearest the head, and leaves BatchNormalization and pooling frozen', () => {
    const { graph } = base();
    const one = fineTunePlan(graph, 1);
    expect(namesOf(graph, one.unfrozen)).toEqual(['conv2d_2']);
    const two = fineTunePlan(graph, 2);
    expect(namesOf(graph, two.unfrozen)).toEqual(['conv2d_1', 'conv2d_2']);
    const frozen = two.graph.nodes.filter((n) => n.trainable === false).map((n) => n.name);
    expect(frozen).toEqual(['input_1', 'batch_normalization_1', 'max_pooling2d_1', 'batch_normalization_2', 'global_average_pooling2d_1']);
    // More than there are: all of them, no error.
    expect(fineTunePlan(graph, 10).unfrozen).toEqual(two.unfrozen);
    expect(fineTuneProblem(two)).toBeNull();
  });

  it('leaves the graph it was given as it was', () => {
    const { graph } = base();
    const before = JSON.stringify(graph);
    fineTunePlan(graph, 2);
    expect(JSON.stringify(graph)).toBe(before);
  });

  it('says what to do when nothing is frozen', () => {
    const plan = fineTunePlan(digitsCnn(), 2);
    expect(plan.unfrozen).toEqual([]);
    expect(fineTuneProblem(plan)).toMatch(/freeze the pretrained layers/);
  });
});
