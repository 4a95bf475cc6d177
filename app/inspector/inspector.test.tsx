// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { Profiler } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GraphBuilder } from '../../src/analysis/builder';
import { emptyProject } from '../../src/project/project-file';
import { seedExample } from '../../src/analysis/templates';
import type { Graph } from '../../src/graph/types';
import { clearHistory, dragNodes, endDrag, useStore } from '../store/store';
import { Inspector } from './inspector';

const s = () => useStore.getState();
const nodeNamed = (name: string) => {
  const node = s().graph.nodes.find((n) => n.name === name);
  if (!node) throw new Error(`no layer ${name}`);
  return node;
};
const load = (graph: Graph) => act(() => s().loadProject({ ...emptyProject(), graph }));
const selectNamed = (...names: string[]) => act(() => s().select(names.map((n) => nodeNamed(n).id)));
const input = (label: string) => screen.getByLabelText(label) as HTMLInputElement;

/** Types into a field and commits it the way the user does: with Enter, or by leaving it. */
function type(el: HTMLElement, value: string, how: 'enter' | 'blur' = 'blur') {
  fireEvent.change(el, { target: { value } });
  if (how === 'enter') fireEvent.keyDown(el, { key: 'Enter' });
  else fireEvent.blur(el);
}

function convThenDense(): Graph {
  const b = new GraphBuilder();
  b.chain(b.input([28, 28, 1]), ['Conv2D', { filters: 8 }], ['Dense', { units: 10 }]);
  return b.graph;
}

beforeEach(() => {
  s().loadProject(emptyProject());
  clearHistory();
});
afterEach(cleanup);

