// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedExample } from '../../src/analysis/templates';
import { emptyProject } from '../../src/project/project-file';
import { METRIC_INFO } from '../../src/settings/metrics';
import { clearHistory, useStore } from '../store/store';
import { CompileSettings } from './compile-settings';
import { MetricPicker } from './metric-picker';

const s = () => useStore.getState();
const box = (label: string) => screen.getByLabelText(`Metric ${label}`, { selector: 'input' }) as HTMLInputElement;
const shown = () => Array.from(screen.getByTestId('metric-picker').querySelectorAll('input[type=checkbox]')).map((e) => e.getAttribute('aria-label'));

beforeEach(() => {
  s().loadProject({ ...emptyProject(), graph: seedExample(4, 3) });
  useStore.setState({ run: null });
  clearHistory();
});
afterEach(cleanup);

describe('MetricPicker', () => {
  it('offers what suits the loss, says what each computes, and follows a change of loss', () => {
    render(
      <>
        <CompileSettings />
        <MetricPicker />
      </>,
    );
    expect(shown()).toEqual(['Metric accuracy', 'Metric AUC', 'Metric top-k accuracy']);
    expect(box('accuracy').checked).toBe(true);
    expect(document.getElementById(box('AUC').getAttribute('aria-describedby') ?? '')?.textContent).toBe(METRIC_INFO.auc.help);
    expect(screen.getByTestId('metric-picker').textContent).toContain('Precision and recall are offered for one sigmoid output');
    fireEvent.click(box('AUC'));
    expect(s().training.metrics).toEqual(['accuracy', 'auc']);
    fireEvent.change(screen.getByLabelText('Loss', { selector: 'select' }), { target: { value: 'binary_crossentropy' } });
    expect(shown()).toEqual(['Metric accuracy', 'Metric precision', 'Metric recall', 'Metric AUC']);
    expect(s().training.metrics).toEqual(['accuracy', 'auc']);
    fireEvent.click(box('precision'));
    expect(s().training.metrics).toEqual(['accuracy', 'precision', 'auc']);
    // A regression keeps none of them: MAE takes their place.
    fireEvent.change(screen.getByLabelText('Loss', { selector: 'select' }), { target: { value: 'mean_squared_error' } });
    expect(shown()).toEqual(['Metric MAE', 'Metric MSE']);
    expect(s().training.metrics).toEqual(['mae']);
  });

  it("asks top-k's k, and says when k covers every class", () => {
    render(<MetricPicker />);
    expect(screen.queryByLabelText('Top-k k')).toBeNull();
    fireEvent.click(box('top-k accuracy'));
    expect(s().training.metrics).toEqual(['accuracy', 'top_k_categorical_accuracy']);
    // Keras's default k of 5 covers all 3 classes of the seed's output.
    expect(screen.getByTestId('top-k-covers-all').textContent).toBe('k = 5 covers all 3 classes, so top-5 accuracy is always 100%.');
    const k = screen.getByLabelText('Top-k k', { selector: 'input' });
    fireEvent.change(k, { target: { value: '2' } });
    fireEvent.blur(k);
    expect(s().training.topK).toBe(2);
    expect(screen.queryByTestId('top-k-covers-all')).toBeNull();
    fireEvent.change(k, { target: { value: '0' } });
    fireEvent.blur(k);
    expect(s().training.topK).toBe(2);
    expect(screen.getByRole('alert').textContent).toBe('k must be a whole number at least 1');
  });
});
