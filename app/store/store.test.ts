import { beforeEach, describe, expect, it } from 'vitest';
import { seedExample } from '../../src/analysis/templates';
import { emptyProject } from '../../src/project/project-file';
import { PASTE_GAP } from '../paste-offset';
import { analysisOf } from './analysis';
import { clearHistory, dragNodes, endDrag, redo, undo, useStore } from './store';

const s = () => useStore.getState();
const names = () => s().graph.nodes.map((n) => n.name);

beforeEach(() => {
  s().loadProject(emptyProject());
  clearHistory();
});

describe('editor store', () => {
  it('undoes and redoes each graph edit, not selection changes', () => {
    const input = s().addLayer('Input', { x: 0, y: 0 });
    const dense = s().addLayer('Dense', { x: 0, y: 120 });
    expect(s().connect(input, dense)).toBeNull();
    s().select([]);
    expect(s().setParam(dense, 'units', 10)).toBeNull();
    undo();
    expect(s().graph.nodes[1]?.params.units).toBe(64);
    undo();
    expect(s().graph.edges).toHaveLength(0);
    undo();
    expect(names()).toEqual(['input_1']);
    redo();
    redo();
    expect(names()).toEqual(['input_1', 'dense_1']);
    expect(s().graph.edges).toHaveLength(1);
  });

  it('refuses an invalid edit with its reason and records nothing', () => {
    const dense = s().addLayer('Dense', { x: 0, y: 0 });
    const before = useStore.temporal.getState().pastStates.length;
    expect(s().setParam(dense, 'units', -1)).toBe('units must be a whole number at least 1');
    expect(s().renameLayer(dense, 'for')).toMatch(/not a valid name/);
    expect(useStore.temporal.getState().pastStates.length).toBe(before);
  });

  it('makes a whole drag one undo step and does not re-analyse while dragging', () => {
    s().loadProject({ ...emptyProject(), graph: seedExample() });
    clearHistory();
    const id = s().graph.nodes[1]?.id as string;
    const start = s().graph.nodes[1]?.position;
    const analysis = analysisOf(s().graph);
    for (let i = 1; i <= 50; i += 1) dragNodes(new Map([[id, { x: i, y: i }]]));
    expect(analysisOf(s().graph)).toBe(analysis);
    endDrag();
    expect(s().graph.nodes[1]?.position).toEqual({ x: 50, y: 50 });
    expect(useStore.temporal.getState().pastStates).toHaveLength(1);
    undo();
    expect(s().graph.nodes[1]?.position).toEqual(start);
  });

  it('adds a layer after the selection and connects it (keyboard building)', () => {
    const input = s().addLayer('Input', { x: 0, y: 0 });
    s().select([input]);
    const dense = s().addLayerAfterSelection('Dense');
    expect(s().graph.edges).toEqual([expect.objectContaining({ source: input, target: dense })]);
    expect(s().selectedNodes).toEqual([dense]);
    expect(s().graph.nodes[1]?.position).toEqual({ x: 0, y: 120 });
  });

  it('copies, pastes and duplicates with fresh names; deletes the selection', () => {
    s().loadProject({ ...emptyProject(), graph: seedExample() });
    const [, d1, d2] = s().graph.nodes.map((n) => n.id);
    s().select([d1 as string, d2 as string]);
    s().copySelection();
    s().paste();
    expect(names()).toEqual(['input_1', 'dense_1', 'dense_2', 'dense_3', 'dense_4']);
    s().duplicateSelection();
    expect(names()).toHaveLength(7);
    s().removeSelection();
    expect(names()).toEqual(['input_1', 'dense_1', 'dense_2', 'dense_3', 'dense_4']);
  });

  it('pastes beside the original, selects only the copy and asks the canvas to show it', () => {
    s().loadProject({ ...emptyProject(), graph: seedExample() });
    const original = s().graph.nodes[1];
    s().setMeasured({ [original?.id ?? '']: { width: 236, height: 73 } });
    s().select([original?.id ?? '']);
    s().copySelection();
    s().paste();
    const copy = s().graph.nodes.at(-1);
    expect(copy?.position).toEqual({ x: (original?.position.x ?? 0) + 236 + PASTE_GAP, y: original?.position.y });
    expect(s().selectedNodes).toEqual([copy?.id]);
    expect(s().revealRequest?.ids).toEqual([copy?.id]);
    // The next paste goes beside the copy, not onto it; one undo takes each paste back.
    s().setMeasured({ [copy?.id ?? '']: { width: 236, height: 73 } });
    s().paste();
    expect(s().graph.nodes.at(-1)?.position.x).toBe((copy?.position.x ?? 0) + 236 + PASTE_GAP);
    undo();
    expect(names()).toHaveLength(4);
  });

  it('asks the canvas to show a layer added from the keyboard', () => {
    const input = s().addLayerAfterSelection('Input');
    expect(s().revealRequest?.ids).toEqual([input]);
    const dense = s().addLayerAfterSelection('Dense');
    expect(s().revealRequest?.ids).toEqual([dense]);
  });

  it('applies a diagnostic fix as one undoable edit', () => {
    const input = s().addLayer('Input', { x: 0, y: 0 });
    s().setParam(input, 'shape', [28, 28, 1]);
    s().select([input]);
    s().addLayerAfterSelection('Conv2D');
    const dense = s().addLayerAfterSelection('Dense');
    const fix = analysisOf(s().graph).nodes[dense]?.diagnostics[0]?.fix;
    expect(fix?.kind).toBe('insert-layer');
    s().applyFix(fix as NonNullable<typeof fix>);
    expect(analysisOf(s().graph).diagnostics).toEqual([]);
    undo();
    expect(analysisOf(s().graph).nodes[dense]?.diagnostics[0]?.code).toBe('dense-needs-flat');
  });
});
