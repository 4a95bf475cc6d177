import { beforeEach, describe, expect, it } from 'vitest';
import { digitsCnn } from '../../src/analysis/templates';
import { groupsOf } from '../../src/graph/groups';
import { emptyProject } from '../../src/project/project-file';
import { analysisOf } from './analysis';
import { clearHistory, undo, useStore } from './store';

const s = () => useStore.getState();
const id = (name: string) => s().graph.nodes.find((n) => n.name === name)?.id ?? name;
const names = () => s().graph.nodes.map((n) => n.name);
const history = () => useStore.temporal.getState().pastStates.length;

beforeEach(() => {
  s().loadProject({ ...emptyProject(), graph: digitsCnn() });
  s().setDataSignature(null);
  s().setTraining({ loss: 'mean_squared_error' });
  clearHistory();
});

describe('model surgery in the editor store', () => {
  it('freezes through a layer as one undo step, and the counts follow', () => {
    const before = s().graph;
    s().setTrainableThrough([id('conv2d_2')], false);
    expect(analysisOf(s().graph).total.nonTrainable).toBe(160 + 4640);
    expect(history()).toBe(1);
    s().setTrainableThrough([id('conv2d_1')], true);
    expect(analysisOf(s().graph).total.nonTrainable).toBe(4640);
    undo();
    undo();
    expect(s().graph).toBe(before);
  });

  it('cuts after a layer and attaches a head for the data, each undoable, the loss set for the data', () => {
    const before = s().graph;
    expect(s().cutAfter(id('max_pooling2d_2'))).toEqual({ ok: true });
    expect(names().at(-1)).toBe('max_pooling2d_2');
    s().setDataSignature({ featureShape: [28, 28, 1], task: 'classification', classes: 10, encoding: 'integer' });
    expect(s().attachHead(id('max_pooling2d_2'))).toEqual({ ok: true });
    expect(names().slice(-3)).toEqual(['head_pool', 'head_dropout', 'head_dense']);
    expect(s().selectedNodes).toEqual([id('head_dense')]);
    expect(s().training.loss).toBe('sparse_categorical_crossentropy');
    expect(analysisOf(s().graph, s().dataSignature).hasErrors).toBe(false);
    undo();
    expect(names().at(-1)).toBe('max_pooling2d_2');
    undo();
    expect(s().graph).toBe(before);
  });

  it('refuses with a notice: attaching with no data and no output to copy, cutting after the output', () => {
    expect(s().cutAfter(id('dense_2'))).toEqual({ ok: false, reason: "Nothing follows dense_2: its output is already the model's output" });
    expect(s().notice?.text).toBe("Nothing follows dense_2: its output is already the model's output");
    s().cutAfter(id('max_pooling2d_2'));
    const reason = 'Load data first (the Data tab): the new head is sized for the classes of the data';
    expect(s().attachHead(id('max_pooling2d_2'))).toEqual({ ok: false, reason });
    expect(s().notice?.text).toBe(reason);
    expect(history()).toBe(1);
  });

  it('groups the selection as a nested model, freezes the group, and cuts after a group card', () => {
    s().select([id('conv2d_1'), id('max_pooling2d_1'), id('conv2d_2'), id('max_pooling2d_2')]);
    expect(s().groupSelected()).toEqual({ ok: true });
    const [group] = groupsOf(s().graph);
    expect(group).toMatchObject({ title: 'functional', kind: 'Model', collapsed: true });
    expect(s().selectedNodes).toEqual([group?.id]);
    s().setTrainable([group?.id ?? ''], false);
    expect(analysisOf(s().graph).total.nonTrainable).toBe(160 + 4640);
    expect(s().cutAfter(group?.id ?? '')).toEqual({ ok: true });
    expect(names().at(-1)).toBe('max_pooling2d_2');
    undo();
    undo();
    undo();
    expect(s().graph.groups).toBeUndefined();
    s().select([id('conv2d_1')]);
    expect(s().groupSelected()).toEqual({ ok: false, reason: 'Select at least two connected layers to group them' });
  });
});
