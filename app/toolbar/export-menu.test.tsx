// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { unzipSync } from 'fflate';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseCsvText } from '../../src/data/csv';
import type { DataConfig } from '../../src/data/config';
import { defaultPlan } from '../../src/data/plan';
import { fitPreprocessing } from '../../src/data/preprocess';
import { emptyProject } from '../../src/project/project-file';
import { residualBlock, seedExample } from '../../src/analysis/templates';
import { plotModelSvg } from '../../src/compile/plot-model';
import { NETLOOM_LAYERS_JS } from '../../src/compile/generated/netloom-layers-source';
import { exportGraphModel } from '../../src/compile/tfjs-export';
import { GraphBuilder } from '../../src/analysis/builder';
import type { Graph } from '../../src/graph/types';
import { trainer } from '../services';
import { useStore } from '../store/store';
import { ExportMenu } from './export-menu';

const s = () => useStore.getState();
// Not new URL('../../public/...', import.meta.url): Vite turns that into the site path of the asset.
const irisBytes = readFileSync(join(dirname(fileURLToPath(import.meta.url)), '../../public/samples/iris.csv'));
const table = parseCsvText(irisBytes.toString('utf8'), 'iris.csv');
const plan = defaultPlan(table);
const fitted = fitPreprocessing(table, plan);

/** Catches downloads: the file name and the blob of each. */
function captureDownloads(): { name: string; blob: Blob }[] {
  const downloads: { name: string; blob: Blob }[] = [];
  let blob: Blob | undefined;
  vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => ((blob = b as Blob), 'blob:netloom'));
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    if (blob) downloads.push({ name: this.download, blob });
  });
  return downloads;
}

function exportAs(item: string, data: DataConfig, graph: Graph = seedExample()): void {
  s().loadProject({ ...emptyProject('Iris classifier'), graph, data });
  render(<ExportMenu />);
  fireEvent.click(screen.getByTestId('toolbar-export'));
  fireEvent.click(screen.getByTestId(`export-${item}`));
}

beforeEach(() => s().dismissNotice());
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('Export menu, Keras', () => {
  it('downloads the script under the name its header tells to run', async () => {
    const downloads = captureDownloads();
    exportAs('keras', { kind: 'sample', sampleId: 'iris', plan, fitted });
    expect(downloads.map((d) => d.name)).toEqual(['iris_classifier.py']);
    expect(await downloads[0]?.blob.text()).toContain('#   python iris_classifier.py');
  });

  it('zips the script with the built-in sample it reads, fetched from the site', async () => {
    const downloads = captureDownloads();
    const fetchMock = vi.fn(() => Promise.resolve(new Response(irisBytes)));
    vi.stubGlobal('fetch', fetchMock);
    exportAs('keras-zip', { kind: 'sample', sampleId: 'iris', plan, fitted });
    await waitFor(() => expect(s().notice?.text).toBe('Exported iris_classifier.zip: the script with its data.'));
    expect(fetchMock).toHaveBeenCalledWith('./samples/iris.csv');
    const files = unzipSync(new Uint8Array(await (downloads[0]?.blob as Blob).arrayBuffer()));
    expect(Object.keys(files)).toEqual(['iris_classifier/iris_classifier.py', 'iris_classifier/iris.csv']);
    expect(Buffer.from(files['iris_classifier/iris.csv'] as Uint8Array).equals(irisBytes)).toBe(true);
    expect(new TextDecoder().decode(files['iris_classifier/iris_classifier.py'])).toContain('DATA_FILE = os.path.join(HERE, "iris.csv")');
  });

  it('names an uploaded CSV, which the page cannot read again, for the user to put beside the script', async () => {
    const downloads = captureDownloads();
    exportAs('keras-zip', { kind: 'csv', fileName: 'my flowers.csv', plan, fitted });
    await waitFor(() =>
      expect(s().notice?.text).toBe('Exported iris_classifier.zip: put "my flowers.csv" beside the script in it, Netloom cannot include it.'),
    );
    const files = unzipSync(new Uint8Array(await (downloads[0]?.blob as Blob).arrayBuffer()));
    expect(Object.keys(files)).toEqual(['iris_classifier/iris_classifier.py']);
  });
});

