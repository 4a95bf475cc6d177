import { WASM_THREADS_CHOICES } from '../../src/train/wasm-threads';
import type { WasmThreadsChoice } from '../../src/train/wasm-threads';

/** The page's `?wasm-threads=` parameter, read: the choice to send the worker, and what was wrong with it. */
export interface WasmThreadsParam {
  readonly choice: WasmThreadsChoice;
  /** Set when the parameter had a value Netloom does not know: the choice is then `auto`. */
  readonly problem?: string;
}

/**
 * Reads `?wasm-threads=on|off|auto` from a query string (`location.search`): tests and benches
 * force tfjs's threaded wasm build on or off with it; absent, `auto` (threads from 4 cores on an
 * isolated page).
 */
export function wasmThreadsParam(search: string): WasmThreadsParam {
  const value = new URLSearchParams(search).get('wasm-threads');
  if (value === null) return { choice: 'auto' };
  const choice = WASM_THREADS_CHOICES.find((c) => c === value.trim().toLowerCase());
  if (choice !== undefined) return { choice };
  return {
    choice: 'auto',
    problem: `The address asks for wasm-threads=${JSON.stringify(value)}, which is not one of ${WASM_THREADS_CHOICES.join(', ')}: training chooses its threads automatically.`,
  };
}
