import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { unzipSync, zipSync } from 'fflate';
import { decodeWav, encodeWav } from '../src/data/audio/wav';
import { collectPageErrors, fakeMicrophone, savedDownloads } from './helpers';

// The microphone: a second of a 440 Hz tone, played in a loop by Chromium's fake capture.
const MIC_FILE = resolve('test-results/fake-microphone-tone.wav');
mkdirSync('test-results', { recursive: true });
const tone = (hz: number, rate: number, seconds = 1) =>
  Float32Array.from({ length: Math.round(rate * seconds) }, (_, i) => 0.3 * Math.sin((2 * Math.PI * hz * i) / rate));
writeFileSync(MIC_FILE, encodeWav({ samples: tone(440, 48000), sampleRate: 48000 }, 16));
const FIXTURE = (name: string) => new Uint8Array(readFileSync(new URL(`./fixtures/audio/${name}`, import.meta.url)));

test.use(fakeMicrophone(MIC_FILE));

test('sound clips: recorded per class with a level meter, kept over a reload, used as data and downloaded; a zip with OGG and FLAC clips decoded by the browser; new settings applied', async ({
  page,
}, testInfo) => {
  test.setTimeout(90_000);
  const errors = collectPageErrors(page);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('./');
  await page.getByTestId('tab-data').click();
  const recorder = page.getByTestId('recorder');
  await recorder.getByLabel('Name of recorded class 2').fill('hum');
  for (const [i, n] of [
    [0, '1 clip'],
    [0, '2 clips'],
    [1, '1 clip'],
    [1, '2 clips'],
  ] as const) {
    await page.getByTestId(`record-${i}`).click();
    await expect(page.getByTestId(`recorded-count-${i}`)).toHaveText(n, { timeout: 5_000 });
  }
  await expect(page.getByTestId('mic-level')).toBeVisible();
  await expect(page.getByTestId('recorded-count-0')).toHaveText('2 clips');
  await expect(page.getByTestId('recorded-count-1')).toHaveText('2 clips');

  // Kept in the browser's storage: a reload brings the clips back, class names and all.
  await expect(page.getByTestId('recordings-storage')).toHaveText('4 clips kept in this browser');
  await page.reload();
  await page.getByTestId('tab-data').click();
  await expect(page.getByTestId('recorded-count-0')).toHaveText('2 clips');
  await expect(page.getByTestId('recorded-count-1')).toHaveText('2 clips');
  await expect(recorder.getByLabel('Name of recorded class 2')).toHaveValue('hum');
  await expect(page.getByTestId('recordings-storage')).toHaveText('4 clips kept in this browser');
  await page.getByTestId('use-recordings').click();
  await expect(page.getByTestId('data-source-name')).toHaveText('Recordings');
  await expect(page.getByTestId('class-count-hum')).toHaveText('2 clips');
  await expect(page.getByTestId('audio-summary')).toContainText('4 clips · (49, 40, 1) spectrogram each · 2 classes');

  const downloads = savedDownloads(page, testInfo);
  await page.getByTestId('download-recordings').click();
  await expect.poll(() => downloads.length).toBe(1);
  await expect.poll(async () => (await readFile(downloads[0] as string).catch(() => Buffer.alloc(0))).length).toBeGreaterThan(0);
  const zip = unzipSync(new Uint8Array(await readFile(downloads[0] as string)));
  expect(Object.keys(zip).sort()).toEqual([
    'Recordings/hum/hum-001.wav',
    'Recordings/hum/hum-002.wav',
    'Recordings/yes/yes-001.wav',
    'Recordings/yes/yes-002.wav',
  ]);
  const recorded = decodeWav(zip['Recordings/yes/yes-001.wav'] as Uint8Array);
  expect(recorded.samples.length).toBe(recorded.sampleRate);

  // A zip of WAV, OGG and FLAC clips (the OGG and FLAC made by SoX): the worker reads the WAVs, the
  // page decodes the others; a broken file is skipped with why.
  const files = zipSync({
    'beeps/high/1.wav': encodeWav({ samples: tone(2500, 16000), sampleRate: 16000 }),
    'beeps/high/2.ogg': FIXTURE('whistle.ogg'),
    'beeps/high/3.flac': FIXTURE('chirp.flac'),
    'beeps/low/1.wav': encodeWav({ samples: tone(200, 44100), sampleRate: 44100 }),
    'beeps/low/2.ogg': FIXTURE('hum.ogg'),
    'beeps/low/3.wav': new Uint8Array([82, 73, 70, 70, 0, 0]),
  });
  await page.getByTestId('audio-zip-input').setInputFiles({ name: 'beeps.zip', mimeType: 'application/zip', buffer: Buffer.from(files) });
  await expect(page.getByTestId('data-source-name')).toHaveText('beeps.zip');
  await expect(page.getByTestId('class-count-high')).toHaveText('3 clips');
  await expect(page.getByTestId('class-count-low')).toHaveText('2 clips');
  await expect(page.getByTestId('skipped-files')).toContainText('beeps/low/3.wav');
  await expect(page.getByTestId('skipped-files')).not.toContainText('3.flac');

  // Fewer mel bands, applied to the clips already chosen.
  await page.getByLabel('Audio mel bands').fill('32');
  await expect(page.getByTestId('audio-shape')).toHaveText('log-mel spectrogram (49, 32, 1) a clip');
  await page.getByTestId('audio-apply').click();
  await expect(page.getByTestId('audio-summary')).toContainText('5 clips · (49, 32, 1) spectrogram each');
  await page.getByLabel('Audio to Hz').fill('9000');
  await expect(page.getByTestId('audio-settings-error')).toHaveText('the highest mel frequency (9000 Hz) is above half the sample rate (8000 Hz)');
  await page.screenshot({ path: 'test-results/screens/audio-record.png', fullPage: true });

  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  expect(errors).toEqual([]);
});

