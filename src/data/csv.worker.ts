/// <reference lib="webworker" />
// The table worker: a thin shell over the table service, so reading a 100 MB file, fitting a plan
// to it or making its samples never blocks the page.
import type { CsvRequest } from './csv-protocol';
import { createTableService } from './table-service';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const service = createTableService();

scope.onmessage = (event: MessageEvent<CsvRequest>) => {
  void service.handle(event.data, (message, transfer = []) => scope.postMessage(message, transfer));
};
