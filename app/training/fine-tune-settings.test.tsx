// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseCsvText } from '../../src/data/csv';
import { GraphBuilder } from '../../src/analysis/builder';
import { setTrainable } from '../../src/analysis/ops';
import { digitsCnn } from '../../src/analysis/templates';
import { emptyProject } from '../../src/project/project-file';
import { DEFAULT_FINE_TUNE } from '../../src/settings/fine-tune';
import { clearHistory, useStore } from '../store/store';
import { FineTuneSettings } from './fine-tune-settings';
import { TrainControls } from './train-controls';

const s = () => useStore.getState();
const control = (name: string) => screen.getByLabelText(name, { selector: 'input, select' }) as HTMLInputElement;

/** The digits CNN with both convolutions (and everything before the Flatten) frozen. */
function frozenCnn() {
  const graph = digitsCnn();
  const base = graph.nodes.filter((n) => ['Conv2D', 'MaxPooling2D'].includes(n.kind)).map((n) => n.id);
  return setTrainable(graph, base, false);
}

beforeEach(() => {
  s().loadProject({ ...emptyProject(), graph: frozenCnn() });
  useStore.setState({ run: null });
  clearHistory();
});
afterEach(cleanup);

describe('FineTuneSettings', () => {
  it('is off by default and shows its settings once switched on, saying which layers phase 2 unfreezes', () => {
    render(<FineTuneSettings />);
    expect(control('Fine-tune in two phases').checked).toBe(false);
    expect(screen.queryByLabelText('Layers to unfreeze')).toBeNull();
    fireEvent.click(control('Fine-tune in two phases'));
    expect(s().fineTune).toEqual({ ...DEFAULT_FINE_TUNE, enabled: true });
    expect(control('Layers to unfreeze').value).toBe('2');
    expect(control('Phase 2 learning rate').value).toBe('0.00001');
    expect(screen.getByTestId('fine-tune-plan').textContent).toBe(
      'Phase 1: 10 epochs with the frozen layers as marked. Phase 2: 5 more with conv2d_1, conv2d_2 unfrozen (BatchNormalization stays frozen).',
    );
    const unfreeze = control('Layers to unfreeze');
    fireEvent.change(unfreeze, { target: { value: '1' } });
    fireEvent.blur(unfreeze);
    expect(s().fineTune.unfreeze).toBe(1);
    expect(screen.getByTestId('fine-tune-plan').textContent).toContain('with conv2d_2 unfrozen');
    const lr = control('Phase 2 learning rate');
    fireEvent.change(lr, { target: { value: '0' } });
    fireEvent.blur(lr);
    expect(screen.getByRole('alert').textContent).toBe('phase 2 learning rate must be a number greater than 0');
    expect(s().fineTune.learningRate).toBe(1e-5);
  });

  it('blocks Train with the reason when nothing is frozen', () => {
    const b = new GraphBuilder();
    b.chain(b.input([4]), ['Dense', { units: 3, activation: 'softmax' }]);
    s().loadProject({ ...emptyProject(), graph: b.graph });
    useStore.setState({ loaded: { kind: 'table', sourceName: 'toy.csv', table: parseCsvText('a,b\n1,2\n', 'toy.csv'), tableId: 1 } });
    render(
      <>
        <FineTuneSettings />
        <TrainControls />
      </>,
    );
    fireEvent.click(control('Fine-tune in two phases'));
    expect(screen.getByTestId('fine-tune-plan').textContent).toMatch(/needs a frozen base/);
    expect((screen.getByTestId('train') as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getAllByText(/needs a frozen base/)).toHaveLength(2);
  });

  it('is part of the project: opening another project turns it back off', () => {
    s().setFineTune({ enabled: true, epochs: 3 });
    s().loadProject(emptyProject());
    expect(s().fineTune).toEqual(DEFAULT_FINE_TUNE);
  });
});
