// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptyProject } from '../../src/project/project-file';
import { CALLBACKS, DEFAULT_CALLBACKS } from '../../src/settings/callbacks';
import { DEFAULT_TRAINING_CONFIG, TRAINING_SETTINGS } from '../../src/settings/training';
import { clearHistory, useStore } from '../store/store';
import { CallbackSettings } from './callback-settings';
import { CompileSettings } from './compile-settings';
import { runIn } from '../insight/insight-test-support';

const s = () => useStore.getState();
const control = (name: string) => screen.getByLabelText(name, { selector: 'input, select' }) as HTMLInputElement;

/** Types into a number field and leaves it, as the user commits it. */
function type(name: string, value: string) {
  const el = control(name);
  fireEvent.change(el, { target: { value } });
  fireEvent.blur(el);
}

beforeEach(() => {
  s().loadProject(emptyProject());
  useStore.setState({ run: null });
  clearHistory();
});
afterEach(cleanup);

describe('CompileSettings', () => {
  it('draws a field for every declared setting that applies, with its label, default and help', () => {
    render(<CompileSettings />);
    for (const [key, spec] of Object.entries(TRAINING_SETTINGS)) {
      const name = spec.label.charAt(0).toUpperCase() + spec.label.slice(1);
      if (key === 'momentum') {
        expect(screen.queryByLabelText(name)).toBeNull();
        continue;
      }
      const el = control(name);
      expect(screen.getByText(spec.label, { selector: 'label' })).toBeTruthy();
      expect(document.getElementById(el.getAttribute('aria-describedby') ?? '')?.textContent).toBe(spec.help);
      if (spec.type === 'bool') expect(el.checked).toBe(spec.default);
      else expect(el.value).toBe(String(DEFAULT_TRAINING_CONFIG[key as keyof typeof TRAINING_SETTINGS]));
    }
  });

  it('stores a valid value when the field is left, and refuses one out of range with the reason', () => {
    render(<CompileSettings />);
    type('Epochs', '25');
    expect(s().training.epochs).toBe(25);
    type('Epochs', '0');
    expect(s().training.epochs).toBe(25);
    expect(screen.getByRole('alert').textContent).toBe('epochs must be a whole number at least 1');
    expect(control('Epochs').getAttribute('aria-invalid')).toBe('true');
    type('Learning rate', '-1');
    expect(screen.getAllByRole('alert').map((a) => a.textContent)).toContain('learning rate must be a number greater than 0');
    expect(s().training.learningRate).toBe(0.001);
  });

  it('takes Keras’s learning rate for a new optimizer, and shows momentum for SGD only', () => {
    render(<CompileSettings />);
    fireEvent.change(control('Optimizer'), { target: { value: 'sgd' } });
    expect(s().training).toMatchObject({ optimizer: 'sgd', learningRate: 0.01 });
    expect(control('Learning rate').value).toBe('0.01');
    type('Momentum', '0.9');
    expect(s().training.momentum).toBe(0.9);
    fireEvent.click(control('Shuffle each epoch'));
    expect(s().training.shuffle).toBe(false);
  });

  it('is locked while a run goes on', () => {
    act(() =>
      useStore.setState({
        run: runIn('running'),
      }),
    );
    render(<CompileSettings />);
    expect((screen.getByRole('group', { name: 'Compile and fit' }) as HTMLFieldSetElement).disabled).toBe(true);
  });
});

describe('CallbackSettings', () => {
  it('switches each callback on, drawing its declared settings, and keeps them when switched off and on', () => {
    render(<CallbackSettings />);
    for (const [key, callback] of Object.entries(CALLBACKS)) {
      const which = key as keyof typeof CALLBACKS;
      expect(control(callback.label).checked).toBe(false);
      fireEvent.click(control(callback.label));
      expect(s().callbacks[which].enabled).toBe(true);
      for (const [name, spec] of Object.entries(callback.settings)) {
        if (name === 'enabled') continue;
        const el = control(`${callback.fieldPrefix} ${spec.label}`);
        const value = DEFAULT_CALLBACKS[which][name as keyof (typeof DEFAULT_CALLBACKS)[typeof which]];
        if (spec.type === 'bool') expect(el.checked).toBe(value);
        else expect(Number.isNaN(Number(el.value)) ? el.value : Number(el.value)).toBe(value);
      }
    }
    type('Early stopping patience', '2');
    expect(s().callbacks.earlyStopping.patience).toBe(2);
    fireEvent.click(control('Early stopping'));
    expect(screen.queryByLabelText('Early stopping patience')).toBeNull();
    fireEvent.click(control('Early stopping'));
    expect(control('Early stopping patience').value).toBe('2');
  });

  it('folds min delta and mode under More and refuses a factor of 1 with the reason', () => {
    render(<CallbackSettings />);
    fireEvent.click(control('Reduce learning rate on plateau'));
    const more = screen.getByText('More (2)').closest('details');
    expect(more && within(more).getByLabelText('Reduce min delta')).toBeTruthy();
    expect(more && within(more).getByLabelText('Reduce mode')).toBeTruthy();
    type('Reduce factor', '1');
    expect(screen.getByRole('alert').textContent).toBe('factor must be a number greater than 0 and less than 1');
    expect(s().callbacks.reduceLrOnPlateau.factor).toBe(0.5);
    fireEvent.change(control('Reduce monitor'), { target: { value: 'loss' } });
    expect(s().callbacks.reduceLrOnPlateau.monitor).toBe('loss');
  });

  it('offers as monitors exactly what the run logs, and keeps one whose metric went, saying why', () => {
    render(<CallbackSettings />);
    fireEvent.click(control('Early stopping'));
    const options = () => Array.from((control('Early stopping monitor') as unknown as HTMLSelectElement).options).map((o) => [o.value, o.disabled]);
    expect(options()).toEqual(['val_loss', 'val_accuracy', 'loss', 'accuracy'].map((m) => [m, false]));
    act(() => s().setTraining({ metrics: ['accuracy', 'auc'] }));
    expect(options().map(([m]) => m)).toEqual(['val_loss', 'val_accuracy', 'val_auc', 'loss', 'accuracy', 'auc']);
    fireEvent.change(control('Early stopping monitor'), { target: { value: 'val_auc' } });
    expect(s().callbacks.earlyStopping.monitor).toBe('val_auc');
    expect(screen.getByTestId('monitor-note-earlyStopping').textContent).toBe('Improvement: val_auc should rise (mode auto).');
    // AUC unticked: the monitor stays as the user set it, shown but not offered, and the reason is said.
    act(() => s().setTraining({ metrics: ['accuracy'] }));
    expect(s().callbacks.earlyStopping.monitor).toBe('val_auc');
    expect(control('Early stopping monitor').value).toBe('val_auc');
    expect(options()[0]).toEqual(['val_auc', true]);
    expect(screen.getByTestId('monitor-problem-earlyStopping').textContent).toMatch(
      /^Early stopping monitors val_auc, but AUC is not among the compiled metrics/,
    );
  });

  it('shows the callbacks of an opened project', () => {
    act(() =>
      s().loadProject({
        ...emptyProject(),
        callbacks: { ...DEFAULT_CALLBACKS, earlyStopping: { ...DEFAULT_CALLBACKS.earlyStopping, enabled: true, patience: 9 } },
      }),
    );
    render(<CallbackSettings />);
    expect(control('Early stopping').checked).toBe(true);
    expect(control('Early stopping patience').value).toBe('9');
  });
});
