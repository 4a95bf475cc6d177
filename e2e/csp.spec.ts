import { expect, test } from '@playwright/test';
import { CSP_HEADER, CSP_META } from '../app/content-security-policy';
import { seedOnIris } from './editor-helpers';
import { bufferedViolations } from './helpers';

test('a journey (sample, training, every export) runs under the Content-Security-Policy without one violation', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/content.security.policy/i.test(message.text())) violations.push(`console ${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => {
    if (/content.security.policy/i.test(error.message)) violations.push(`pageerror: ${error.message}`);
  });
  await page.exposeFunction('reportCspViolation', (line: string) => violations.push(line));
  await page.addInitScript(() => {
    const report = (window as unknown as { reportCspViolation: (line: string) => void }).reportCspViolation;
    document.addEventListener('securitypolicyviolation', (e) =>
      report(`securitypolicyviolation: ${e.effectiveDirective} blocked ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}`),
    );
  });
  const downloads: string[] = [];
  page.on('download', async (d) => {
    const path = testInfo.outputPath(d.suggestedFilename());
    await d.saveAs(path);
    downloads.push(d.suggestedFilename());
  });

  // The server sends the policy, and the page carries it for hosts that send none.
  const response = await page.goto('./');
  expect(response?.headers()['content-security-policy']).toBe(CSP_HEADER);
  await expect(page.locator('meta[http-equiv="Content-Security-Policy"]')).toHaveAttribute('content', CSP_META);
  expect(CSP_META).not.toMatch(/'unsafe-eval'|'unsafe-inline'|https?:|\*/);

  await seedOnIris(page);
  await page.getByTestId('tab-train').click();
  await expect(page.getByTestId('backend-name')).toHaveText('wasm', { timeout: 20_000 });
  await page.getByLabel('Epochs', { exact: true }).fill('5');
  await page.getByTestId('train').click();
  await expect(page.getByTestId('progress-text')).toContainText('Finished after 5 epochs', { timeout: 60_000 });
  await expect(page.getByTestId('chart-loss')).toHaveAttribute('data-points', '5');
  await page.getByTestId('try-row').fill('5.1, 3.5, 1.4, 0.2');
  await page.getByTestId('try-predict').click();
  await expect(page.getByTestId('prediction').locator('li').first()).toBeVisible();

  for (const [item, count] of [
    ['keras', 1],
    ['keras-zip', 2],
    ['tfjs-zip', 3],
    ['project-weights', 4],
  ] as const) {
    await page.getByTestId('toolbar-export').click();
    await page.getByTestId(`export-${item}`).click();
    await expect.poll(() => downloads.length, { message: `export ${item}` }).toBe(count);
  }
  expect(downloads).toEqual([
    expect.stringMatching(/\.py$/),
    expect.stringMatching(/\.zip$/),
    expect.stringMatching(/\.zip$/),
    expect.stringMatching(/\.netloom\.json$/),
  ]);

  // An image sample: IDX files fetched, thumbnails drawn on canvases.
  await page.getByTestId('tab-data').click();
  await page.getByTestId('sample-digits').click();
  await expect(page.getByTestId('image-grid')).toBeVisible({ timeout: 20_000 });

  const workers = page.workers();
  expect(workers.map((w) => new URL(w.url()).pathname)).toEqual(
    expect.arrayContaining([expect.stringMatching(/train\.worker/), expect.stringMatching(/csv\.worker/)]),
  );
  for (const target of [page, ...workers]) violations.push(...(await bufferedViolations(target)));
  expect(violations).toEqual([]);
});
