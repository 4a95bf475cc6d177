import type { Page } from '@playwright/test';

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