/** Attention over (4, 6) rows: MultiHeadAttention is a class only Netloom registers. */
function attentionGraph(): Graph {
  const b = new GraphBuilder();
  b.chain(b.add('MultiHeadAttention', { num_heads: 2, key_dim: 3 }, b.input([4, 6])), ['Flatten'], ['Dense', { units: 3, activation: 'softmax' }]);
  return b.graph;
}

/** The worker's answer to export, made by the same code the worker runs. */
async function workerExport(graph: Graph): Promise<void> {
  const tf = await import('@tensorflow/tfjs');
  await tf.setBackend('cpu');
  const files = await exportGraphModel(tf, graph, { metadata: { project: 'Iris classifier' } });
  vi.spyOn(trainer, 'exportModel').mockResolvedValue({ ...files, trained: true });
}

describe('Export menu, TF.js', () => {
  const NOTE = 'It uses MultiHeadAttention, so it needs netloom-layers.js: call registerNetloomLayers(tf) before tf.loadLayersModel.';

  it('downloads model.json and the weights, and no more, for a model of stock tfjs classes', async () => {
    await workerExport(seedExample());
    const downloads = captureDownloads();
    exportAs('tfjs-files', { kind: 'none' });
    await waitFor(() => expect(s().notice?.text).toBe('Exported the trained model.'));
    expect(downloads.map((d) => d.name)).toEqual(['model.json', 'model.weights.bin']);
  });

  it('adds netloom-layers.js as a third download for an attention model, and says why', async () => {
    const graph = attentionGraph();
    await workerExport(graph);
    const downloads = captureDownloads();
    exportAs('tfjs-files', { kind: 'none' }, graph);
    await waitFor(() => expect(s().notice?.text).toBe(`Exported the trained model. ${NOTE}`));
    expect(downloads.map((d) => [d.name, d.blob.type])).toEqual([
      ['model.json', 'application/json'],
      ['model.weights.bin', 'application/octet-stream'],
      ['netloom-layers.js', 'text/javascript'],
    ]);
    expect(await downloads[2]?.blob.text()).toBe(NETLOOM_LAYERS_JS);
  });

  it('puts netloom-layers.js into the zip of an attention model', async () => {
    const graph = attentionGraph();
    await workerExport(graph);
    const downloads = captureDownloads();
    exportAs('tfjs-zip', { kind: 'none' }, graph);
    await waitFor(() => expect(s().notice?.text).toBe(`Exported the trained model. ${NOTE}`));
    const files = unzipSync(new Uint8Array(await (downloads[0]?.blob as Blob).arrayBuffer()));
    expect(Object.keys(files).sort()).toEqual(['model.json', 'model.weights.bin', 'netloom-layers.js']);
    expect(new TextDecoder().decode(files['netloom-layers.js'])).toBe(NETLOOM_LAYERS_JS);
  });
});

describe('Export menu, model picture', () => {
  it("downloads the picture as <project>.svg, the SVG plot_model's look gives the CLI too", async () => {
    const downloads = captureDownloads();
    const graph = residualBlock();
    exportAs('picture-svg', { kind: 'none' }, graph);
    expect(downloads.map((d) => [d.name, d.blob.type])).toEqual([['Iris classifier.svg', 'image/svg+xml']]);
    const svg = await downloads[0]?.blob.text();
    expect(svg).toBe(plotModelSvg(graph));
    expect(svg).toContain('<title>add_1 (Add)</title>');
  });

  it('draws nothing for a model with errors or no layers, and says why', () => {
    const downloads = captureDownloads();
    const b = new GraphBuilder();
    b.chain(b.input([4]), ['Conv2D', { filters: 2, kernel_size: [3, 3] }]);
    exportAs('picture-svg', { kind: 'none' }, b.graph);
    expect(s().notice).toEqual({ kind: 'error', text: 'Fix the problems shown on the model before drawing it' });
    cleanup();
    exportAs('picture-png', { kind: 'none' }, { nodes: [], edges: [] });
    expect(s().notice).toEqual({ kind: 'error', text: 'There is no model to draw yet' });
    expect(downloads).toEqual([]);
  });
});
