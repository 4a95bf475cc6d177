import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { casePath, HOSTILE_CASES, inputOf, type AppCheck, type HostileCase } from '../src/hostile/index';
import { writeCase } from '../src/hostile/write';
import { node, seedOnIris, selectNode, setField } from './editor-helpers';
import { collectPageErrors } from './helpers';

// The hostile-input corpus through the app, for the cases that say how the page takes them
// (src/hostile/): over a known project, the file is opened or uploaded, the page says what the
// case expects, and after a reload the known project is intact, or, where the file is taken,
// what it brought. The files are made from the corpus here, not committed. No test waits for
// autosave: a page going away saves its last edit (e2e/faults.spec.ts), so a reload right after
// an edit is the harder case.

const root = mkdtempSync(join(tmpdir(), 'netloom-hostile-e2e-'));
const KNOWN_UNITS = '48';
const KNOWN_PARAMS = `${(4 * 48 + 48).toLocaleString('en-US')} params`;

/** The seed on Iris, renamed and with dense_1 at 48 units: the work a hostile file must not cost. */
async function knownProject(page: Page, name: string): Promise<void> {
  await seedOnIris(page);
  await page.getByTestId('tab-model').click();
  await selectNode(page, 'dense_1');
  await setField(page, 'units', KNOWN_UNITS);
  await page.getByTestId('project-name').fill(name);
  await page.getByTestId('project-name').press('Enter');
  await expect(node(page, 'dense_1').getByTestId('params')).toContainText(KNOWN_PARAMS);
}

async function expectKnownProject(page: Page, name: string): Promise<void> {
  await page.getByTestId('tab-model').click();
  await expect(page.getByTestId('project-name')).toHaveValue(name);
  for (const layer of ['input_1', 'dense_1', 'dense_2']) await expect(node(page, layer)).toBeVisible();
  await expect(node(page, 'dense_1').getByTestId('params')).toContainText(KNOWN_PARAMS);
  await page.getByTestId('tab-data').click();
  await expect(page.getByTestId('data-source-name')).toHaveText('Iris flowers');
  await expect(page.getByTestId('table-facts')).toContainText('150 rows · 5 columns');
}

/** Hands the case's input to the page the way `app.input` says. */
async function give(page: Page, c: HostileCase, app: AppCheck, dir: string): Promise<void> {
  const path = join(dir, inputOf(c));
  if (app.input === 'open') {
    await page.getByTestId('open-file-input').setInputFiles(path);
    return;
  }
  await page.getByTestId('tab-data').click();
  const input = { csv: 'csv-input', zip: 'zip-input', folder: 'folder-input' }[app.input];
  await page.getByTestId(input).setInputFiles(path);
}

/** What the page shows of the project after opening a file it took: compared after the reload. */
async function projectState(page: Page): Promise<{ name: string; totals: string }> {
  await page.getByTestId('tab-model').click();
  return { name: await page.getByTestId('project-name').inputValue(), totals: (await page.getByTestId('summary-totals').textContent()) ?? '' };
}

const cases = HOSTILE_CASES.filter((c): c is HostileCase & { app: AppCheck } => c.app !== undefined);

for (const c of cases) {
  const { app } = c;
  test(`${casePath(c)}: ${c.what}`, async ({ page }) => {
    test.setTimeout(60_000);
    const errors = collectPageErrors(page);
    const dir = await writeCase(c, root);
    const name = `known before ${c.id}`;
    await knownProject(page, name);

    await give(page, c, app, dir);
    await expect(page.getByTestId(app.shows)).toContainText(app.says, { timeout: 20_000 });
    const diagnostic = app.diagnostic ? () => node(page, app.diagnostic?.layer ?? '').getByTestId('diagnostic') : undefined;
    if (diagnostic) await expect(diagnostic()).toContainText(app.diagnostic?.says ?? '');

    if (!app.opens) {
      await page.reload();
      await expectKnownProject(page, name);
    } else if (app.input === 'open') {
      const opened = await projectState(page);
      await page.reload();
      expect(await projectState(page)).toEqual(opened);
      if (diagnostic) await expect(diagnostic()).toContainText(app.diagnostic?.says ?? '');
    } else {
      // Uploaded data is not kept by the page: after a reload the project names it, plan and all.
      await page.reload();
      await page.getByTestId('tab-data').click();
      await expect(page.getByTestId('data-info')).toContainText(`This project was trained on ${app.input === 'csv' ? 'data.csv' : 'images'}`);
      await page.getByTestId('tab-model').click();
      await expect(page.getByTestId('project-name')).toHaveValue(name);
      await expect(node(page, 'dense_1').getByTestId('params')).toContainText(KNOWN_PARAMS);
    }
    expect(errors.filter((e) => e.startsWith('pageerror'))).toEqual([]);
  });
}
