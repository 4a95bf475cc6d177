import type { Table } from './types';

/** Page -> CSV worker. */
export type CsvRequest = { readonly type: 'parse'; readonly id: number; readonly file: Blob; readonly fileName: string };

/** CSV worker -> page. Every request ends with exactly one `done` or `error`. */
export type CsvResponse =
  | { readonly type: 'progress'; readonly id: number; readonly bytesRead: number; readonly totalBytes: number | null }
  | { readonly type: 'done'; readonly id: number; readonly table: Table }
  | { readonly type: 'error'; readonly id: number; readonly message: string };

/** The buffers of a table's columns, to transfer rather than copy between threads. */
export function tableBuffers(table: Table): ArrayBuffer[] {
  return table.columns.map((c) => (c.kind === 'numeric' ? c.values.buffer : c.codes.buffer) as ArrayBuffer);
}
