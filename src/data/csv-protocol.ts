import type { TextColumnReport } from './text-column';
import type { DataPlan, FittedPreprocessing, SplitDataset, TableOutline } from './types';

/**
 * Page -> table worker. The worker reads a CSV and keeps the table under the request's id, so
 * the passes over every row (fitting a plan, making the samples) run there, never on the page.
 */
export type CsvRequest =
  | { readonly type: 'parse'; readonly id: number; readonly file: Blob; readonly fileName: string }
  | { readonly type: 'fit'; readonly id: number; readonly tableId: number; readonly plan: DataPlan }
  | {
      readonly type: 'prepare';
      readonly id: number;
      readonly tableId: number;
      readonly plan: DataPlan;
      readonly fitted: FittedPreprocessing;
      /** A separate validation file read earlier, when the plan's split names one. */
      readonly validationTableId?: number;
    }
  | { readonly type: 'release'; readonly tableId: number };

/** The fitted preprocessing of a plan, or why the plan cannot be fitted, in the user's words. */
export type FitResult =
  /** `text`: the text feature's vocabulary, lengths and validation OOV (null without one), made beside the fit. */
  { readonly ok: true; readonly fitted: FittedPreprocessing; readonly text: TextColumnReport | null } | { readonly ok: false; readonly problem: string };

/**
 * Table worker -> page. Every request but `release` ends with exactly one `done`, `fitted`,
 * `prepared` or `error` carrying its id.
 */
export type CsvResponse =
  | { readonly type: 'progress'; readonly id: number; readonly bytesRead: number; readonly totalBytes: number | null }
  | { readonly type: 'done'; readonly id: number; readonly table: TableOutline; readonly plan: DataPlan }
  | { readonly type: 'fitted'; readonly id: number; readonly result: FitResult }
  | { readonly type: 'prepared'; readonly id: number; readonly split: SplitDataset }
  | { readonly type: 'error'; readonly id: number; readonly message: string };

/** The buffers of a split's samples, each once (a buffer listed twice cannot be transferred). */
export function splitBuffers(split: SplitDataset): ArrayBuffer[] {
  return [...new Set([split.train.x, split.train.y, split.validation.x, split.validation.y].map((a) => a.buffer as ArrayBuffer))];
}
