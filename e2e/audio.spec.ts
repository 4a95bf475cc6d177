import { expect, test } from '@playwright/test';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { unzipSync } from 'fflate';
import { DEFAULT_AUDIO_SETTINGS } from '../src/data/audio/settings';
import { clipFeatures } from '../src/data/audio/spectrogram';
import { resampleLinear } from '../src/data/audio/resample';
import { decodeWav, encodeWav } from '../src/data/audio/wav';
import { collectPageErrors, fakeMicrophone, savedDownloads } from './helpers';
import { predictInPlainPage } from './plain-tfjs-page';

// One clip of the built-in sample: uploaded to try the model, and played as the microphone.
const SAMPLE = unzipSync(new Uint8Array(readFileSync('public/samples/speech-commands.zip')));
const CLIP_NAME = Object.keys(SAMPLE).find((n) => n.startsWith('speech-commands/left/')) as string;
const CLIP = SAMPLE[CLIP_NAME] as Uint8Array;
const CLIP_FILE = resolve('test-results/audio-clip.wav');
// Chromium's fake capture plays a 16-bit WAV in a loop as the microphone; 48 kHz as a real one records.
const MIC_FILE = resolve('test-results/fake-microphone.wav');
mkdirSync('test-results', { recursive: true });
writeFileSync(CLIP_FILE, CLIP);
const clip = decodeWav(CLIP);
writeFileSync(MIC_FILE, encodeWav({ samples: resampleLinear(clip.samples, clip.sampleRate, 48000), sampleRate: 48000 }, 16));

test.use(fakeMicrophone(MIC_FILE));

