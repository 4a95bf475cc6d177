// Shared by scripts/test.mjs and scripts/e2e.mjs: run local binaries, time them, find the browser.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findBrowser } from './find-browser.mjs';
import { findPandasPython } from './find-python.mjs';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const isWindows = process.platform === 'win32';

/** Path of a binary installed in node_modules/.bin (never downloads anything). */
function localBin(name) {
  const path = join(repoRoot, 'node_modules', '.bin', isWindows ? `${name}.cmd` : name);
  if (!existsSync(path)) throw new Error(`${name} is not installed; run \`npm install\` first.`);
  return path;
}

/**
 * Runs a node_modules/.bin binary with inherited stdio; resolves with its exit code.
 * @param {string} name @param {string[]} args @param {NodeJS.ProcessEnv} [extraEnv]
 */
export function runBin(name, args, extraEnv = {}) {
  return new Promise((resolve) => {
    const child = spawn(localBin(name), args, {
      cwd: repoRoot,
      stdio: 'inherit',
      env: { ...process.env, ...extraEnv },
      shell: isWindows,
    });
    child.on('error', (error) => {
      console.error(error.message);
      resolve(1);
    });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

/**
 * Runs steps in order, stopping at the first failure; prints a header per step and a recap.
 * Each step's `run` resolves with an exit code. Returns the process exit code.
 * @param {{ name: string, run: () => Promise<number> }[]} steps
 */
export async function runSteps(steps) {
  /** @type {{ name: string, ms: number, ok: boolean }[]} */
  const done = [];
  let exitCode = 0;
  for (const [index, step] of steps.entries()) {
    console.log(`\n━━ [${index + 1}/${steps.length}] ${step.name}`);
    const start = performance.now();
    let code;
    try {
      code = await step.run();
    } catch (error) {
      console.error(error instanceof Error ? error.message : String(error));
      code = 1;
    }
    done.push({ name: step.name, ms: performance.now() - start, ok: code === 0 });
    if (code !== 0) {
      exitCode = code;
      break;
    }
  }
  console.log('\n━━ recap');
  for (const { name, ms, ok } of done) {
    console.log(`  ${ok ? 'ok  ' : 'FAIL'}  ${(ms / 1000).toFixed(1).padStart(6)}s  ${name}`);
  }
  for (const { name } of steps.slice(done.length)) console.log(`  skip          ${name}`);
  return exitCode;
}

/** The browser step: find Chromium, then `playwright test` with NETLOOM_CHROMIUM set. */
export async function runBrowserTests(extraArgs = []) {
  let browser;
  try {
    browser = await findBrowser();
  } catch (error) {
    console.error(`No Chromium for the browser tests. Run:\n  ${error instanceof Error ? error.message : error}`);
    return 1;
  }
  console.log(`Chromium: ${browser}`);
  return runBin('playwright', ['test', ...extraArgs], { NETLOOM_CHROMIUM: browser });
}

/**
 * The unit step: `vitest run` with NETLOOM_PYTHON set to a python3 with pandas and soundfile
 * (installed with apt-get as root on Debian), which the Keras script data tests run; without one
 * they skip.
 */
export async function runUnitTests(extraArgs = []) {
  const env = {};
  try {
    env.NETLOOM_PYTHON = findPandasPython();
    console.log(`Python with pandas: ${env.NETLOOM_PYTHON}`);
  } catch (error) {
    console.warn(`No python3 with pandas, so the Keras script data test will skip. To run it:\n  ${error instanceof Error ? error.message : error}`);
  }
  return runBin('vitest', ['run', ...extraArgs], env);
}
