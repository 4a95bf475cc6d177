import type { CsvRequest, CsvResponse, FitResult } from '../../src/data/csv-protocol';
import type { DataPlan, FittedPreprocessing, SplitDataset, TableOutline } from '../../src/data/types';

/** The part of a Worker the client uses, so tests can hand it a fake one. */
export interface CsvWorker {
  postMessage(message: CsvRequest): void;
  addEventListener(type: 'message', listener: (event: { readonly data: CsvResponse }) => void): void;
  addEventListener(type: 'error', listener: (event: { readonly message: string }) => void): void;
  removeEventListener(type: 'message', listener: (event: { readonly data: CsvResponse }) => void): void;
  removeEventListener(type: 'error', listener: (event: { readonly message: string }) => void): void;
}

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
  let worker: CsvWorker | undefined;
  let nextId = 1;

  /**
   * Sends one request to the table worker and resolves with its answer. Rejects with the
   * user-facing message of a bad file or plan; a crashed worker rejects every request in flight.
   */
  function ask(request: Exclude<CsvRequest, { type: 'release' }>, onProgress?: (fraction: number | null) => void): Promise<Answer> {
    worker ??= createWorker();
    const w = worker;
    return new Promise<Answer>((resolve, reject) => {
      const onMessage = (event: { readonly data: CsvResponse }) => {
        const msg = event.data;
        if (msg.id !== request.id) return;
        if (msg.type === 'progress') {
          onProgress?.(msg.totalBytes ? msg.bytesRead / msg.totalBytes : null);
          return;
        }
        cleanup();
        if (msg.type === 'error') reject(new Error(msg.message));
        else resolve(msg);
      };
      const onError = (event: { readonly message: string }) => {
        cleanup();
        if (worker === w) worker = undefined;
        reject(new Error(`The CSV reader stopped unexpectedly (${event.message || 'worker error'}); choose the file again`));
      };
      const cleanup = () => {
        w.removeEventListener('message', onMessage);
        w.removeEventListener('error', onError);
      };
      w.addEventListener('message', onMessage);
      w.addEventListener('error', onError);
      w.postMessage(request);
    });
  }

  return {
    async parse(file, onProgress) {
      const id = nextId++;
      const answer = await ask({ type: 'parse', id, file, fileName: file.name }, onProgress);
      if (answer.type !== 'done') throw new Error(`unexpected answer ${answer.type} to parse`);
      return { tableId: id, table: answer.table, plan: answer.plan };
    },
    async fit(tableId, plan) {
      const answer = await ask({ type: 'fit', id: nextId++, tableId, plan });
      if (answer.type !== 'fitted') throw new Error(`unexpected answer ${answer.type} to fit`);
      return answer.result;
    },
    async prepare(tableId, plan, fitted, validationTableId) {
      const request: CsvRequest = { type: 'prepare', id: nextId++, tableId, plan, fitted, ...(validationTableId === undefined ? {} : { validationTableId }) };
      const answer = await ask(request);
      if (answer.type !== 'prepared') throw new Error(`unexpected answer ${answer.type} to prepare`);
      return answer.split;
    },
    release(tableId) {
      worker?.postMessage({ type: 'release', tableId });
    },
  };
}
