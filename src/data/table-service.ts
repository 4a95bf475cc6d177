/**
 * What the table worker does, as a plain module that also runs in Node tests: it reads CSV files
 * and keeps each table, and fits plans and makes training samples on request. The page gets a
 * copy of each table for its previews; every pass over all rows stays off the page's thread.
 */
import { assertNever } from '../lib/assert-never';
import { UserFileError } from '../lib/errors';
import { streamCsv } from './csv';
import { splitBuffers } from './csv-protocol';
import type { CsvRequest, CsvResponse, FitResult } from './csv-protocol';
import { defaultPlan } from './plan';
import { prepareFromTable } from './prepare';
import { fitPreprocessing } from './preprocess';
import { textColumnReport } from './text-column';
import type { Table, TableOutline } from './types';

/** Sends a response, transferring the listed buffers. */
export type Post = (message: CsvResponse, transfer?: ArrayBuffer[]) => void;

/** Progress reports while a file is read come at most this often. */
const PROGRESS_MS = 100;

/** The worker's state and its request handler. */
export interface TableService {
  /** Handles one request; resolves once its response is posted. */
  handle(request: CsvRequest, post: Post): Promise<void>;
  /** How many tables it holds, for tests. */
  readonly size: number;
}

/** A new service holding no tables. */
export function createTableService(): TableService {
  const tables = new Map<number, Table>();
  const tableFor = (id: number): Table => {
    const table = tables.get(id);
    // The page asks only for tables it was given; a missing one means the worker was restarted.
    if (!table) throw new UserFileError('the file is no longer in memory; choose it again');
    return table;
  };

  async function parse(request: Extract<CsvRequest, { type: 'parse' }>, post: Post): Promise<void> {
    const { id, file, fileName } = request;
    let lastReport = 0;
    const table = await streamCsv(file, {
      fileName,
      onProgress: (bytesRead, totalBytes) => {
        const now = performance.now();
        if (now - lastReport < PROGRESS_MS) return;
        lastReport = now;
        post({ type: 'progress', id, bytesRead, totalBytes: totalBytes ?? null });
      },
    });
    tables.set(id, table);
    post({ type: 'done', id, table: outlineOf(table), plan: defaultPlan(table) });
  }

  function fit(request: Extract<CsvRequest, { type: 'fit' }>, post: Post): void {
    const table = tableFor(request.tableId);
    let result: FitResult;
    try {
      const fitted = fitPreprocessing(table, request.plan);
      result = { ok: true, fitted, text: textColumnReport(table, request.plan, fitted) };
    } catch (error) {
      if (!(error instanceof UserFileError)) throw error;
      result = { ok: false, problem: error.message };
    }
    post({ type: 'fitted', id: request.id, result });
  }

  function prepare(request: Extract<CsvRequest, { type: 'prepare' }>, post: Post): void {
    const table = tableFor(request.tableId);
    const validation = request.validationTableId === undefined ? undefined : tableFor(request.validationTableId);
    const split = prepareFromTable(table, request.plan, request.fitted, validation);
    post({ type: 'prepared', id: request.id, split }, splitBuffers(split));
  }

  return {
    get size() {
      return tables.size;
    },
    async handle(request, post) {
      if (request.type === 'release') {
        tables.delete(request.tableId);
        return;
      }
      try {
        switch (request.type) {
          case 'parse':
            return await parse(request, post);
          case 'fit':
            return fit(request, post);
          case 'prepare':
            return prepare(request, post);
          default:
            return assertNever(request, 'table request');
        }
      } catch (error) {
        post({ type: 'error', id: request.id, message: messageOf(error, request) });
      }
    },
  };
}

function messageOf(error: unknown, request: Exclude<CsvRequest, { type: 'release' }>): string {
  if (error instanceof UserFileError) return error.message;
  const reason = error instanceof Error ? error.message : String(error);
  return request.type === 'parse' ? `${request.fileName}: could not be read (${reason})` : `The data could not be prepared (${reason})`;
}

/** What the page is sent of a table: all but the cells, which only this worker reads. */
export function outlineOf(table: Table): TableOutline {
  return { ...table, columns: table.columns.map((c) => ({ kind: c.kind, name: c.name })) };
}
