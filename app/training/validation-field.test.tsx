// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DataConfig } from '../../src/data/config';
import { DEFAULT_SPLIT } from '../../src/data/validation';
import { emptyProject } from '../../src/project/project-file';
import { SplitFields } from '../data/split-fields';
import { useStore } from '../store/store';
import { CompileSettings } from './compile-settings';

const s = () => useStore.getState();
const images: DataConfig = { kind: 'images', folderName: 'pets', imageSize: [8, 8], channels: 1, fit: 'pad' };

/** Types into a number field of `scope` and leaves it, as the user commits it. */
function type(scope: HTMLElement, name: string, value: string) {
  const el = within(scope).getByLabelText(name, { selector: 'input' });
  fireEvent.change(el, { target: { value } });
  fireEvent.blur(el);
}
const value = (scope: HTMLElement, name: string) => (within(scope).getByLabelText(name, { selector: 'input' }) as HTMLInputElement).value;

beforeEach(() => {
  s().loadProject({ ...emptyProject(), data: images });
  useStore.setState({ run: null, view: 'train' });
});
afterEach(cleanup);

describe('the Train tab’s validation split', () => {
  it('is the data’s one setting: the same value as the Data tab’s, whichever of the two is edited', () => {
    const data = render(<SplitFields split={DEFAULT_SPLIT} classification />).container;
    const train = render(<CompileSettings />).container;
    expect(value(train, 'Validation split')).toBe('0.2');
    type(data, 'Validation split', '0.4');
    expect(s().data).toEqual({ ...images, split: { ...DEFAULT_SPLIT, validation: 0.4 } });
    expect(value(train, 'Validation split')).toBe('0.4');
    type(train, 'Validation split', '0.3');
    expect(s().data).toMatchObject({ split: { validation: 0.3, stratified: true, seed: 42 } });
    expect(s().training).not.toHaveProperty('validationSplit');
  });

  it('sits among the fit settings in Keras’s order and refuses a share out of range with the reason', () => {
    const train = render(<CompileSettings />).container;
    const labels = [...train.querySelectorAll('label')].map((l) => l.textContent);
    expect(labels.slice(labels.indexOf('epochs'), labels.indexOf('epochs') + 3)).toEqual(['epochs', 'validation split', 'shuffle each epoch']);
    type(train, 'Validation split', '1');
    expect(screen.getByRole('alert').textContent).toBe('validation split must be a number between 0 and 1 (exclusive)');
    expect(s().data).toEqual(images);
  });

  it('says where validation comes from with a separate file, or with no data yet, and leads to the Data tab', () => {
    const plan = { columns: [], target: 'onehot', split: { kind: 'file', fileName: 'val.csv' } } as const;
    s().loadProject({ ...emptyProject(), data: { kind: 'csv', fileName: 'train.csv', plan } });
    render(<CompileSettings />);
    expect(screen.getByTestId('validation-elsewhere').textContent).toBe('Validation data: val.csv, a separate file. Data tab');
    expect(screen.queryByLabelText('Validation split')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Data tab' }));
    expect(s().view).toBe('data');
    cleanup();
    s().loadProject(emptyProject());
    render(<CompileSettings />);
    expect(screen.getByTestId('validation-elsewhere').textContent).toBe('Validation: chosen with the data. Data tab');
  });
});
