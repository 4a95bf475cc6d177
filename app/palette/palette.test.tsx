// @vitest-environment happy-dom
import { cleanup, createEvent, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptyProject } from '../../src/project/project-file';
import { lstmTextClassifier } from '../../src/analysis/templates';
import { LAYER_KINDS } from '../../src/layers/registry';
import { clearHistory, useStore } from '../store/store';
import { BLOCK_DRAG_TYPE, LAYER_DRAG_TYPE } from '../drag-type';
import { Palette } from './palette';
import { PALETTE_ENTRIES, matchesQuery } from './palette-search';

const s = () => useStore.getState();
const items = () => screen.queryAllByRole('button', { name: /^Add .* layer$/ });
const nameOf = (button: HTMLElement) => button.querySelector('.palette-item__name')?.textContent;

beforeEach(() => {
  s().loadProject(emptyProject());
  clearHistory();
});
afterEach(cleanup);

describe('Palette', () => {
  it('lists every layer kind under its category, with accessible names and tooltips', () => {
    render(<Palette />);
    expect(screen.getByRole('navigation', { name: 'Layer palette' })).toBeTruthy();
    expect(items()).toHaveLength(LAYER_KINDS.length);
    const dense = screen.getByTestId('palette-Dense');
    expect(dense.getAttribute('aria-label')).toBe('Add Dense layer');
    expect(dense.getAttribute('title')).toMatch(/^Dense: Fully connected layer/);
    const merge = screen.getByRole('list', { name: 'Merge' });
    expect(
      within(merge)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['Add', 'Concatenate', 'Multiply', 'Average', 'Maximum', 'Minimum', 'Dot']);
  });

  it.each([
    ['conv', ['Conv1D', 'Conv2D', 'DepthwiseConv2D', 'SeparableConv2D', 'Conv2DTranspose']],
    ['LSTM', ['LSTM', 'Bidirectional']],
    ['skip connection', ['Add']],
    ['pool 2d', ['MaxPooling2D', 'AveragePooling2D', 'GlobalAveragePooling2D', 'GlobalMaxPooling2D']],
  ])('filters by name, Keras class or description words: %s', (query, expected) => {
    render(<Palette />);
    fireEvent.change(screen.getByRole('searchbox', { name: 'Search layers' }), { target: { value: query } });
    const shown = items().map(nameOf);
    for (const kind of expected) expect(shown).toContain(kind);
    expect(shown.every((kind) => PALETTE_ENTRIES.some((e) => e.id === kind && matchesQuery(e, query)))).toBe(true);
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.length).toBeLessThan(LAYER_KINDS.length);
  });

  it('says so when nothing matches, and Escape clears the search', () => {
    render(<Palette />);
    const search = screen.getByRole('searchbox', { name: 'Search layers' });
    fireEvent.change(search, { target: { value: 'zzqqxx' } });
    expect(items()).toHaveLength(0);
    expect(screen.getByRole('status').textContent).toMatch(
      /^No layer or template matches “zzqqxx”\.Try a layer’s name .*image, text, sequence.* an activation \(relu/,
    );
    fireEvent.keyDown(search, { key: 'Escape' });
    expect(items()).toHaveLength(LAYER_KINDS.length);
  });

  it('shows why a result matched, tells screen readers too, and offers the matching templates', () => {
    render(<Palette />);
    fireEvent.change(screen.getByRole('searchbox', { name: 'Search layers' }), { target: { value: 'relu' } });
    const dense = screen.getByRole('button', { name: 'Add Dense layer' });
    expect(dense.querySelector('.palette-item__why')?.textContent).toBe('activation: relu');
    expect(dense.getAttribute('aria-describedby')).toBe(dense.querySelector('.palette-item__why')?.id);
    expect(screen.getByRole('button', { name: 'Add ReLU layer' }).getAttribute('aria-describedby')).toBeNull();

    fireEvent.change(screen.getByRole('searchbox', { name: 'Search layers' }), { target: { value: 'transformer' } });
    const template = within(screen.getByRole('list', { name: 'Templates (new project)' })).getByRole('button', {
      name: 'New project from the template Text classifier — Transformer',
    });
    fireEvent.click(template);
    expect(s().graph.nodes.some((n) => n.kind === 'TokenAndPositionEmbedding')).toBe(true);
    expect(s().notice?.text).toMatch(/^New project: Text classifier — Transformer\. Undo brings back the previous graph/);
  });

  it('adds a layer after the selected one on Enter and connects it', () => {
    const input = s().addLayer('Input', { x: 0, y: 0 });
    s().select([input]);
    render(<Palette />);
    fireEvent.keyDown(screen.getByTestId('palette-Dense'), { key: 'Enter' });
    const dense = s().graph.nodes.find((n) => n.kind === 'Dense');
    expect(dense).toBeDefined();
    expect(s().graph.edges).toEqual([expect.objectContaining({ source: input, target: dense?.id, targetSlot: 0 })]);
    expect(s().selectedNodes).toEqual([dense?.id]);
    expect(screen.getByText('Added dense_1 after input_1')).toBeTruthy();

    // The new layer is selected, so the next Enter chains after it: a model from the keyboard.
    fireEvent.click(screen.getByTestId('palette-Dropout'));
    expect(s().graph.edges).toHaveLength(2);
    expect(s().graph.edges[1]).toMatchObject({ source: dense?.id });
  });

  it('finds the TransformerEncoder block first for "transformer" and adds it after the selection on Enter, grouped', () => {
    s().loadProject({ ...emptyProject(), graph: lstmTextClassifier() });
    const embedding = s().graph.nodes.find((n) => n.kind === 'Embedding');
    s().select([embedding?.id ?? '']);
    render(<Palette />);
    fireEvent.change(screen.getByRole('searchbox', { name: 'Search layers' }), { target: { value: 'transformer' } });
    const results = within(screen.getByRole('list', { name: 'Best matches' })).getAllByRole('button');
    expect(results[0]?.getAttribute('aria-label')).toBe('Add TransformerEncoder block');
    expect(results.map(nameOf)).toEqual(expect.arrayContaining(['MultiHeadAttention', 'PositionEmbedding', 'TokenAndPositionEmbedding']));
    fireEvent.keyDown(results[0] as HTMLElement, { key: 'Enter' });
    const group = s().graph.groups?.[0];
    expect(group).toMatchObject({ title: 'TransformerEncoder', collapsed: true });
    expect(s().selectedNodes).toEqual([group?.id]);
    expect(screen.getByText('Added TransformerEncoder after embedding_1, collapsed')).toBeTruthy();
  });

  it('says why a block cannot be added with nothing selected', () => {
    render(<Palette />);
    fireEvent.click(screen.getByTestId('palette-TransformerEncoder'));
    expect(s().graph.nodes).toEqual([]);
    expect(s().notice?.text).toMatch(/^Select the layer that feeds TransformerEncoder/);
  });

  it('puts a block on a drag under its own type', () => {
    render(<Palette />);
    const item = screen.getByTestId('palette-TransformerEncoder');
    const data = new Map<string, string>();
    fireEvent(item, createEvent.dragStart(item, { dataTransfer: { setData: (type: string, value: string) => data.set(type, value) } }));
    expect(data.get(BLOCK_DRAG_TYPE)).toBe('TransformerEncoder');
    expect(data.has(LAYER_DRAG_TYPE)).toBe(false);
  });

  it('puts the layer kind on a drag, as a copy', () => {
    render(<Palette />);
    const item = screen.getByTestId('palette-Conv2D');
    const data = new Map<string, string>();
    const event = createEvent.dragStart(item, { dataTransfer: { setData: (type: string, value: string) => data.set(type, value) } });
    fireEvent(item, event);
    expect(data.get(LAYER_DRAG_TYPE)).toBe('Conv2D');
    expect(LAYER_DRAG_TYPE).toBe('application/netloom-layer');
    expect((event as DragEvent).dataTransfer?.effectAllowed).toBe('copy');
    expect(item.getAttribute('draggable')).toBe('true');
  });

  it('moves focus between items with the arrow keys', () => {
    render(<Palette />);
    const first = screen.getByTestId('palette-Input');
    first.focus();
    fireEvent.keyDown(first, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(screen.getByTestId('palette-Dense'));
    fireEvent.keyDown(document.activeElement as Element, { key: 'End' });
    expect(document.activeElement).toBe(screen.getByTestId('palette-Dot'));
  });
});
