/// <reference lib="webworker" />
// The training worker: a thin shell over the trainer service (trainer-service.ts, tested in Node).
// It gives the service what only a browser worker has: the backend facts, the bundled wasm
// binaries and a Web Lock held for the worker's life.
import * as tf from '@tensorflow/tfjs';
import { probeBackendFacts } from './backend-probe';
import type { TrainRequest } from './protocol';
import { createTrainerService } from './trainer-service';
import { BROWSER_WASM_PATHS } from './wasm-paths.browser';

const scope = self as unknown as DedicatedWorkerGlobalScope;

/** Holds `name` until this worker ends: the lock is released only with the worker's context. */
function holdLock(name: string, onHeld: () => void): void {
  if (typeof navigator === 'undefined' || navigator.locks === undefined) return;
  void navigator.locks.request(name, () => {
    onHeld();
    return new Promise<never>(() => {});
  });
}

const service = createTrainerService(tf, (message, transfer = []) => scope.postMessage(message, transfer), {
  probeFacts: probeBackendFacts,
  wasmPaths: BROWSER_WASM_PATHS,
  holdLock,
});

scope.onmessage = (event: MessageEvent<TrainRequest>) => {
  void service.handle(event.data);
};
