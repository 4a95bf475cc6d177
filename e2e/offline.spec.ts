import { expect, test } from '@playwright/test';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CSP_HEADER } from '../app/content-security-policy';
import { seedOnIris } from './editor-helpers';
import { collectPageErrors } from './helpers';

/** Every file of the build the page may fetch: all but the service worker's own and the samples' licence text. */
function builtFiles(): string[] {
  const dist = fileURLToPath(new URL('../dist/', import.meta.url));
  return readdirSync(dist, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => `${entry.parentPath}/${entry.name}`.slice(dist.length).replace(/^\//, ''))
    .filter((path) => !/^(sw|workbox-[\w-]+)\.js$|\.map$|^samples\/LICENSES\.md$/.test(path))
    .sort();
}

// The one journey with the service worker the build registers (playwright.config.ts blocks it elsewhere).
test.use({ serviceWorkers: 'allow' });

test('after one visit the app loads, opens a sample and trains with no network', async ({ page, context }) => {
  test.setTimeout(120_000);
  const errors = collectPageErrors(page);
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/content.security.policy/i.test(message.text())) violations.push(message.text());
  });

  await page.goto('./');
  // Installed means precached: `ready` resolves once the worker holding every file is active.
  const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
  expect(new URL(scope).pathname).toBe('/');
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  // Every file of the build is in the cache: the bundle, the workers, the wasm binaries, the samples.
  const cached = await page.evaluate(async () => {
    const urls: string[] = [];
    for (const name of await caches.keys()) for (const request of await (await caches.open(name)).keys()) urls.push(new URL(request.url).pathname.slice(1));
    return urls.sort();
  });
  expect(cached).toEqual(builtFiles());
  expect(cached.filter((path) => /\.worker-[\w-]+\.js$/.test(path))).toHaveLength(3);
  expect(cached.filter((path) => path.endsWith('.wasm'))).toHaveLength(3);
  const manifest = await page.evaluate(async () => (await fetch('./manifest.webmanifest')).json() as Promise<{ name: string; icons: { src: string }[] }>);
  expect(manifest.name).toBe('Netloom');

  await context.setOffline(true);
  const offline = await page.reload();
  await expect(page.getByTestId('toolbar-new')).toBeVisible();
  // The page came from the worker's cache with the headers it was served with: the same policy, and isolated.
  expect(offline?.fromServiceWorker()).toBe(true);
  expect(offline?.headers()['content-security-policy']).toBe(CSP_HEADER);
  // The network really is gone: what the worker did not precache fails.
  expect(
    await page.evaluate(() =>
      fetch(`./not-precached-${Date.now()}.txt`).then(
        (r) => `HTTP ${r.status}`,
        () => 'failed',
      ),
    ),
  ).toBe('failed');
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
  for (const icon of manifest.icons) {
    expect(await page.evaluate((src) => fetch(`./${src}`).then((r) => r.headers.get('content-type')), icon.src)).toBe('image/png');
  }

  // Opened again offline (a navigation, not a reload), the seed model on the Iris sample.
  await seedOnIris(page);
  await page.getByTestId('tab-train').click();
  await expect(page.getByTestId('backend-name')).toHaveText('wasm', { timeout: 20_000 });
  await page.getByLabel('Epochs', { exact: true }).fill('3');
  await page.getByTestId('train').click();
  await expect(page.getByTestId('progress-text')).toContainText('Finished after 3 epochs', { timeout: 60_000 });
  await expect(page.getByTestId('chart-loss')).toHaveAttribute('data-points', '3');

  // The digits sample (binary files in a folder of its own) comes from the cache too.
  await page.getByTestId('tab-data').click();
  await page.getByTestId('sample-digits').click();
  await expect(page.getByTestId('image-grid')).toBeVisible({ timeout: 20_000 });

  expect(violations).toEqual([]);
  // The one request that went to the network is the deliberate one above.
  expect(errors).toEqual(['console: Failed to load resource: net::ERR_INTERNET_DISCONNECTED']);
});
