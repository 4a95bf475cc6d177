// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { GraphBuilder } from '../../src/analysis/builder';
import { digitsCnn, seedExample } from '../../src/analysis/templates';
import type { DataSignature } from '../../src/data/wiring';
import type { Graph } from '../../src/graph/types';
import { emptyProject } from '../../src/project/project-file';
import { useStore } from '../store/store';
import { WiringBar } from './wiring-bar';

const s = () => useStore.getState();
const IRIS: DataSignature = { featureShape: [4], task: 'classification', classes: 3, encoding: 'onehot' };

function open(graph: Graph) {
  s().loadProject({ ...emptyProject(), graph });
  s().setDataSignature(IRIS);
  s().setView('data');
  render(<WiringBar />);
}

afterEach(cleanup);

describe('WiringBar', () => {
  it('says the seed model fits Iris, and says so after fitting a wider one to it', () => {
    open(seedExample());
    expect(screen.getByTestId('wiring-ok').textContent).toBe('The model fits this data.');
    cleanup();
    open(seedExample(13, 2));
    fireEvent.click(screen.getByTestId('fit-model'));
    expect(screen.getByTestId('wiring-ok')).toBeTruthy();
    expect(s().notice).toEqual({ kind: 'info', text: 'The model now takes the data: Input shape, output units, activation and loss were set.' });
  });

  it.each([
    ['an empty canvas', (): Graph => ({ nodes: [], edges: [] }), 'The model is empty'],
    [
      'an Input alone',
      (): Graph => {
        const b = new GraphBuilder();
        b.input([4]);
        return b.graph;
      },
      'input_1 is the only layer',
    ],
  ])('does not say %s fits, and says why without offering a fit that cannot help', (_name, graph, why) => {
    open(graph());
    expect(screen.queryByTestId('wiring-ok')).toBeNull();
    expect(screen.getByTestId('wiring-problems').textContent).toContain(why);
    expect(screen.queryByTestId('fit-model')).toBeNull();
    expect(screen.getByTestId('wiring-hint')).toBeTruthy();
  });

  it('after "Fit the model to this data" on the CNN, names conv2d_1 instead of saying it fits; the link shows it', () => {
    open(digitsCnn());
    fireEvent.click(screen.getByTestId('fit-model'));
    expect(screen.queryByTestId('wiring-ok')).toBeNull();
    expect(screen.getByTestId('wiring-problems').textContent).toMatch(/Conv2D needs a 4-D input .* conv2d_1 gets 2-D \(None, 4\)/);
    expect(s().notice).toEqual({
      kind: 'error',
      text: expect.stringMatching(/^Input shape, output units, activation and loss were set, but the model still cannot train on this data: Conv2D needs/),
    });
    fireEvent.click(screen.getByRole('button', { name: /Show conv2d_1/ }));
    expect(s().selectedNodes).toEqual([s().graph.nodes.find((n) => n.name === 'conv2d_1')?.id]);
    expect(s().view).toBe('model');
  });
});