test('sound: the speech sample as spectrograms, the CNN template trained on it, a clip and the microphone tried, and the export predicting the same in plain tfjs', async ({
  page,
}, testInfo) => {
  test.setTimeout(180_000);
  const errors = collectPageErrors(page);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('./');
  await page.getByTestId('tab-data').click();
  await page.getByTestId('sample-speech-commands').click();
  await expect(page.getByTestId('audio-grid')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('audio-summary')).toContainText('240 clips · (49, 40, 1) spectrogram each · 8 classes · 16 kHz, 1 s');
  await expect(page.getByTestId('class-count-left')).toHaveText('30 clips');
  await expect(page.getByRole('img', { name: /^Spectrogram of speech-commands\/yes\// })).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/audio-data.png', fullPage: true });

  await page.getByTestId('toolbar-new').click();
  await page.getByTestId('template-speech-cnn').click();
  await page.getByTestId('tab-data').click();
  await expect(page.getByTestId('wiring-ok')).toBeVisible();
  await page.getByTestId('tab-train').click();
  await expect(page.getByTestId('backend-name')).toHaveText('wasm', { timeout: 20_000 });
  await page.getByLabel('Epochs', { exact: true }).fill('30');
  await page.getByTestId('train').click();
  await expect(page.getByTestId('progress-text')).toContainText('Finished after 30 epochs', { timeout: 150_000 });
  const accuracy = Number((await page.getByTestId('eval-accuracy').textContent())?.replace('%', ''));
  console.log(`speech commands CNN, 30 epochs: validation accuracy ${accuracy}%`);
  expect(accuracy).toBeGreaterThan(85);

  // A clip uploaded to try it: the bars of its eight classes.
  await page.getByTestId('try-audio-file').setInputFiles(CLIP_FILE);
  const bars = page.getByTestId('prediction').locator('li');
  await expect(bars).toHaveCount(8);
  const appSays = await bars.evaluateAll((items) =>
    items.map((li) => [li.getAttribute('data-class') ?? '', Number(li.getAttribute('data-probability'))] as const),
  );

  // The microphone (Chromium playing the same word in a loop): predictions keep coming, a few a second.
  await page.evaluate(() => {
    const w = window as unknown as { longTasks: number[] };
    w.longTasks = [];
    new PerformanceObserver((list) => w.longTasks.push(...list.getEntries().map((e) => e.duration))).observe({ type: 'longtask' });
  });
  const before = Number(await page.getByTestId('try-audio').getAttribute('data-predictions'));
  await page.getByTestId('try-listen').click();
  await page.waitForTimeout(3_000);
  const rolled = Number(await page.getByTestId('try-audio').getAttribute('data-predictions')) - before;
  const longTasks = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
  console.log(`listening 3 s: ${rolled} predictions, ${longTasks.length} page tasks over 50 ms (longest ${Math.round(Math.max(0, ...longTasks))} ms)`);
  expect(rolled).toBeGreaterThanOrEqual(3);
  await expect(page.getByTestId('try-listen')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('status').filter({ hasText: 'Predicting on the last 1 s' })).toBeVisible();
  await expect(bars).toHaveCount(8, { timeout: 10_000 });
  await page.screenshot({ path: 'test-results/screens/audio-try.png', fullPage: true });
  await page.getByTestId('try-listen').click();
  await expect(page.getByTestId('try-listen')).toHaveAttribute('aria-pressed', 'false');

  // The export: its metadata names the audio settings, and tfjs on a plain page predicts the same for the clip.
  const downloads = savedDownloads(page, testInfo);
  await page.getByTestId('toolbar-export').click();
  await page.getByTestId('export-tfjs-zip').click();
  await expect.poll(() => downloads.length).toBe(1);
  await expect.poll(async () => (await readFile(downloads[0] as string).catch(() => Buffer.alloc(0))).length).toBeGreaterThan(0);
  const zip = unzipSync(new Uint8Array(await readFile(downloads[0] as string)));
  const modelJson = new TextDecoder().decode(zip['model.json']);
  const netloom = JSON.parse(modelJson).userDefinedMetadata.netloom as { audio: unknown; classNames: string[] };
  expect(netloom.audio).toEqual(DEFAULT_AUDIO_SETTINGS);
  const x = clipFeatures(clip, DEFAULT_AUDIO_SETTINGS);
  const plain = await page.context().newPage();
  const [out] = await predictInPlainPage(plain, { modelJson, weights: zip['model.weights.bin'] as Uint8Array }, [
    { shape: [1, 49, 40, 1], values: Array.from(x) },
  ]);
  await plain.close();
  for (const [name, p] of appSays) expect(Math.abs((out?.values[netloom.classNames.indexOf(name)] ?? Number.NaN) - p)).toBeLessThan(1e-4);

  // Autosave brings the project back after a reload, and with it the sample under its audio settings.
  await page.reload();
  await page.getByTestId('tab-data').click();
  await expect(page.getByTestId('audio-summary')).toContainText('240 clips · (49, 40, 1) spectrogram each · 8 classes', { timeout: 30_000 });
  expect(errors).toEqual([]);
});

test('a zip of sound clips given to "Images .zip" is read from its directory and loaded as sound', async ({ page }) => {
  const errors = collectPageErrors(page);
  await page.goto('./');
  await page.getByTestId('tab-data').click();
  await page.getByTestId('zip-input').setInputFiles('public/samples/speech-commands.zip');
  await expect(page.getByTestId('audio-summary')).toContainText('240 clips · (49, 40, 1) spectrogram each · 8 classes', { timeout: 30_000 });
  await expect(page.getByTestId('class-count-left')).toHaveText('30 clips');
  // Each class's first clip plays as the model hears it (1 s at 16 kHz), and stops by itself.
  const play = page.getByRole('button', { name: 'Play the first clip of left' });
  await play.click();
  await expect(page.getByRole('button', { name: 'Stop the first clip of left' })).toHaveAttribute('data-playing', 'true');
  await page.getByTestId('audio-grid').screenshot({ path: 'test-results/screens/audio-play.png' });
  await expect(play).toHaveAttribute('data-playing', 'false', { timeout: 5_000 });
  expect(errors).toEqual([]);
});
