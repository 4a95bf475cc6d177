import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { chromium } from '@playwright/test';
import type { Browser } from '@playwright/test';
// @ts-expect-error: a plain .mjs script without types; it exports findBrowser(): Promise<string>.
import { findBrowser } from '../scripts/find-browser.mjs';

/** A built app served by `vite preview` and a headless Chromium to drive it. */
export interface BenchApp {
  readonly url: string;
  readonly browser: Browser;
  close(): Promise<void>;
}

async function waitForServer(url: string, server: ChildProcess): Promise<void> {
  for (let i = 0; i < 200; i += 1) {
    if (server.exitCode !== null) throw new Error(`vite preview exited with code ${server.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`vite preview did not answer at ${url}`);
}

/** Serves dist/ (run `npm run build` first) on `port` (`NETLOOM_BENCH_PORT`, else 4319) and launches Chromium. */
export async function startBenchApp(port = Number(process.env.NETLOOM_BENCH_PORT ?? 4319)): Promise<BenchApp> {
  const server = spawn('node_modules/.bin/vite', ['preview', '--port', String(port), '--strictPort'], { stdio: 'ignore' });
  const url = `http://localhost:${port}/`;
  await waitForServer(url, server);
  const executablePath = (await findBrowser()) as string;
  const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
  return {
    url,
    browser,
    async close() {
      await browser.close();
      server.kill();
    },
  };
}
