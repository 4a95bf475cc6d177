/// <reference lib="webworker" />
// The CSV worker: a thin shell over streamCsv, so a 100 MB file never blocks the page.
import { UserFileError } from '../lib/errors';
import { streamCsv } from './csv';
import type { CsvRequest, CsvResponse } from './csv-protocol';
import { tableBuffers } from './csv-protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (message: CsvResponse, transfer: Transferable[] = []) => scope.postMessage(message, transfer);

scope.onmessage = async (event: MessageEvent<CsvRequest>) => {
  const { id, file, fileName } = event.data;
  let lastReport = 0;
  try {
    const table = await streamCsv(file, {
      fileName,
      onProgress: (bytesRead, totalBytes) => {
        // A progress message per chunk would flood the page on big files; ten a second is plenty.
        const now = performance.now();
        if (now - lastReport < 100) return;
        lastReport = now;
        post({ type: 'progress', id, bytesRead, totalBytes: totalBytes ?? null });
      },
    });
    post({ type: 'done', id, table }, tableBuffers(table));
  } catch (error) {
    const message =
      error instanceof UserFileError ? error.message : `${fileName}: could not be read (${error instanceof Error ? error.message : String(error)})`;
    post({ type: 'error', id, message });
  }
};
