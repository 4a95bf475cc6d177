// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { clear, get } from 'idb-keyval';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lstmTextClassifier } from '../../src/analysis/templates';
import { groupsOf } from '../../src/graph/groups';
import { emptyProject, parseProjectFile } from '../../src/project/project-file';
import { AUTOSAVE_DELAY_MS, AUTOSAVE_KEY, startAutosave } from './autosave';
import { clearHistory, redo, undo, useStore } from './store';

const s = () => useStore.getState();
const embedding = () => s().graph.nodes.find((n) => n.kind === 'Embedding')?.id ?? '';
const group = () => groupsOf(s().graph)[0];
let stop: (() => void) | undefined;

beforeEach(async () => {
  await clear();
  s().loadProject({ ...emptyProject('text'), graph: lstmTextClassifier() });
  clearHistory();
});

afterEach(() => {
  stop?.();
  stop = undefined;
});

/** Adds a TransformerEncoder after the Embedding, as Enter on the palette item does. */
function addBlock(): void {
  s().select([embedding()]);
  expect(s().addBlockAfterSelection('TransformerEncoder')).toEqual({ ok: true });
}

describe('groups in the editor store', () => {
  it('adds a block after the selection as one undo step and selects its group', () => {
    const before = s().graph;
    addBlock();
    expect(s().graph.nodes).toHaveLength(before.nodes.length + 9);
    expect(s().selectedNodes).toEqual([group()?.id]);
    undo();
    expect(s().graph).toBe(before);
    redo();
    expect(group()?.title).toBe('TransformerEncoder');
  });

  it('refuses a block with nothing selected, or an unknown one, with the reason', () => {
    s().select([]);
    expect(s().addBlockAfterSelection('TransformerEncoder')).toEqual({
      ok: false,
      reason: 'Select the layer that feeds TransformerEncoder (an Embedding, say) first, or drop TransformerEncoder onto it',
    });
    expect(s().addBlock('Nope', embedding())).toEqual({ ok: false, reason: 'There is no block called Nope' });
  });

  it('expands and collapses as undoable edits; a selected member hands its selection to the group', () => {
    addBlock();
    const id = group()?.id ?? '';
    const collapsed = s().graph;
    s().setGroupCollapsed(id, false);
    expect(group()?.collapsed).toBe(false);
    const attention = group()?.members[0] ?? '';
    s().select([attention]);
    s().setGroupCollapsed(id, true);
    expect(s().selectedNodes).toEqual([id]);
    expect(s().graph.nodes).toEqual(collapsed.nodes);
    undo();
    expect(group()?.collapsed).toBe(false);
  });

  it('deletes a group with its layers, and ungroups keeping them', () => {
    addBlock();
    const id = group()?.id ?? '';
    const members = group()?.members ?? [];
    s().remove([id], []);
    expect(s().graph.groups).toBeUndefined();
    expect(s().graph.nodes.some((n) => members.includes(n.id))).toBe(false);
    expect(s().selectedNodes).toEqual([]);
    undo();
    s().select([id]);
    s().ungroup(id);
    expect(s().graph.groups).toBeUndefined();
    expect(s().selectedNodes).toEqual(members);
    expect(s().graph.nodes.filter((n) => members.includes(n.id))).toHaveLength(9);
  });

  it('copies, pastes and duplicates a selected group as a new group', () => {
    addBlock();
    s().copySelection();
    s().paste();
    expect(groupsOf(s().graph)).toHaveLength(2);
    expect(s().selectedNodes).toEqual([groupsOf(s().graph)[1]?.id]);
    s().duplicateSelection();
    expect(groupsOf(s().graph)).toHaveLength(3);
    expect(s().graph.nodes.filter((n) => n.kind === 'MultiHeadAttention')).toHaveLength(3);
  });

  it('adds a layer after a collapsed group, fed by its output', () => {
    addBlock();
    const output = group()?.members.at(-1);
    const id = s().addLayerAfterSelection('GlobalAveragePooling1D');
    expect(s().graph.edges.at(-1)).toMatchObject({ source: output, target: id });
  });

  it('autosaves groups with the project', async () => {
    stop = startAutosave();
    addBlock();
    s().setGroupCollapsed(group()?.id ?? '', false);
    await new Promise((resolve) => setTimeout(resolve, AUTOSAVE_DELAY_MS + 100));
    const stored = await get<{ text: string }>(AUTOSAVE_KEY);
    expect(parseProjectFile(stored?.text ?? '').graph.groups).toEqual(s().graph.groups);
    expect(group()).toMatchObject({ title: 'TransformerEncoder', collapsed: false });
  });
});
