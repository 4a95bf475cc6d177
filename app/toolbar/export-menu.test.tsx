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
import { seedExample } from '../../src/analysis/templates';
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

function exportAs(item: string, data: DataConfig): void {
  s().loadProject({ ...emptyProject('Iris classifier'), graph: seedExample(), data });
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
