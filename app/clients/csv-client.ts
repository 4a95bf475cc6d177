import type { CsvRequest, CsvResponse, FitResult } from '../../src/data/csv-protocol';
import type { DataPlan, FittedPreprocessing, SplitDataset, TableOutline } from '../../src/data/types';
import { createWorkerRequests } from './worker-requests';
import type { RequestWorker } from './worker-requests';

/** The part of a Worker the client uses, so tests can hand it a fake one. */
export type CsvWorker = RequestWorker<CsvRequest, CsvResponse>;

/** A table read by the worker: its id there, its outline for the page (no cells) and the default plan for it. */
export interface ParsedTable {
  readonly tableId: number;
  readonly table: TableOutline;
  readonly plan: DataPlan;
}

/** The page's one way to the table (CSV) worker: it reads, fits and prepares the tables it holds. */
export interface CsvClient {
  /** Parses a CSV file in the worker, reporting progress as a fraction (or null when unknown). */
  parse(file: File, onProgress: (fraction: number | null) => void): Promise<ParsedTable>;
  /** Fits `plan` to a table the worker holds. */
  fit(tableId: number, plan: DataPlan): Promise<FitResult>;
  /** Makes the training and validation samples of a table the worker holds. */
  prepare(tableId: number, plan: DataPlan, fitted: FittedPreprocessing, validationTableId?: number): Promise<SplitDataset>;
  /** Lets the worker forget a table the page no longer shows. */
  release(tableId: number): void;
}

type Answer = Exclude<CsvResponse, { type: 'progress' | 'error' }>;

/** A client with no worker yet: the first request starts one, and one that crashed is replaced by the next. */
export function createCsvClient(createWorker: () => CsvWorker): CsvClient {
  const requests = createWorkerRequests<CsvRequest, CsvResponse>({ createWorker, reader: 'The CSV reader', again: 'choose the file again' });

  /**
   * Sends one request to the table worker and resolves with its answer. Rejects with the
   * user-facing message of a bad file or plan; a crashed worker rejects every request in flight.
   */
  function ask(request: Exclude<CsvRequest, { type: 'release' }>, onProgress?: (fraction: number | null) => void): Promise<Answer> {
    return requests.ask<Answer>(request, {
      answer: (msg) => {
        switch (msg.type) {
          case 'progress':
            onProgress?.(msg.totalBytes ? msg.bytesRead / msg.totalBytes : null);
            return undefined;
          case 'error':
            throw new Error(msg.message);
          default:
            return msg;
        }
      },
    });
  }

  return {
    async parse(file, onProgress) {
      const id = requests.nextId();
      const answer = await ask({ type: 'parse', id, file, fileName: file.name }, onProgress);
      if (answer.type !== 'done') throw new Error(`unexpected answer ${answer.type} to parse`);
      return { tableId: id, table: answer.table, plan: answer.plan };
    },
    async fit(tableId, plan) {
      const answer = await ask({ type: 'fit', id: requests.nextId(), tableId, plan });
      if (answer.type !== 'fitted') throw new Error(`unexpected answer ${answer.type} to fit`);
      return answer.result;
    },
    async prepare(tableId, plan, fitted, validationTableId) {
      const request: CsvRequest = {
        type: 'prepare',
        id: requests.nextId(),
        tableId,
        plan,
        fitted,
        ...(validationTableId === undefined ? {} : { validationTableId }),
      };
      const answer = await ask(request);
      if (answer.type !== 'prepared') throw new Error(`unexpected answer ${answer.type} to prepare`);
      return answer.split;
    },
    release(tableId) {
      requests.post({ type: 'release', tableId });
    },
  };
}