describe('Inspector', () => {
  it('says what to do when nothing is selected, and counts a multiple selection', () => {
    render(<Inspector />);
    expect(screen.getByText(/Select a layer to edit its parameters, or drag one from the palette/)).toBeTruthy();
    load(seedExample());
    selectNamed('dense_1', 'dense_2');
    expect(screen.getByText(/2 layers selected/)).toBeTruthy();
  });

  it('shows the class, description, output shape and parameter counts of the layer', () => {
    load(seedExample());
    selectNamed('dense_1');
    render(<Inspector />);
    expect(screen.getByRole('heading', { name: 'Dense' })).toBeTruthy();
    expect(screen.getByText(/Fully connected layer/)).toBeTruthy();
    expect(screen.getByTestId('inspector-shape').textContent).toBe('(None, 64)');
    expect(screen.getByTestId('inspector-params').textContent).toBe('320 (320 trainable / 0 non-trainable)');
    expect(screen.getByText(/Number of neurons/)).toBeTruthy();
  });

  it('commits a valid number and refuses an invalid one, keeping the text and saying why', () => {
    load(seedExample());
    selectNamed('dense_1');
    render(<Inspector />);
    const units = input('units');
    type(units, '10');
    expect(nodeNamed('dense_1').params.units).toBe(10);
    expect(screen.getByTestId('inspector-shape').textContent).toBe('(None, 10)');

    type(units, '0', 'enter');
    expect(nodeNamed('dense_1').params.units).toBe(10);
    const error = screen.getByText('units must be a whole number at least 1');
    expect(units.value).toBe('0');
    expect(units.getAttribute('aria-invalid')).toBe('true');
    expect(units.getAttribute('aria-describedby')).toContain(error.id);

    fireEvent.keyDown(units, { key: 'Escape' });
    expect(units.value).toBe('10');
    expect(units.getAttribute('aria-invalid')).toBe('false');
    expect(screen.queryByText('units must be a whole number at least 1')).toBeNull();
  });

  it('toggles a bool and picks a choice', () => {
    load(seedExample());
    selectNamed('dense_1');
    render(<Inspector />);
    fireEvent.click(input('use_bias'));
    expect(nodeNamed('dense_1').params.use_bias).toBe(false);
    expect(input('use_bias').checked).toBe(false);
    fireEvent.change(screen.getByLabelText('activation'), { target: { value: 'tanh' } });
    expect(nodeNamed('dense_1').params.activation).toBe('tanh');
  });

  it('edits a fixed-length tuple as one value when focus leaves the group', () => {
    load(convThenDense());
    selectNamed('conv2d_1');
    render(<Inspector />);
    const [first, second] = [input('kernel_size 1 of 2'), input('kernel_size 2 of 2')];
    fireEvent.change(first, { target: { value: '5' } });
    fireEvent.blur(first, { relatedTarget: second });
    expect(nodeNamed('conv2d_1').params.kernel_size).toEqual([3, 3]);
    type(second, '5');
    expect(nodeNamed('conv2d_1').params.kernel_size).toEqual([5, 5]);
    expect(screen.getByTestId('inspector-shape').textContent).toBe('(None, 24, 24, 8)');
    type(first, '', 'enter');
    expect(screen.getByText('kernel_size must be 2 whole numbers of at least 1')).toBeTruthy();
    expect(nodeNamed('conv2d_1').params.kernel_size).toEqual([5, 5]);
  });

  it('sets an Input shape from comma-separated integers', () => {
    load(seedExample());
    selectNamed('input_1');
    render(<Inspector />);
    const shape = input('shape');
    expect(shape.value).toBe('4');
    type(shape, '28, 28, 1', 'enter');
    expect(nodeNamed('input_1').params.shape).toEqual([28, 28, 1]);
    expect(screen.getByTestId('inspector-shape').textContent).toBe('(None, 28, 28, 1)');
    type(shape, '28, x');
    expect(screen.getByText(/^shape must be whole numbers/)).toBeTruthy();
    expect(nodeNamed('input_1').params.shape).toEqual([28, 28, 1]);
  });

  it('switches a nullable tuple between Default (None) and explicit values', () => {
    const b = new GraphBuilder();
    b.chain(b.input([28, 28, 1]), ['MaxPooling2D']);
    load(b.graph);
    selectNamed('max_pooling2d_1');
    render(<Inspector />);
    const auto = screen.getByLabelText('strides: Default (None)') as HTMLInputElement;
    expect(auto.checked).toBe(true);
    expect(input('strides 1 of 2').disabled).toBe(true);
    fireEvent.click(auto);
    expect(auto.checked).toBe(false);
    type(input('strides 1 of 2'), '1');
    expect(screen.getByText(/strides must be 2 whole numbers/)).toBeTruthy();
    fireEvent.change(input('strides 1 of 2'), { target: { value: '1' } });
    type(input('strides 2 of 2'), '1');
    expect(nodeNamed('max_pooling2d_1').params.strides).toEqual([1, 1]);
    fireEvent.click(auto);
    expect(nodeNamed('max_pooling2d_1').params.strides).toBeNull();
  });

  it('renames a layer, and refuses an invalid or taken name with its reason', () => {
    load(seedExample());
    selectNamed('dense_1');
    render(<Inspector />);
    const name = input('Name');
    type(name, '1st', 'enter');
    expect(screen.getByText(/"1st" is not a valid name/)).toBeTruthy();
    expect(name.value).toBe('1st');
    expect(name.getAttribute('aria-invalid')).toBe('true');
    type(name, 'dense_2');
    expect(screen.getByText('Another layer is already named "dense_2"')).toBeTruthy();
    expect(s().graph.nodes.map((n) => n.name)).toEqual(['input_1', 'dense_1', 'dense_2']);
    fireEvent.keyDown(name, { key: 'Escape' });
    expect(name.value).toBe('dense_1');
    type(name, 'hidden', 'enter');
    expect(s().graph.nodes.map((n) => n.name)).toEqual(['input_1', 'hidden', 'dense_2']);
    expect(name.value).toBe('hidden');
  });

  it('resets every field when another layer is selected', () => {
    load(seedExample());
    selectNamed('dense_1');
    render(<Inspector />);
    type(input('units'), '0');
    expect(screen.getByRole('alert').textContent).toMatch(/units must be/);
    selectNamed('dense_2');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(input('units').value).toBe('3');
  });

  it('lists the layer diagnostics and applies a fix: Insert Flatten before Dense after Conv2D', () => {
    load(convThenDense());
    selectNamed('dense_1');
    render(<Inspector />);
    const problems = screen.getByRole('list', { name: 'Problems with this layer' });
    expect(within(problems).getByText(/Insert Flatten \(or GlobalAveragePooling2D\)/)).toBeTruthy();
    expect(problems.querySelector('[data-code="dense-needs-flat"]')?.className).toContain('insp-diag-warning');
    fireEvent.click(screen.getByRole('button', { name: 'Insert Flatten' }));
    expect(s().graph.nodes.map((n) => n.kind)).toContain('Flatten');
    expect(screen.queryByRole('list', { name: 'Problems with this layer' })).toBeNull();
    expect(screen.getByTestId('inspector-shape').textContent).toBe('(None, 10)');
  });

  it('shows a layer without parameters and follows undo of an edit', () => {
    load(convThenDense());
    selectNamed('dense_1');
    render(<Inspector />);
    type(input('units'), '7');
    expect(input('units').value).toBe('7');
    act(() => useStore.temporal.getState().undo());
    expect(input('units').value).toBe('10');
    fireEvent.click(screen.getByRole('button', { name: 'Insert Flatten' }));
    selectNamed('flatten_1');
    expect(screen.getByText('Flatten has no parameters.')).toBeTruthy();
  });

  it('does not re-render while the selected layer is dragged', () => {
    load(seedExample());
    selectNamed('dense_1');
    let renders = 0;
    render(
      <Profiler id="inspector" onRender={() => (renders += 1)}>
        <Inspector />
      </Profiler>,
    );
    const before = renders;
    const id = nodeNamed('dense_1').id;
    act(() => {
      for (let i = 1; i <= 10; i += 1) dragNodes(new Map([[id, { x: i, y: i }]]));
      endDrag();
    });
    expect(renders).toBe(before);
  });
});
