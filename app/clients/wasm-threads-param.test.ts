import { describe, expect, it } from 'vitest';
import { wasmThreadsParam } from './wasm-threads-param';

describe('wasmThreadsParam', () => {
  it.each([
    ['', 'auto'],
    ['?wasm-threads=on', 'on'],
    ['?sample=iris&wasm-threads=off', 'off'],
    ['?wasm-threads=AUTO', 'auto'],
  ] as const)('%s -> %s', (search, choice) => {
    expect(wasmThreadsParam(search)).toEqual({ choice });
  });

  it('falls back to auto on a value it does not know, and says so', () => {
    const param = wasmThreadsParam('?wasm-threads=yes');
    expect(param.choice).toBe('auto');
    expect(param.problem).toBe('The address asks for wasm-threads="yes", which is not one of auto, on, off: training chooses its threads automatically.');
  });
});
