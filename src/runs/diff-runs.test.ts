import { describe, expect, it } from 'vitest';
import { setParam, setTrainable, addLayer, connect, renameLayer } from '../analysis/ops';
import type { Graph } from '../graph/types';
import { seedExample } from '../analysis/templates';
import { DEFAULT_TRAINING_CONFIG } from '../settings/training';
import { DEFAULT_CALLBACKS } from '../settings/callbacks';
import { describeChange, diffGraphs, diffRuns, shownValue, type RunChange } from './diff-runs';
import { sampleRun } from './run-test-support';

const ok = (r: { ok: true; graph: Graph } | { ok: false; reason: string }): Graph => {
  if (!r.ok) throw new Error(r.reason);
  return r.graph;
};
const words = (changes: readonly RunChange[]) => changes.map(describeChange);

describe('diffRuns', () => {
  it('finds nothing between a run and itself', () => {
    expect(diffRuns(sampleRun(), sampleRun())).toEqual([]);
  });

  it('names changed params, added and removed layers and their connections', () => {
    const a = seedExample();
    const dense1 = a.nodes.find((n) => n.name === 'dense_1');
    const dense2 = a.nodes.find((n) => n.name === 'dense_2');
    if (!dense1 || !dense2) throw new Error('seed layers');
    const wider = ok(setParam(a, dense1.id, 'units', 128));
    const { graph: withNew, node } = addLayer(wider, 'Dropout', { x: 0, y: 0 });
    const b = ok(connect(withNew, dense2.id, node.id));
    expect(words(diffGraphs(a, b))).toEqual(['dense_1: units 64 -> 128', 'layer dropout_1 added (Dropout)', 'connection dense_2 -> dropout_1 added']);
    expect(words(diffGraphs(b, a))).toEqual(['layer dropout_1 removed (Dropout)', 'dense_1: units 128 -> 64', 'connection dense_2 -> dropout_1 removed']);
  });

  it('matches layers by name, so a rename is a removal and an addition, and sees freezing', () => {
    const a = seedExample();
    const id = a.nodes[1]?.id ?? '';
    expect(words(diffGraphs(a, ok(renameLayer(a, id, 'hidden'))))).toEqual([
      'layer dense_1 removed (Dense)',
      'layer hidden added (Dense)',
      'connection input_1 -> dense_1 removed',
      'connection dense_1 -> dense_2 removed',
      'connection input_1 -> hidden added',
      'connection hidden -> dense_2 added',
    ]);
    expect(words(diffGraphs(a, setTrainable(a, [id], false)))).toEqual(['dense_1: frozen']);
  });

  it('lists settings: optimizer, seed, callbacks, fine-tune and the data plan, not the fitted data', () => {
    const a = sampleRun();
    const b = sampleRun({
      training: { ...DEFAULT_TRAINING_CONFIG, optimizer: 'sgd', seed: 7 },
      callbacks: { ...DEFAULT_CALLBACKS, earlyStopping: { ...DEFAULT_CALLBACKS.earlyStopping, enabled: true } },
      fineTune: { ...a.fineTune, enabled: true },
      data: {
        kind: 'csv',
        fileName: 'iris.csv',
        plan: {
          columns: [{ name: 'species', role: 'target', transform: 'none', missing: 'drop' }],
          target: 'onehot',
          split: { kind: 'fraction', validation: 0.2, stratified: true, seed: 42 },
        },
      },
    });
    const changes = diffRuns(a, b);
    expect(changes.every((c) => c.kind === 'setting')).toBe(true);
    expect(words(changes)).toEqual([
      'optimizer adam -> sgd',
      'seed 42 -> 7',
      'callbacks earlyStopping.enabled false -> true',
      'fine-tune enabled false -> true',
      'data kind sample -> csv',
      'data sampleId iris -> default',
      'data fileName default -> iris.csv',
      'data plan.columns[species].name default -> species',
      'data plan.columns[species].role default -> target',
      'data plan.columns[species].transform default -> none',
      'data plan.columns[species].missing default -> drop',
      'data plan.target default -> onehot',
      'data plan.split.kind default -> fraction',
      'data plan.split.validation default -> 0.2',
      'data plan.split.stratified default -> true',
      'data plan.split.seed default -> 42',
    ]);
  });

  it('shows values as Keras users read them', () => {
    expect([shownValue(null), shownValue([3, 3]), shownValue(undefined), shownValue({ kind: 'Dense' }), shownValue(true)]).toEqual([
      'None',
      '[3, 3]',
      'default',
      '{"kind":"Dense"}',
      'true',
    ]);
  });

  it('describes a changed layer kind', () => {
    expect(describeChange({ kind: 'layer-kind', layer: 'x', before: 'Dense', after: 'Conv2D' })).toBe('x: kind Dense -> Conv2D');
  });
});
