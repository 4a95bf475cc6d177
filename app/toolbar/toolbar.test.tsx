// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { ReactFlowProvider } from '@xyflow/react';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { zipSync } from 'fflate';
import { exportGraphModel, zipModel } from '../../src/compile/tfjs-export';
import { packWeights } from '../../src/graph/inline-weights';
import { emptyProject, serializeProject } from '../../src/project/project-file';
import { graphKeyOf, weightsFor } from '../store/model-weights';
import { TEMPLATES, digitsCnn, seedExample } from '../../src/analysis/templates';
import { DEFAULT_TRAINING_CONFIG } from '../../src/settings/training';
import { clearHistory, useStore } from '../store/store';
import { Toolbar } from './toolbar';
import { checkWeightShapes, type WeightValues } from '../../src/compile/tfjs-import';
import type { Graph } from '../../src/graph/types';
import { trainer } from '../services';

const s = () => useStore.getState();
const kinds = () => s().graph.nodes.map((n) => n.kind);
const fixture = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');
const fixtureBytes = (path: string) => new Uint8Array(readFileSync(new URL(path, import.meta.url)));

const renderToolbar = () =>
  render(
    <ReactFlowProvider>
      <Toolbar />
    </ReactFlowProvider>,
  );

const openFile = (text: string, name: string) =>
  fireEvent.change(screen.getByTestId('open-file-input'), { target: { files: [new File([text], name, { type: 'application/json' })] } });

/** What the training worker does for Open's weight check (trainer-service's load-weights), in-process on cpu. */
async function checkInProcess(graph: Graph, weights: readonly WeightValues[]): Promise<void> {
  const tf = await import('@tensorflow/tfjs');
  await tf.setBackend('cpu');
  checkWeightShapes(tf, graph, weights);
}

