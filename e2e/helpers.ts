import type { Page, TestInfo } from '@playwright/test';

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
