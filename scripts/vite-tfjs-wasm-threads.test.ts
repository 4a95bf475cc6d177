import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Script } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { pthreadWorkerSource, tfjsWasmThreads } from './vite-tfjs-wasm-threads';

const resolve = createRequire(import.meta.url).resolve;
const backendFile = resolve('@tensorflow/tfjs-backend-wasm/dist/backend_wasm.js');

/** The plugin's hooks as plain functions (they are functions here, not Vite's object form). */
const hooks = () => {
  const plugin = tfjsWasmThreads();
  const call = <T>(hook: unknown, self: unknown, ...args: unknown[]) => (hook as (...a: unknown[]) => T).apply(self, args);
  return {
    plugin,
    resolveId: (id: string) => call<string | null>(plugin.resolveId, {}, id),
    load: (id: string, emitted: { name: string; source: string }[]) =>
      call<string | null>(plugin.load, { emitFile: (file: { name: string; source: string }) => (emitted.push(file), `ref${emitted.length}`) }, id),
    transform: (code: string, id: string) => call<{ code: string } | null>(plugin.transform, {}, code, id),
  };
};

describe('the tfjs threaded wasm build plugin', () => {
  it('wraps the threaded factory of the installed tfjs-backend-wasm, and leaves other modules alone', () => {
    const { plugin, transform } = hooks();
    expect(plugin.apply).toBe('build');
    const out = transform(readFileSync(backendFile, 'utf8'), backendFile);
    expect(out?.code).toMatch(/^import \{ withPthreadFiles as __netloomWithPthreadFiles \} from "virtual:netloom-tfjs-wasm-threads";/);
    expect(out?.code).toContain('const wasmFactoryThreadedSimd = __netloomWithPthreadFiles(wasmFactoryThreadedSimd_import.default ||');
    expect(transform('export const x = 1;', '/app/src/other.js')).toBeNull();
  });

  it('fails the build, naming the file, when tfjs no longer has the line it wraps', () => {
    expect(() => hooks().transform('const wasmFactory = 1;', backendFile)).toThrow(/backend_wasm\.js: the threaded factory line changed/);
  });

  it("emits the pthread worker's code as tfjs would blob it, and points Emscripten at it and at the unminified factory", () => {
    const { resolveId, load } = hooks();
    const id = resolveId('virtual:netloom-tfjs-wasm-threads');
    expect(id).toBe('\0virtual:netloom-tfjs-wasm-threads');
    const emitted: { name: string; source: string }[] = [];
    const code = load(id ?? '', emitted) ?? '';
    expect(emitted).toEqual([{ type: 'asset', name: 'tfjs-backend-wasm-threaded-simd.worker.js', source: pthreadWorkerSource() }]);
    expect(code).toContain(
      `import factoryUrl from ${JSON.stringify(`${resolve('@tensorflow/tfjs-backend-wasm/wasm-out/tfjs-backend-wasm-threaded-simd.js')}?url`)};`,
    );
    expect(code).toContain('const workerUrl = import.meta.ROLLUP_FILE_URL_ref1;');
    expect(code).toContain('config.mainScriptUrlOrBlob = absolute(factoryUrl);');
    expect(load('some-other-id', [])).toBeNull();
  });

  it("gives the pthreads a worker script that compiles, with the escapes tfjs's template literal lost put back", () => {
    const source = pthreadWorkerSource();
    expect(() => new Script(source)).not.toThrow();
    expect(source).toContain('importScripts(e.data.urlOrBlob)');
    expect(source).toContain('WasmBackendModuleThreadedSimd(Module)');
    expect(source).not.toContain('\n');
  });
});
