import { describe, expect, it } from 'vitest';
import { analyze } from './analyze';
import { GraphBuilder } from './builder';
import { setTrainable } from './ops';
import { trainReadiness } from './readiness';
import { digitsCnn, seedExample } from './templates';
import type { Graph } from '../graph/types';
import { callbacksSchema } from '../settings/callbacks';
import type { Metric } from '../settings/metrics';

const readiness = (graph: Graph) => trainReadiness(graph, analyze(graph));
const codes = (graph: Graph) => readiness(graph).problems.map((d) => [d.code, d.nodeId ?? null]);

function chain(...layers: Parameters<GraphBuilder['chain']>[1][]): { graph: Graph; ids: string[] } {
  const b = new GraphBuilder();
  const ids = [b.input([4])];
  for (const layer of layers) ids.push(b.chain(ids.at(-1) as string, layer));
  return { graph: b.graph, ids };
}

describe('trainReadiness', () => {
  it('is ready for the Keras seed, with no problems', () => {
    expect(readiness(seedExample())).toEqual({ ready: true, problems: [] });
  });

  it('refuses an empty canvas, saying what to add', () => {
    const r = readiness({ nodes: [], edges: [] });
    expect(r.ready).toBe(false);
    expect(codes({ nodes: [], edges: [] })).toEqual([['empty-model', null]]);
    expect(r.problems[0]?.message).toMatch(/^The model is empty: it needs an Input layer/);
  });

  it('refuses an Input alone, on the Input', () => {
    const { graph, ids } = chain();
    expect(codes(graph)).toEqual([['no-output', ids[0]]]);
    expect(readiness(graph).problems[0]?.message).toBe('input_1 is the only layer: connect the layers that turn its data into the output (a Dense layer, say)');
  });

  it('refuses layers with no weights between Input and output, on the output', () => {
    const { graph, ids } = chain(['Dropout', { rate: 0.5 }], ['Activation', { activation: 'relu' }]);
    expect(codes(graph)).toEqual([['no-trainable-weights', ids[2]]]);
    expect(readiness(graph).problems[0]?.message).toBe(
      'No layer between input_1 and activation_1 has weights to train (dropout_1, activation_1): add one that has, such as Dense',
    );
  });

  it('refuses a model whose layers with weights are all frozen, on the one nearest the output', () => {
    const { graph, ids } = chain(['Dense', { units: 8 }], ['Dropout', { rate: 0.1 }], ['Dense', { units: 3, activation: 'softmax' }]);
    const frozen = setTrainable(graph, [ids[1] as string, ids[3] as string], false);
    expect(codes(frozen)).toEqual([['no-trainable-weights', ids[3]]]);
    expect(readiness(frozen).problems[0]?.message).toMatch(/^Every layer with weights is frozen \(dense_1, dense_2\), so training has nothing to change/);
    // One trainable layer with weights is enough.
    expect(readiness(setTrainable(graph, [ids[1] as string], false)).ready).toBe(true);
  });

  it("lists the analysis's errors, on their layers, and nothing else while there are any", () => {
    // The CNN template with its Input set to one Iris row, as "Fit the model to this data" leaves it.
    const cnn = digitsCnn(3);
    const input = cnn.nodes.find((n) => n.kind === 'Input');
    const iris: Graph = { ...cnn, nodes: cnn.nodes.map((n) => (n === input ? { ...n, params: { ...n.params, shape: [4] } } : n)) };
    const conv = cnn.nodes.find((n) => n.name === 'conv2d_1');
    const r = readiness(iris);
    expect(r.ready).toBe(false);
    expect(codes(iris)).toEqual([['wrong-rank', conv?.id]]);
    expect(r.problems[0]?.message).toMatch(/^Conv2D needs a 4-D input .* but conv2d_1 gets 2-D \(None, 4\)/);
  });
});

describe('trainReadiness with the run’s settings', () => {
  const run = (fields: Record<string, unknown>, metrics: Metric[] = ['accuracy'], validated = true) => ({
    metrics,
    validated,
    callbacks: callbacksSchema.parse(fields),
  });
  const check = (graph: Graph, settings: ReturnType<typeof run>) => trainReadiness(graph, analyze(graph), settings);

  it('is ready while each callback that is on watches what the run logs, and ignores those that are off', () => {
    expect(check(seedExample(), run({ earlyStopping: { enabled: true, monitor: 'val_auc' } }, ['accuracy', 'auc']))).toEqual({ ready: true, problems: [] });
    expect(check(seedExample(), run({ earlyStopping: { enabled: false, monitor: 'val_auc' } }))).toEqual({ ready: true, problems: [] });
  });

  it('refuses a monitor whose metric is not compiled, or a val_ one without validation, one problem a callback', () => {
    const r = check(
      seedExample(),
      run({ earlyStopping: { enabled: true, monitor: 'val_auc' }, reduceLrOnPlateau: { enabled: true, monitor: 'val_loss' } }, ['accuracy'], false),
    );
    expect(r.ready).toBe(false);
    expect(r.problems.map((d) => [d.code, d.severity, d.nodeId ?? null])).toEqual([
      ['monitor-not-logged', 'error', null],
      ['monitor-not-logged', 'error', null],
    ]);
    expect(r.problems[0]?.message).toMatch(/^Early stopping monitors val_auc, but AUC is not among the compiled metrics/);
    expect(r.problems[1]?.message).toMatch(/^Reduce learning rate on plateau monitors val_loss, but nothing is held out for validation/);
  });

  it('lists the model’s own problems first', () => {
    const r = check({ nodes: [], edges: [] }, run({ earlyStopping: { enabled: true, monitor: 'val_auc' } }));
    expect(r.problems.map((d) => d.code)).toEqual(['empty-model', 'monitor-not-logged']);
  });
});
