import type { CsvRequest, CsvResponse, FitResult } from '../../src/data/csv-protocol';
import type { DataPlan, FittedPreprocessing, SplitDataset, Table } from '../../src/data/types';

let worker: Worker | undefined;
let nextId = 1;

type Answer = Exclude<CsvResponse, { type: 'progress' | 'error' }>;

/**
 * Sends one request to the table worker and resolves with its answer. Rejects with the
 * user-facing message of a bad file or plan; a crashed worker rejects every request in flight.
 */
function ask(request: Exclude<CsvRequest, { type: 'release' }>, onProgress?: (fraction: number | null) => void): Promise<Answer> {
  worker ??= new Worker(new URL('../../src/data/csv.worker.ts', import.meta.url), { type: 'module' });
  const w = worker;
  return new Promise<Answer>((resolve, reject) => {
    const onMessage = (event: MessageEvent<CsvResponse>) => {
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
    const onError = (event: ErrorEvent) => {
      cleanup();
      worker = undefined;
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

/** A table read by the worker: its id there, the page's copy and the default plan for it. */
export interface ParsedTable {
  readonly tableId: number;
  readonly table: Table;
  readonly plan: DataPlan;
}

/** Parses a CSV file in the worker, reporting progress as a fraction (or null when unknown). */
export async function parseCsvInWorker(file: File, onProgress: (fraction: number | null) => void): Promise<ParsedTable> {
  const id = nextId++;
  const answer = await ask({ type: 'parse', id, file, fileName: file.name }, onProgress);
  if (answer.type !== 'done') throw new Error(`unexpected answer ${answer.type} to parse`);
  return { tableId: id, table: answer.table, plan: answer.plan };
}

/** Fits `plan` to a table the worker holds. */
export async function fitInWorker(tableId: number, plan: DataPlan): Promise<FitResult> {
  const answer = await ask({ type: 'fit', id: nextId++, tableId, plan });
  if (answer.type !== 'fitted') throw new Error(`unexpected answer ${answer.type} to fit`);
  return answer.result;
}

/** Makes the training and validation samples of a table the worker holds. */
export async function prepareInWorker(tableId: number, plan: DataPlan, fitted: FittedPreprocessing, validationTableId?: number): Promise<SplitDataset> {
  const request: CsvRequest = { type: 'prepare', id: nextId++, tableId, plan, fitted, ...(validationTableId === undefined ? {} : { validationTableId }) };
  const answer = await ask(request);
  if (answer.type !== 'prepared') throw new Error(`unexpected answer ${answer.type} to prepare`);
  return answer.split;
}

/** Lets the worker forget a table the page no longer shows. */
export function releaseTable(tableId: number): void {
  worker?.postMessage({ type: 'release', tableId } satisfies CsvRequest);
}
