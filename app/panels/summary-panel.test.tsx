// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { Profiler } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptyProject } from '../../src/project/project-file';
import { GraphBuilder } from '../../src/analysis/builder';
import { seedExample } from '../../src/analysis/templates';
import { clearHistory, dragNodes, endDrag, useStore } from '../store/store';
import { SummaryPanel } from './summary-panel';
import { summaryOf } from './summary-of';

const s = () => useStore.getState();

beforeEach(() => {
  s().loadProject(emptyProject());
  clearHistory();
});
afterEach(cleanup);

describe('SummaryPanel', () => {
  it('says the model is empty when the graph is', () => {
    render(<SummaryPanel />);
    expect(screen.getByText(/The model is empty/)).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('shows the Keras summary with totals and no problem list for a valid model', () => {
    act(() => s().loadProject({ ...emptyProject(), graph: seedExample() }));
    render(<SummaryPanel />);
    expect(screen.getByTestId('summary-row-dense_1').textContent).toContain('(None, 64)');
    expect(screen.getByTestId('summary-totals').textContent).toMatch(/Total params: 515 \(2\.01 KB\).*Trainable: 515.*Non-trainable: 0/);
    expect(screen.queryByText(/problem/)).toBeNull();
  });

  it('lists problems and selects the layer of the one clicked', () => {
    act(() => s().loadProject({ ...emptyProject(), graph: seedExample() }));
    render(<SummaryPanel />);
    let loose = '';
    act(() => {
      loose = s().addLayer('Dense', { x: 400, y: 0 });
      s().select([]);
    });
    expect(screen.getByText('1 problem — shapes after them are unknown')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /dense_3 needs an input/ }));
    expect(s().selectedNodes).toEqual([loose]);
  });

  it('lists warnings apart from errors', () => {
    const graph = seedExample(4, 1);
    act(() => s().loadProject({ ...emptyProject(), graph }));
    render(<SummaryPanel />);
    expect(screen.getByText('1 warning')).toBeTruthy();
    expect(screen.queryByText(/shapes after them are unknown/)).toBeNull();
  });

  it('does not re-render while a node is dragged', () => {
    act(() => s().loadProject({ ...emptyProject(), graph: seedExample() }));
    let renders = 0;
    render(
      <Profiler id="summary" onRender={() => (renders += 1)}>
        <SummaryPanel />
      </Profiler>,
    );
    const before = renders;
    const id = s().graph.nodes[1]?.id as string;
    act(() => {
      for (let i = 1; i <= 10; i += 1) dragNodes(new Map([[id, { x: i, y: i }]]));
      endDrag();
    });
    expect(renders).toBe(before);
    act(() => void s().setParam(id, 'units', 8));
    expect(renders).toBe(before + 1);
  });

  it('keeps the same summary while nodes are dragged, and a new one after a rename', () => {
    act(() => s().loadProject({ ...emptyProject(), graph: seedExample() }));
    const before = summaryOf(s().graph);
    const id = s().graph.nodes[1]?.id as string;
    dragNodes(new Map([[id, { x: 300, y: 300 }]]));
    endDrag();
    expect(summaryOf(s().graph)).toBe(before);
    s().renameLayer(id, 'hidden');
    expect(summaryOf(s().graph).rows.map((r) => r.name)).toContain('hidden');
  });

  it('keeps only the rows in view of a 3,000-layer summary in the DOM, follows the scroll and always shows the totals', () => {
    const graph = new GraphBuilder();
    let x = graph.input([4]);
    for (let i = 0; i < 3000; i += 1) x = graph.add('Dense', { units: 4 }, x);
    act(() => s().loadProject({ ...emptyProject(), graph: graph.graph }));
    render(<SummaryPanel />);
    const rows = () => screen.getByTestId('summary-scroll').querySelectorAll('tbody tr:not(.summary-spacer)');
    expect(rows().length).toBeGreaterThan(10);
    expect(rows().length).toBeLessThan(60);
    expect(screen.getByTestId('summary-row-input_1')).toBeTruthy();
    expect(screen.queryByTestId('summary-row-dense_2500')).toBeNull();
    expect(screen.getByTestId('summary-totals').textContent).toContain('Total params: 60,000');
    const box = screen.getByTestId('summary-scroll');
    act(() => {
      box.scrollTop = 2500 * 27;
      fireEvent.scroll(box);
    });
    expect(screen.getByTestId('summary-row-dense_2500').textContent).toContain('(None, 4)');
    expect(screen.queryByTestId('summary-row-input_1')).toBeNull();
    expect(rows().length).toBeLessThan(60);
  });
});
