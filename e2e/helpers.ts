import type { Page, TestInfo, Worker } from '@playwright/test';

/**
 * Starts recording console errors and uncaught page errors on `page`.
 * Call before navigating; read the returned array after the page has settled.
 */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => {
    errors.push(`pageerror: ${error.message}`);
  });
  return errors;
}

/**
 * Saves every download the page starts into the test's output folder; the returned list fills
 * with their paths, in the order they finish saving.
 */
export function savedDownloads(page: Page, testInfo: TestInfo): string[] {
  const paths: string[] = [];
  page.on('download', async (d) => {
    const path = testInfo.outputPath(d.suggestedFilename());
    await d.saveAs(path);
    paths.push(path);
  });
  return paths;
}

/**
 * The CSP violations a page or worker has seen: a buffered ReportingObserver hands over every
 * report since the global started, so a violation in a worker's first moments (before Playwright
 * could attach a listener) is not missed. Violations inside workers never reach the page's
 * `securitypolicyviolation` listeners or, in Chromium, Playwright's console events.
 */
export function bufferedViolations(target: Page | Worker): Promise<string[]> {
  const collect = () =>
    new Promise<string[]>((resolve) => {
      const seen: string[] = [];
      const add = (reports: readonly Report[]) => {
        for (const r of reports) seen.push(`${location.pathname}: ${JSON.stringify(r.body)}`);
      };
      const observer = new ReportingObserver((reports) => add(reports), { types: ['csp-violation'], buffered: true });
      observer.observe();
      // Buffered reports arrive in a task of their own.
      setTimeout(() => {
        add(observer.takeRecords());
        observer.disconnect();
        resolve(seen);
      }, 300);
    });
  // Page and Worker each have evaluate, with signatures TypeScript cannot unite.
  return 'mainFrame' in target ? target.evaluate(collect) : target.evaluate(collect);
}

/**
 * Launch options for a journey whose microphone is `wavFile`, played in a loop by Chromium's fake
 * capture, with the microphone allowed: pass to `test.use`.
 */
export function fakeMicrophone(wavFile: string) {
  return {
    permissions: ['microphone'],
    launchOptions: {
      ...(process.env.NETLOOM_CHROMIUM ? { executablePath: process.env.NETLOOM_CHROMIUM } : {}),
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--no-first-run',
        '--use-fake-ui-for-media-stream',
        '--use-fake-device-for-media-stream',
        `--use-file-for-fake-audio-capture=${wavFile}`,
      ],
    },
  };
}

/** Closes the notice if it is still up: an info notice goes by itself after 4 s, sooner than a slow step may reach this. */
export async function dismissNotice(page: Page): Promise<void> {
  await page
    .getByTestId('notice')
    .getByRole('button', { name: 'Dismiss message' })
    .click({ timeout: 1000 })
    .catch(() => undefined);
}
