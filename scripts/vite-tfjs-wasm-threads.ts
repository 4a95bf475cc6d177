/**
 * A Vite build plugin that makes tfjs-backend-wasm 4.22's threaded build work from a minified
 * bundle, without `blob:` in the Content-Security-Policy.
 *
 * Why it breaks (tfjs #4253, docs/wasm-kernels.md, "Threads"): the threaded build starts its
 * pthreads as workers that `importScripts` the Emscripten factory, and tfjs hands them that
 * factory as `new Blob(['var WasmBackendModuleThreadedSimd = ' + factory.toString()])`. The
 * function's text is self-contained only as Emscripten wrote it: a minifier renames the
 * `_scriptDir` of the enclosing closure and drops the `typeof _scriptDir !== "undefined"` guard
 * (the name is declared there), so every pthread dies with `ReferenceError: e is not defined` and
 * `setBackend('wasm')` never settles. Both the factory blob and the pthread worker's own blob also
 * need `blob:` in `script-src` and `worker-src`.
 *
 * What it does: the pthreads get tfjs's own, unminified files from this origin instead. The factory
 * file (`wasm-out/tfjs-backend-wasm-threaded-simd.js`) is emitted as it is (a `?url` asset), the
 * pthread worker's code (the string tfjs would put in a blob) as a second asset, and tfjs's
 * factory is wrapped so Emscripten's `mainScriptUrlOrBlob` and `locateFile('*.worker.js')` name
 * those URLs. The minified factory still runs the training worker's own thread; only the pthreads
 * load the pristine one. Build only: the dev server's pre-bundled tfjs is not minified, and its
 * policy allows the blobs (app/content-security-policy.ts, `devCsp`).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Plugin } from 'vite';

const VIRTUAL = 'virtual:netloom-tfjs-wasm-threads';
const RESOLVED = `\0${VIRTUAL}`;

/** tfjs-backend-wasm's ESM backend module, where the threaded factory is taken from its import. */
const BACKEND_MODULE = /[\\/]@tensorflow[\\/]tfjs-backend-wasm[\\/]dist[\\/]backend_wasm\.js$/;
/** The line of tfjs-backend-wasm 4.22's backend_wasm.js that picks the factory out of its CJS import. */
const FACTORY_LINE = /const wasmFactoryThreadedSimd = \((wasmFactoryThreadedSimd_import\.default \|\|\s*wasmFactoryThreadedSimd_import)\);/;

/** The package's folder (its package.json's), found the way Node would. */
function packageDir(): string {
  return dirname(createRequire(import.meta.url).resolve('@tensorflow/tfjs-backend-wasm/package.json'));
}

/**
 * The pthread worker's script, exactly as tfjs makes its blob: the CJS module's string with real
 * newlines turned back into `\n` (the template literal it sits in turned the escapes inside the
 * worker's string literals into newlines).
 */
export function pthreadWorkerSource(dir = packageDir()): string {
  const module = createRequire(import.meta.url)(join(dir, 'wasm-out', 'tfjs-backend-wasm-threaded-simd.worker.js')) as { wasmWorkerContents?: unknown };
  if (typeof module.wasmWorkerContents !== 'string')
    throw new Error('tfjs-backend-wasm: wasm-out/tfjs-backend-wasm-threaded-simd.worker.js exports no wasmWorkerContents');
  return module.wasmWorkerContents.replace(/\n/g, '\\n');
}

/**
 * The plugin; add it to `worker.plugins` (the training worker is where tfjs-backend-wasm is
 * bundled). The build fails, naming the file, when tfjs's code no longer has the expected shape.
 */
export function tfjsWasmThreads(): Plugin {
  const dir = packageDir();
  const factoryFile = join(dir, 'wasm-out', 'tfjs-backend-wasm-threaded-simd.js');
  return {
    name: 'netloom:tfjs-wasm-threads',
    apply: 'build',
    resolveId(id) {
      return id === VIRTUAL ? RESOLVED : null;
    },
    load(id) {
      if (id !== RESOLVED) return null;
      if (!readFileSync(factoryFile, 'utf8').includes('var WasmBackendModuleThreadedSimd')) {
        throw new Error(`${factoryFile} no longer defines WasmBackendModuleThreadedSimd: check the threaded build against this tfjs-backend-wasm version`);
      }
      const worker = this.emitFile({ type: 'asset', name: 'tfjs-backend-wasm-threaded-simd.worker.js', source: pthreadWorkerSource(dir) });
      return [
        `import factoryUrl from ${JSON.stringify(`${factoryFile}?url`)};`,
        `const workerUrl = import.meta.ROLLUP_FILE_URL_${worker};`,
        'const absolute = (url) => new URL(url, import.meta.url).href;',
        '/** tfjs calls this with its Emscripten config: the pthreads are pointed at the unminified files. */',
        'export function withPthreadFiles(factory) {',
        '  return (config) => {',
        '    const locate = config.locateFile;',
        '    config.mainScriptUrlOrBlob = absolute(factoryUrl);',
        "    config.locateFile = (path, prefix) => (path.endsWith('.worker.js') ? absolute(workerUrl) : locate(path, prefix));",
        '    return factory(config);',
        '  };',
        '}',
      ].join('\n');
    },
    transform(code, id) {
      if (!BACKEND_MODULE.test(id)) return null;
      if (!FACTORY_LINE.test(code))
        throw new Error(`${id}: the threaded factory line changed; netloom:tfjs-wasm-threads needs updating for this tfjs-backend-wasm`);
      const wrapped = code.replace(FACTORY_LINE, 'const wasmFactoryThreadedSimd = __netloomWithPthreadFiles($1);');
      return { code: `import { withPthreadFiles as __netloomWithPthreadFiles } from ${JSON.stringify(VIRTUAL)};\n${wrapped}`, map: null };
    },
  };
}
