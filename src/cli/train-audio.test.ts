import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GraphBuilder } from '../analysis/builder';
import { DEFAULT_AUDIO_SETTINGS } from '../data/audio/settings';
import { encodeWav } from '../data/audio/wav';
import { emptyProject, serializeProject } from '../project/project-file';
import { cli } from './train-test-support';

let dir: string;
const path = (name: string) => join(dir, name);

/** A project taking spectrograms of `shape` into two classes, with the audio settings when given. */
function project(shape: number[], settings?: typeof DEFAULT_AUDIO_SETTINGS) {
  const b = new GraphBuilder();
  b.chain(b.input(shape), ['Flatten'], ['Dense', { units: 2, activation: 'softmax' }]);
  const data = settings ? { kind: 'audio' as const, folderName: 'tones', settings, classes: ['high', 'low'] } : { kind: 'none' as const };
  return serializeProject({ ...emptyProject('tones'), graph: b.graph, data });
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'netloom-audio-'));
  // Ten clips a class: a low and a high tone at 22.05 kHz, each a little off pitch.
  for (const [name, hz] of [
    ['low', 300],
    ['high', 3000],
  ] as const) {
    await mkdir(path(`tones/${name}`), { recursive: true });
    for (let k = 0; k < 10; k++) {
      const samples = Float32Array.from({ length: 22050 }, (_, i) => 0.4 * Math.sin((2 * Math.PI * hz * (1 + k / 50) * i) / 22050));
      await writeFile(path(`tones/${name}/${k}.wav`), encodeWav({ samples, sampleRate: 22050 }));
    }
  }
  await writeFile(path('tones/low/readme.txt'), 'not a clip');
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('cli train on a folder of sound clips', () => {
  it('makes log-mel spectrograms with the default settings, trains, and the export carries the settings', async () => {
    const r = await cli(['train', 'p.json', '--data', path('tones'), '--epochs', '3', '--out', path('out')], { 'p.json': project([49, 40, 1]) });
    expect(r.err).toContain('20 sound clips in 2 classes as 49x40x1 log-mel spectrograms (16 kHz, 1 s), 1 files skipped');
    expect(r.err).toContain('note: skipped tones/low/readme.txt: not a sound file (.txt)');
    expect(r.code).toBe(0);
    expect(r.out).toHaveLength(3);
    const model = JSON.parse(await readFile(path('out/model.json'), 'utf8')) as { userDefinedMetadata: { netloom: Record<string, unknown> } };
    expect(model.userDefinedMetadata.netloom.audio).toEqual(DEFAULT_AUDIO_SETTINGS);
    expect(model.userDefinedMetadata.netloom.classNames).toEqual(['high', 'low']);
  });

  it("uses the project's audio settings, and --fit sizes the model for them", async () => {
    const settings = { ...DEFAULT_AUDIO_SETTINGS, sampleRate: 8000, frameLength: 256, frameStep: 128, melBands: 20, upperHz: 3800 };
    const r = await cli(['train', 'p.json', '--data', path('tones'), '--epochs', '1', '--fit'], { 'p.json': project([49, 40, 1], settings) });
    expect(r.err).toContain('20 sound clips in 2 classes as 61x20x1 log-mel spectrograms (8 kHz, 1 s)');
    expect(r.code).toBe(0);
  });

  it('reads FLAC, Ogg Vorbis and MP3 clips as well as WAV, and names a clip it cannot read', async () => {
    const fixture = (name: string) => readFile(fileURLToPath(new URL(`../../e2e/fixtures/audio/${name}`, import.meta.url)));
    const clips: [string, Uint8Array | string][] = [
      ['high/1.flac', await fixture('chirp.flac')],
      ['high/2.ogg', await fixture('whistle.ogg')],
      ['high/3.mp3', await fixture('tone.mp3')],
      ['low/1.ogg', await fixture('hum.ogg')],
      ['low/2.wav', encodeWav({ samples: Float32Array.from({ length: 8000 }, (_, i) => 0.3 * Math.sin(i / 5)), sampleRate: 16000 })],
      ['low/3.m4a', 'ftypM4A an AAC clip'],
    ];
    for (const [name, bytes] of clips) {
      await mkdir(path(`beeps/${name.split('/')[0]}`), { recursive: true });
      await writeFile(path(`beeps/${name}`), bytes);
    }
    const r = await cli(['train', 'p.json', '--data', path('beeps'), '--epochs', '1'], { 'p.json': project([49, 40, 1]) });
    expect(r.err).toContain('5 sound clips in 2 classes as 49x40x1 log-mel spectrograms (16 kHz, 1 s), 1 files skipped');
    expect(r.err).toContain('note: skipped beeps/low/3.m4a: is not WAV, FLAC, Ogg Vorbis or MP3, which the command line reads: convert it to WAV');
    expect(r.code).toBe(0);
  });
});
