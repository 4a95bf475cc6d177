// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { digitsCnnBase, PRETRAINED_DIGITS_BASE, seedExample } from '../../src/analysis/templates';
import { checkWeightShapes, type WeightValues } from '../../src/compile/tfjs-import';
import { unpackWeights } from '../../src/graph/inline-weights';
import type { Graph } from '../../src/graph/types';
import { emptyProject, parseProjectFile } from '../../src/project/project-file';
import { trainer } from '../services';
import { weightsFor } from '../store/model-weights';
import { clearHistory, useStore } from '../store/store';
import { NewMenu } from './new-menu';

const s = () => useStore.getState();
const shipped = () => readFileSync(join(import.meta.dirname, '../../public', PRETRAINED_DIGITS_BASE), 'utf8');

/** The training worker's weight check, in-process on cpu. */
async function checkInProcess(graph: Graph, weights: readonly WeightValues[]): Promise<void> {
  const tf = await import('@tensorflow/tfjs');
  await tf.setBackend('cpu');
  checkWeightShapes(tf, graph, weights);
}

/** The site as the page sees it: the shipped file under its path, nothing else. */
const serve = (body: string) =>
  vi.fn((url: string) => Promise.resolve(url === `./${PRETRAINED_DIGITS_BASE}` ? new Response(body) : new Response('', { status: 404 })));

beforeEach(() => {
  vi.spyOn(trainer, 'checkWeights').mockImplementation(checkInProcess);
  const data = { kind: 'sample' as const, sampleId: 'digits' };
  s().loadProject({ ...emptyProject('mine'), graph: seedExample(), data });
  s().dismissNotice();
  useStore.setState({ modelWeights: null });
  clearHistory();
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('the New menu', () => {
  it('opens the pretrained digits base with its weights from the site, keeping the data', async () => {
    const fetchMock = serve(shipped());
    vi.stubGlobal('fetch', fetchMock);
    render(<NewMenu />);
    fireEvent.click(screen.getByTestId('toolbar-new'));
    fireEvent.click(screen.getByTestId('template-pretrained-digits'));
    await waitFor(() =>
      expect(s().notice).toEqual({
        kind: 'info',
        text: 'New project: Pretrained digits base (transfer learning), with its pretrained weights. Undo brings back the previous graph.',
      }),
    );
    expect(fetchMock).toHaveBeenCalledWith(`./${PRETRAINED_DIGITS_BASE}`);
    expect(s().name).toBe('Pretrained digits base (transfer learning)');
    expect(s().graph.nodes.map((n) => n.name)).toEqual(digitsCnnBase().nodes.map((n) => n.name));
    expect(s().data).toEqual({ kind: 'sample', sampleId: 'digits' });
    const expected = unpackWeights(parseProjectFile(shipped()).weights ?? { encoding: 'float32-le-base64', specs: [], data: '' });
    const held = weightsFor(s().graph, s().modelWeights)?.weights ?? [];
    expect(held.map((w) => w.name)).toEqual(['conv2d_1/kernel', 'conv2d_1/bias', 'conv2d_2/kernel', 'conv2d_2/bias']);
    expect(held[2]?.values).toEqual(expected[2]?.values);
  });

  it('says what went wrong and keeps the project when the file cannot be had', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(() => Promise.resolve(new Response('', { status: 404 }))),
    );
    const before = s().graph;
    render(<NewMenu />);
    fireEvent.click(screen.getByTestId('toolbar-new'));
    fireEvent.click(screen.getByTestId('template-pretrained-digits'));
    await waitFor(() =>
      expect(s().notice).toEqual({
        kind: 'error',
        text: `Pretrained digits base (transfer learning): ${PRETRAINED_DIGITS_BASE} could not be loaded (HTTP 404)`,
      }),
    );
    expect(s().graph).toBe(before);
    expect(s().name).toBe('mine');
  });
});