beforeEach(() => {
  vi.spyOn(trainer, 'checkWeights').mockImplementation(checkInProcess);
  s().loadProject(emptyProject());
  s().dismissNotice();
  clearHistory();
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('Toolbar', () => {
  it('loads a template from the New menu, keeping the old graph undoable', () => {
    s().loadProject({ ...emptyProject('mine'), graph: seedExample() });
    clearHistory();
    renderToolbar();
    const menuButton = screen.getByTestId('toolbar-new');
    fireEvent.click(menuButton);
    expect(menuButton.getAttribute('aria-expanded')).toBe('true');
    expect(screen.getAllByRole('menuitem')).toHaveLength(TEMPLATES.length);
    fireEvent.click(screen.getByTestId('template-cnn'));
    expect(kinds()).toEqual(digitsCnn().nodes.map((n) => n.kind));
    expect(s().name).toBe('CNN for 28x28 images');
    expect(screen.queryByRole('menu')).toBeNull();
    fireEvent.click(screen.getByTestId('toolbar-undo'));
    expect(kinds()).toEqual(['Input', 'Dense', 'Dense']);
  });

  it('keeps the data and its plan when a template starts a new project', () => {
    const data = { kind: 'sample' as const, sampleId: 'iris' };
    s().loadProject({ ...emptyProject('mine'), graph: seedExample(), data });
    renderToolbar();
    fireEvent.click(screen.getByTestId('toolbar-new'));
    fireEvent.click(screen.getByTestId('template-cnn'));
    expect(s().data).toEqual(data);
    expect(s().name).toBe('CNN for 28x28 images');
  });

  it('closes the New menu on Escape and returns focus to its button', () => {
    renderToolbar();
    fireEvent.click(screen.getByTestId('toolbar-new'));
    expect(document.activeElement).toBe(screen.getByTestId('template-blank'));
    fireEvent.keyDown(document.activeElement as Element, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(screen.getByTestId('template-seed'));
    fireEvent.keyDown(document.activeElement as Element, { key: 'Escape' });
    expect(screen.queryByRole('menu')).toBeNull();
    expect(document.activeElement).toBe(screen.getByTestId('toolbar-new'));
  });

  it('shows an error and keeps the graph when the opened file is not a model', async () => {
    s().loadProject({ ...emptyProject('keep me'), graph: seedExample() });
    const before = s().graph;
    renderToolbar();
    openFile('{"hello": 1}', 'notes.json');
    await waitFor(() => expect(s().notice?.kind).toBe('error'));
    expect(s().notice?.text).toMatch(/^notes\.json: is neither a Netloom project/);
    expect(s().graph).toBe(before);
    expect(s().name).toBe('keep me');
  });

  it('replaces the whole project when a project file is opened, and fetches its sample again', async () => {
    // No server in this test: the sample fetch fails, and the data panel says so.
    const fetchMock = vi.fn(() => Promise.reject(new Error('offline')));
    vi.stubGlobal('fetch', fetchMock);
    renderToolbar();
    openFile(fixture('../../src/project/fixtures/seed-v1.netloom.json'), 'iris.netloom.json');
    await waitFor(() => expect(s().name).toBe('Iris classifier'));
    expect(kinds()).toEqual(['Input', 'Dense', 'Dense']);
    expect(s().notice).toEqual({ kind: 'info', text: 'Opened iris.netloom.json: 3 layers.' });
    await waitFor(() => expect(s().dataStatus).toEqual({ kind: 'error', message: 'offline' }));
    expect(fetchMock).toHaveBeenCalledWith('./samples/iris.csv');
    vi.unstubAllGlobals();
  });

  it('replaces only the graph and the name when a Keras model is opened', async () => {
    const training = { ...DEFAULT_TRAINING_CONFIG, epochs: 3 };
    s().loadProject({ ...emptyProject('old'), training });
    renderToolbar();
    openFile(fixture('../../src/compile/fixtures/keras3-sequential.json'), 'model.json');
    await waitFor(() => expect(s().name).toBe('sequential'));
    expect(kinds()[0]).toBe('Input');
    expect(s().training).toBe(training);
  });

  it('enables undo and redo only when there is something to undo or redo', () => {
    renderToolbar();
    const undoButton = screen.getByTestId('toolbar-undo') as HTMLButtonElement;
    const redoButton = screen.getByTestId('toolbar-redo') as HTMLButtonElement;
    expect(undoButton.disabled).toBe(true);
    expect(redoButton.disabled).toBe(true);
    expect(undoButton.title).toMatch(/Undo \((Ctrl\+|⌘)Z\)/);
    fireEvent.click(screen.getByTestId('toolbar-tidy'));
    expect(undoButton.disabled).toBe(true);

    act(() => s().addLayer('Input', { x: 0, y: 0 }));
    expect(undoButton.disabled).toBe(false);
    fireEvent.click(undoButton);
    expect(s().graph.nodes).toHaveLength(0);
    expect(undoButton.disabled).toBe(true);
    expect(redoButton.disabled).toBe(false);
  });

  it('tidies the layout as one undo step', () => {
    s().loadProject({ ...emptyProject(), graph: seedExample() });
    s().setPositions(new Map(s().graph.nodes.map((n) => [n.id, { x: 999, y: 999 }])));
    clearHistory();
    renderToolbar();
    fireEvent.click(screen.getByTestId('toolbar-tidy'));
    const ys = s().graph.nodes.map((n) => n.position.y);
    expect(new Set(ys).size).toBe(3);
    expect(useStore.temporal.getState().pastStates).toHaveLength(1);
  });

  it('offers tidy layout and fit view only on the model view, where the canvas is', () => {
    renderToolbar();
    expect(screen.queryByTestId('toolbar-fit')).not.toBeNull();
    act(() => s().setView('train'));
    expect(screen.queryByTestId('toolbar-tidy')).toBeNull();
    expect(screen.queryByTestId('toolbar-fit')).toBeNull();
    act(() => s().setView('model'));
    expect(screen.queryByTestId('toolbar-tidy')).not.toBeNull();
  });

  it('opens its own TF.js zip export: the graph and its weights become the model', async () => {
    const tf = await import('@tensorflow/tfjs');
    await tf.setBackend('cpu');
    const graph = seedExample(4, 2);
    const files = await exportGraphModel(tf, graph, { metadata: { project: 'zipped' } });
    const zip = zipModel(files);
    renderToolbar();
    fireEvent.change(screen.getByTestId('open-file-input'), { target: { files: [new File([zip as BlobPart], 'zipped.zip', { type: 'application/zip' })] } });
    await waitFor(() => expect(s().notice).toEqual({ kind: 'info', text: 'Opened zipped.zip with its trained weights: 3 layers.' }));
    expect(kinds()).toEqual(['Input', 'Dense', 'Dense']);
    const held = weightsFor(s().graph, s().modelWeights);
    expect(held?.weights.map((w) => [w.name, w.shape])).toEqual([
      ['dense_1/kernel', [4, 64]],
      ['dense_1/bias', [64]],
      ['dense_2/kernel', [64, 2]],
      ['dense_2/bias', [2]],
    ]);
    // A model.json says nothing of its training: unknown, not 0.
    expect(held?.epochs).toBeUndefined();
  });

  it('opens a zipped Keras 3 converter folder with MultiHeadAttention: its call and its weights come with it', async () => {
    const folder = '../../src/compile/fixtures/keras3-mha/cross-attention/';
    const zip = zipSync({
      'transformer/model.json': new TextEncoder().encode(fixture(`${folder}model.json`)),
      'transformer/group1-shard1of1.bin': fixtureBytes(`${folder}group1-shard1of1.bin`),
    });
    renderToolbar();
    fireEvent.change(screen.getByTestId('open-file-input'), {
      target: { files: [new File([zip as BlobPart], 'transformer.zip', { type: 'application/zip' })] },
    });
    await waitFor(() => expect(s().notice).toEqual({ kind: 'info', text: 'Opened transformer.zip with its trained weights: 13 layers.' }));
    const attention = s().graph.nodes.find((n) => n.kind === 'MultiHeadAttention');
    expect(attention?.params).toMatchObject({ num_heads: 2, key_dim: 4, value_dim: 3, use_causal_mask: false });
    expect(s().graph.edges.filter((e) => e.target === attention?.id)).toHaveLength(2);
    const held = weightsFor(s().graph, s().modelWeights);
    expect(held?.weights.filter((w) => w.name.startsWith('cross_attention/')).map((w) => [w.name, w.shape])).toEqual([
      ['cross_attention/query/kernel', [8, 2, 4]],
      ['cross_attention/query/bias', [2, 4]],
      ['cross_attention/key/kernel', [8, 2, 4]],
      ['cross_attention/key/bias', [2, 4]],
      ['cross_attention/value/kernel', [8, 2, 3]],
      ['cross_attention/value/bias', [2, 3]],
      ['cross_attention/attention_output/kernel', [2, 3, 8]],
      ['cross_attention/attention_output/bias', [8]],
    ]);
  });

  it('refuses a project whose weights do not fit its model, and leaves the current project as it was', async () => {
    const graph = seedExample(4, 3);
    const broken = serializeProject({
      ...emptyProject('broken'),
      graph,
      weights: packWeights([{ name: 'dense_1/kernel', shape: [2], values: new Float32Array(2) }]),
    });
    s().loadProject({ ...emptyProject('current'), graph: seedExample(4, 2) });
    const before = s().graph;
    renderToolbar();
    openFile(broken, 'broken.netloom.json');
    await waitFor(() =>
      expect(s().notice).toEqual({
        kind: 'error',
        text: 'broken.netloom.json: its weights do not fit its model: layer "dense_1" has 2 weight values in the file but the model needs 320',
      }),
    );
    expect(s().name).toBe('current');
    expect(s().graph).toBe(before);
  });

  it('refuses a project whose kernel is transposed (its count fits), naming the weight, and leaves the current project as it was', async () => {
    const graph = seedExample(4, 3);
    const transposed = serializeProject({
      ...emptyProject('transposed'),
      graph,
      weights: packWeights(
        [
          ['dense_1/kernel', [64, 4]],
          ['dense_1/bias', [64]],
          ['dense_2/kernel', [64, 3]],
          ['dense_2/bias', [3]],
        ].map(([name, shape]) => ({
          name: name as string,
          shape: shape as number[],
          values: new Float32Array((shape as number[]).reduce((a, b) => a * b, 1)),
        })),
      ),
    });
    s().loadProject({ ...emptyProject('current'), graph: seedExample(4, 2) });
    const before = s().graph;
    renderToolbar();
    openFile(transposed, 'transposed.netloom.json');
    await waitFor(() =>
      expect(s().notice).toEqual({
        kind: 'error',
        text: 'transposed.netloom.json: weight "dense_1/kernel" has shape [64, 4] but the model\'s "dense_1/kernel" is [4, 64]',
      }),
    );
    expect(trainer.checkWeights).toHaveBeenCalledTimes(1);
    expect(s().name).toBe('current');
    expect(s().graph).toBe(before);
  });

  it('says what a zip holds when it is not a model', async () => {
    renderToolbar();
    const zip = zipSync({ 'notes.txt': new TextEncoder().encode('hello') });
    fireEvent.change(screen.getByTestId('open-file-input'), { target: { files: [new File([zip as BlobPart], 'notes.zip')] } });
    await waitFor(() => expect(s().notice).toEqual({ kind: 'error', text: 'notes.zip: the zip holds no model.json or .netloom.json (it has notes.txt)' }));
  });

  it('saves the weights the model holds with the project and the epochs that trained them, and opening the file brings both back', async () => {
    const graph = seedExample(4, 3);
    s().loadProject({ ...emptyProject('with weights'), graph });
    const weights = [
      { name: 'dense_1/kernel', shape: [4, 64], dtype: 'float32' as const, values: new Float32Array(256).fill(0.5) },
      { name: 'dense_1/bias', shape: [64], dtype: 'float32' as const, values: new Float32Array(64) },
      { name: 'dense_2/kernel', shape: [64, 3], dtype: 'float32' as const, values: new Float32Array(192) },
      { name: 'dense_2/bias', shape: [3], dtype: 'float32' as const, values: new Float32Array(3) },
    ];
    useStore.setState({ modelWeights: { key: graphKeyOf(graph), weights, source: 'trained', epochs: 2 } });
    let blob: Blob | undefined;
    vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => ((blob = b as Blob), 'blob:netloom'));
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    renderToolbar();
    fireEvent.click(screen.getByTestId('toolbar-save'));
    const text = (await blob?.text()) ?? '';
    expect(JSON.parse(text).weights.specs[0]).toEqual({ name: 'dense_1/kernel', shape: [4, 64] });
    expect(JSON.parse(text).weights.epochs).toBe(2);
    s().loadProject(emptyProject());
    useStore.setState({ modelWeights: null });
    vi.stubGlobal(
      'fetch',
      vi.fn(() => Promise.reject(new Error('offline'))),
    );
    openFile(text, 'with-weights.netloom.json');
    await waitFor(() =>
      expect(s().notice).toEqual({ kind: 'info', text: 'Opened with-weights.netloom.json with its weights (trained for 2 epochs): 3 layers.' }),
    );
    expect(weightsFor(s().graph, s().modelWeights)?.weights[0]?.values).toEqual(new Float32Array(256).fill(0.5));
    // Continuing counts on from them, as Keras's initial_epoch.
    expect(weightsFor(s().graph, s().modelWeights)?.epochs).toBe(2);
    expect(s().continueFrom).toBe('current');
    vi.unstubAllGlobals();
  });

  it('downloads the project as <name>.netloom.json', async () => {
    s().loadProject({ ...emptyProject('Iris: v2'), graph: seedExample() });
    let blob: Blob | undefined;
    vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => ((blob = b as Blob), 'blob:netloom'));
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    let download = '';
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      download = this.download;
    });
    renderToolbar();
    fireEvent.click(screen.getByTestId('toolbar-save'));
    expect(download).toBe('Iris_ v2.netloom.json');
    expect(await blob?.text()).toBe(serializeProject({ ...emptyProject('Iris: v2'), graph: s().graph }));
  });

  it('renames the project in place; Escape reverts', () => {
    renderToolbar();
    const field = screen.getByRole('textbox', { name: 'Project name' });
    fireEvent.focus(field);
    fireEvent.change(field, { target: { value: '  digits  ' } });
    fireEvent.blur(field);
    expect(s().name).toBe('digits');
    fireEvent.focus(field);
    fireEvent.change(field, { target: { value: 'oops' } });
    fireEvent.keyDown(field, { key: 'Escape' });
    fireEvent.blur(field);
    expect(s().name).toBe('digits');
    expect((field as HTMLInputElement).value).toBe('digits');
  });
});
