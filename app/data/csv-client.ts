import type { CsvRequest, CsvResponse } from '../../src/data/csv-protocol';
import type { Table } from '../../src/data/types';

let worker: Worker | undefined;
let nextId = 1;

/**
 * Parses a CSV file in the CSV worker, reporting progress as a fraction (or null when the total
 * is unknown). Rejects with the user-facing message of a bad file; a crashed worker rejects too.
 */
export function parseCsvInWorker(file: File, onProgress: (fraction: number | null) => void): Promise<Table> {
  worker ??= new Worker(new URL('../../src/data/csv.worker.ts', import.meta.url), { type: 'module' });
  const w = worker;
  const id = nextId++;
  return new Promise<Table>((resolve, reject) => {
    const onMessage = (event: MessageEvent<CsvResponse>) => {
      const msg = event.data;
      if (msg.id !== id) return;
      if (msg.type === 'progress') {
        onProgress(msg.totalBytes ? msg.bytesRead / msg.totalBytes : null);
        return;
      }
      cleanup();
      if (msg.type === 'done') resolve(msg.table);
      else reject(new Error(msg.message));
    };
    const onError = (event: ErrorEvent) => {
      cleanup();
      worker = undefined;
      reject(new Error(`The CSV reader stopped unexpectedly (${event.message || 'worker error'}); try again`));
    };
    const cleanup = () => {
      w.removeEventListener('message', onMessage);
      w.removeEventListener('error', onError);
    };
    w.addEventListener('message', onMessage);
    w.addEventListener('error', onError);
    const request: CsvRequest = { type: 'parse', id, file, fileName: file.name };
    w.postMessage(request);
  });
}