test('a refused microphone says how to allow it, and nothing recorded is lost', async ({ page }) => {
  await page.addInitScript(() => {
    navigator.mediaDevices.getUserMedia = () => Promise.reject(new DOMException('Permission denied', 'NotAllowedError'));
  });
  await page.goto('./');
  await page.getByTestId('tab-data').click();
  await page.getByTestId('record-0').click();
  await expect(page.getByTestId('mic-error')).toContainText('Microphone access was refused. Allow it for this site');
  await expect(page.getByTestId('recorded-count-0')).toHaveText('0 clips');
});

test('a full browser storage says so in the recorder, and the clips stay to download', async ({ page }) => {
  await page.addInitScript(() => {
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (value: unknown, key?: IDBValidKey) {
      if (key === 'netloom:recordings') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.call(this, value, key);
    };
  });
  await page.goto('./');
  await page.getByTestId('tab-data').click();
  await page.getByTestId('record-0').click();
  await expect(page.getByTestId('recorded-count-0')).toHaveText('1 clip', { timeout: 5_000 });
  await expect(page.getByTestId('recordings-storage')).toHaveText(
    /^This browser's storage is full: the recordings \(0\.\d MB\) could not be saved here, so a reload would bring back only what was saved before\. They stay while this tab is open; "Download \.zip" keeps them\.$/,
  );
  await expect(page.getByTestId('download-recordings')).toBeEnabled();
});

test('two tabs recording: the idle tab takes in the other’s clips, a busy one asks before writing over them', async ({ page, context }) => {
  test.setTimeout(90_000);
  const other = await context.newPage();
  const tabs = [page, other];
  for (const tab of tabs) {
    await tab.goto('./');
    await tab.getByTestId('tab-data').click();
  }
  const counts = (tab: typeof page) => Promise.all([0, 1].map((i) => tab.getByTestId(`recorded-count-${i}`).textContent()));
  // The other tab records; this one, with nothing of its own, shows its clip.
  await other.getByTestId('record-0').click();
  await expect(other.getByTestId('recorded-count-0')).toHaveText('1 clip', { timeout: 5_000 });
  await expect(other.getByTestId('recordings-storage')).toHaveText('1 clip kept in this browser');
  await expect(page.getByTestId('recorded-count-0')).toHaveText('1 clip', { timeout: 5_000 });

  // Both record at once: whichever saves second has clips of its own and asks rather than write over.
  await Promise.all([page.getByTestId('record-1').click(), other.getByTestId('record-0').click()]);
  const notices = () => Promise.all(tabs.map(async (t) => ((await t.getByTestId('notice').count()) > 0 ? await t.getByTestId('notice').innerText() : '')));
  const asks = (texts: string[]) => texts.findIndex((t) => t.includes('The recordings changed in another tab'));
  await expect.poll(async () => asks(await notices()), { timeout: 10_000 }).not.toBe(-1);
  const asking = tabs[asks(await notices())] as typeof page;
  await asking.screenshot({ path: 'test-results/screens/recordings-two-tabs.png' });
  const kept = await counts(asking);
  await asking.getByTestId('notice').getByRole('button', { name: "Keep this tab's" }).click();
  await expect(asking.getByTestId('recordings-storage')).toHaveText('2 clips kept in this browser');
  // The other tab, idle now, takes in what the asking one kept.
  const idle = asking === page ? other : page;
  await expect.poll(() => counts(idle), { timeout: 5_000 }).toEqual(kept);
  await expect(idle.getByTestId('notice')).toHaveCount(0);
});
