import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { PNG } from 'pngjs';
import { digitsCnn } from '../src/analysis/templates';
import { plotModelSvg } from '../src/compile/plot-model';
import { collectPageErrors, savedDownloads } from './helpers';

test('the Export menu downloads the model picture as SVG and as a PNG drawn at twice its size', async ({ page }, testInfo) => {
  const errors = collectPageErrors(page);
  await page.goto('./');
  await page.getByTestId('toolbar-new').click();
  await page.getByTestId('template-cnn').click();
  const downloads = savedDownloads(page, testInfo);
  await page.getByTestId('toolbar-export').click();
  await page.getByTestId('export-picture-svg').click();
  await expect.poll(() => downloads.length).toBe(1);
  await page.getByTestId('toolbar-export').click();
  await page.getByTestId('export-picture-png').click();
  await expect.poll(() => downloads.length).toBe(2);

  const svgPath = downloads.find((p) => p.endsWith('.svg')) as string;
  await expect.poll(async () => (await readFile(svgPath, 'utf8').catch(() => '')).length).toBeGreaterThan(0);
  const svg = await readFile(svgPath, 'utf8');
  expect(svg).toBe(plotModelSvg(digitsCnn()));
  const [width, height] = ['width', 'height'].map((a) => Number(new RegExp(`\\s${a}="(\\d+)"`).exec(svg)?.[1]));

  const pngPath = downloads.find((p) => p.endsWith('.png')) as string;
  await expect.poll(async () => (await readFile(pngPath).catch(() => Buffer.alloc(0))).length).toBeGreaterThan(0);
  const png = PNG.sync.read(await readFile(pngPath));
  expect([png.width, png.height]).toEqual([(width as number) * 2, (height as number) * 2]);
  // Drawn, not blank: the black frames, the white cells and the green Trainable marks are there.
  const colours = new Set<string>();
  for (let i = 0; i < png.data.length; i += 4) colours.add(`${png.data[i]},${png.data[i + 1]},${png.data[i + 2]}`);
  expect([...['0,0,0', '255,255,255', '34,139,34']].filter((c) => colours.has(c))).toEqual(['0,0,0', '255,255,255', '34,139,34']);
  expect(errors).toEqual([]);
});
