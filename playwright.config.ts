import { defineConfig, devices } from '@playwright/test';

// Another checkout's server on the default port would be reused (see reuseExistingServer), so a
// second checkout on the same machine picks its own port: NETLOOM_E2E_PORT=4391 npm run test:e2e.
const port = Number(process.env.NETLOOM_E2E_PORT ?? 4317);
const isCI = Boolean(process.env.CI);
// scripts/test.mjs and scripts/e2e.mjs set this from scripts/find-browser.mjs.
const executablePath = process.env.NETLOOM_CHROMIUM || undefined;

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: true,
  forbidOnly: isCI,
  retries: isCI ? 1 : 0,
  workers: 2,
  reporter: 'list',
  timeout: 30_000,
  use: {
    baseURL: `http://localhost:${port}`,
    headless: true,
    trace: 'retain-on-failure',
    // The build registers a service worker that precaches the whole app (8 MB) on each new
    // context's first visit: only e2e/offline.spec.ts, which tests it, lets it in.
    serviceWorkers: 'block',
    // Every journey starts as a browser that has seen the first visit's Start here card, so the
    // card stays out of their way; e2e/start-here.spec.ts clears this to be a first visit.
    storageState: { cookies: [], origins: [{ origin: `http://localhost:${port}`, localStorage: [{ name: 'netloom:start-here', value: 'dismissed' }] }] },
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          ...(executablePath ? { executablePath } : {}),
          args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
        },
      },
    },
  ],
  webServer: {
    // Test the production build, served the way a static host would (plus COOP/COEP headers).
    command: `npm run build && npm run preview -- --port ${port} --strictPort`,
    url: `http://localhost:${port}`,
    reuseExistingServer: !isCI,
    timeout: 120_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
