import type { StateCreator } from 'zustand';
import type { TextColumnReport } from '../../src/data/text-column';
import type { DataSignature } from '../../src/data/wiring';
import type { AudioPreview } from '../../src/data/audio/types';
import type { FileEntry } from '../../src/data/images/types';
import type { Dataset, TableOutline } from '../../src/data/types';
import type { Store } from './store';

/** Data read into memory (never saved: files are picked again, samples fetched again). */
export type LoadedData =
  | {
      readonly kind: 'table';
      readonly sourceName: string;
      /** What the page shows of the table (no cells); the table worker holds the table under `tableId`. */
      readonly table: TableOutline;
      readonly tableId: number;
      /** A separate validation file, likewise. */
      readonly validation?: { readonly table: TableOutline; readonly tableId: number };
    }
  | {
      readonly kind: 'images';
      readonly sourceName: string;
      readonly dataset: Dataset;
      readonly previews: Readonly<Record<string, readonly Float32Array[]>>;
      readonly counts: Readonly<Record<string, number>>;
      readonly skipped: readonly { readonly path: string; readonly reason: string }[];
    }
  | {
      readonly kind: 'audio';
      readonly sourceName: string;
      /** Log-mel spectrograms, `[frames, melBands, 1]` a clip. */
      readonly dataset: Dataset;
      /** The first clip of each class: waveform and spectrogram. */
      readonly previews: Readonly<Record<string, AudioPreview>>;
      readonly counts: Readonly<Record<string, number>>;
      readonly skipped: readonly { readonly path: string; readonly reason: string }[];
      /** The files the clips came from (page handles, not bytes), so new settings can be applied without picking them again. */
      readonly entries: readonly FileEntry[];
      readonly pickedFolder: boolean;
    }
  | { readonly kind: 'dataset'; readonly sourceName: string; readonly dataset: Dataset };

/** What the data panel is doing. */
export type DataStatus =
  | { readonly kind: 'idle' }
  | {
      readonly kind: 'loading';
      readonly label: string;
      readonly progress: number | null;
      /** Images (or sound clips) done of those found, while a folder loads (it can then be cancelled). */
      readonly images?: { readonly done: number; readonly total: number };
    }
  | { readonly kind: 'error'; readonly message: string }
  | { readonly kind: 'info'; readonly message: string };

/** The data in memory, its loading state and what it asks of the model. */
export interface DataSlice {
  readonly loaded: LoadedData | null;
  readonly dataStatus: DataStatus;
  /** What the model must accept and produce for the chosen data; null when none is ready. */
  readonly dataSignature: DataSignature | null;
  /** The fitted text feature's report from the table worker (vocabulary, lengths, validation OOV); null without one. */
  readonly textReport: TextColumnReport | null;
  /** Which main view shows: the model editor or the data panel. */
  readonly view: 'model' | 'data' | 'train';
  setView(view: 'model' | 'data' | 'train'): void;
  setDataStatus(status: DataStatus): void;
  setLoaded(loaded: LoadedData | null, signature: DataSignature | null): void;
  setDataSignature(signature: DataSignature | null): void;
  setTextReport(report: TextColumnReport | null): void;
}

export const createDataSlice: StateCreator<Store, [], [], DataSlice> = (set) => ({
  loaded: null,
  dataStatus: { kind: 'idle' },
  dataSignature: null,
  textReport: null,
  view: 'model',
  setView: (view) => set({ view }),
  setDataStatus: (dataStatus) => set({ dataStatus }),
  setLoaded: (loaded, dataSignature) => set({ loaded, dataSignature, textReport: null, dataStatus: { kind: 'idle' } }),
  setDataSignature: (dataSignature) => set({ dataSignature }),
  setTextReport: (textReport) => set({ textReport }),
});
