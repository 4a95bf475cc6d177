/**
 * FLAC, OGG and MP3 clips in the Keras script of a sound project: read with soundfile (libsndfile),
 * they give what the browser decodes for Netloom. The FLAC files are written by libsndfile itself
 * (another tool than Netloom), 16-bit at the project's rate, where the browser's decoder neither
 * resamples nor rounds: Netloom's side takes those samples as decodeAudioData returns them.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadAudioDataset } from '../data/audio/audio-dataset';
import { clipSamples } from '../data/audio/settings';
import type { Pcm } from '../data/audio/types';
import { decodeWav, encodeWav } from '../data/audio/wav';
import type { FileEntry } from '../data/images/types';
import { trainingConfigSchema } from '../settings/training';
import { SETTINGS, audio, expectNetloomSplit, runDataSection, script, speechModel, tone } from './audio-script-test-support';
import { dataProgram, findPython } from './script-data-support';
import { kerasScript } from './to-keras-python';

const { python, candidates } = findPython('numpy, soundfile');
const skipNote = python ? '' : ` (SKIPPED: no python3 with numpy and soundfile among ${candidates.join(', ')})`;
if (!python) console.warn(`keras-script-audio-soundfile.test.ts${skipNote}`);

/** 16-bit samples of `channels`, as a FLAC file stores them. */
const int16 = (channels: readonly Float32Array[]) => channels.map((c) => Array.from(c, (v) => Math.round(v * 32767)));

/** A 16-bit FLAC file of `channels` at `rate`, written by libsndfile through soundfile. */
function flacOf(channels: readonly number[][], rate: number): Uint8Array {
  const program = [
    'import io, json, sys',
    'import numpy as np, soundfile',
    'channels, rate = json.load(sys.stdin)',
    'out = io.BytesIO()',
    'soundfile.write(out, np.array(channels, dtype=np.int16).T, rate, format="FLAC", subtype="PCM_16")',
    'sys.stdout.buffer.write(out.getvalue())',
  ].join('\n');
  const run = spawnSync(python as string, ['-c', program], { input: JSON.stringify([channels, rate]), maxBuffer: 1 << 24 });
  if (run.status !== 0) throw new Error(run.stderr.toString());
  return new Uint8Array(run.stdout);
}

/** What the browser's decodeAudioData gives for a 16-bit clip at its own rate: x / 32768, channels averaged. */
function browserPcm(channels: readonly number[][], rate: number): Pcm {
  const samples = new Float32Array(channels[0]?.length ?? 0);
  for (const channel of channels) channel.forEach((v, i) => (samples[i] = (samples[i] as number) + v / 32768 / channels.length));
  return { samples, sampleRate: rate };
}

// The script's functions and constants only (not its loading), then each clip's rate and samples.
const READER = `
import ast, json, sys
tree = ast.parse(open(sys.argv[1]).read())
keep = [n for n in tree.body if isinstance(n, (ast.FunctionDef, ast.Import, ast.ImportFrom)) or (isinstance(n, ast.Assign) and getattr(n.targets[0], "id", None) in ("SAMPLE_RATE", "CLIP_SAMPLES"))]
ns = {}
exec(compile(ast.Module(body=keep, type_ignores=[]), "data", "exec"), ns)
out = []
for path in sys.argv[2:]:
    samples, rate = ns["read_sound"](path)
    out.append({"rate": rate, "samples": samples.astype("float64").tolist(), "clip": len(ns["load_clip"](path))})
json.dump(out, sys.stdout)
`;

const FIXTURES = fileURLToPath(new URL('../../e2e/fixtures/audio/', import.meta.url));

describe(`FLAC, OGG and MP3 clips in the Keras script${skipNote}`, () => {
  it('asks for soundfile beside TensorFlow for a folder of the user, not for the all-WAV speech sample', () => {
    const header = (data: ReturnType<typeof audio>) =>
      kerasScript({ name: 'Words', graph: speechModel(SETTINGS, 2), training: trainingConfigSchema.parse({}), data }, { strategy: 'none' })
        .split('\n')
        .find((l) => l.includes('pip install'));
    expect(header(audio())).toBe('#   pip install tensorflow soundfile');
    expect(header(audio({ sampleId: 'speech-commands', folderName: 'Speech commands' }))).toBe('#   pip install tensorflow');
  });

  it.skipIf(!python)("reads FLAC clips to Netloom's spectrograms (within 1e-4), in Netloom's order, and skips one it cannot decode", async () => {
    const stereo = int16([tone(4000, 8000, 440), tone(4000, 8000, 660, 1)]);
    const mono = int16([tone(3000, 8000, 250)]);
    const decoded = new Map<string, Pcm>([
      ['words/yes/b-stereo.flac', browserPcm(stereo, 8000)],
      ['words/no/a-mono.FLAC', browserPcm(mono, 8000)],
    ]);
    const clips: (readonly [string, string, Uint8Array])[] = [
      ['yes', 'a.wav', encodeWav({ samples: tone(4000, 8000, 300), sampleRate: 8000 })],
      ['yes', 'b-stereo.flac', flacOf(stereo, 8000)],
      ['yes', 'c-broken.ogg', new TextEncoder().encode('OggS, cut short')],
      ['no', 'a-mono.FLAC', flacOf(mono, 8000)],
      ['no', 'b.wav', encodeWav({ samples: tone(5000, 8000, 900), sampleRate: 8000 })],
    ];
    const { dir, arrays: got, printed, stderr } = runDataSection(python as string, audio(), clips);
    expect(stderr).toBe('');
    expect(printed).toMatch(new RegExp(`^Skipped ${join(dir, 'words', 'yes', 'c-broken.ogg').replace(/[.\\/]/g, '\\$&')} cannot be decoded \\(.+\\)\\n$`));

    // Netloom's side: WAV through decodeWav, FLAC as the browser decodes it, the broken clip refused.
    const entries: FileEntry[] = clips.map(([cls, name, bytes]) => ({ path: `words/${cls}/${name}`, size: bytes.length, read: () => Promise.resolve(bytes) }));
    const decoder = (bytes: Uint8Array, path: string) => {
      if (path.toLowerCase().endsWith('.wav')) return Promise.resolve(decodeWav(bytes, path));
      const pcm = decoded.get(path);
      return pcm ? Promise.resolve(pcm) : Promise.reject(new Error('this browser cannot decode it as OGG'));
    };
    const loaded = await loadAudioDataset(entries, { settings: SETTINGS, decoder });
    expect(loaded.dataset.count).toBe(4);
    expect(loaded.skipped.map((s) => s.path)).toEqual(['words/yes/c-broken.ogg']);
    expectNetloomSplit(got, loaded.dataset);
  });

  it.skipIf(!python)('stops before reading anything, saying what to install, where soundfile is missing', () => {
    const clips: (readonly [string, string, Uint8Array])[] = [
      ['no', 'a.wav', encodeWav({ samples: tone(4000, 8000, 300), sampleRate: 8000 })],
      ['yes', 'a.flac', flacOf(int16([tone(4000, 8000, 440)]), 8000)],
      ['yes', 'b.mp3', new TextEncoder().encode('ID3, an MP3 clip')],
    ];
    const { dir, status, stderr } = runDataSection(python as string, audio(), clips, ['soundfile']);
    expect(status).toBe(1);
    expect(stderr.trim().split('\n').at(-1)).toBe(`${join(dir, 'words', 'yes')} holds 2 FLAC, OGG or MP3 clips: pip install soundfile to read them`);
  });

  it.skipIf(!python)('reads the FLAC and OGG Vorbis clips SoX wrote for the browser journey', () => {
    const program = join(mkdtempSync(join(tmpdir(), 'netloom-audio-sox-')), 'data.py');
    writeFileSync(program, dataProgram(script(audio())));
    const files = ['chirp.flac', 'hum.ogg', 'whistle.ogg'].map((f) => join(FIXTURES, f));
    const run = spawnSync(python as string, ['-c', READER, program, ...files], { encoding: 'utf8', maxBuffer: 1 << 26 });
    expect(run.stderr).toBe('');
    const got = JSON.parse(run.stdout) as { rate: number; samples: number[]; clip: number }[];
    // 0.6 s each, as the journey's fixtures were made: 22.05 kHz FLAC and OGG, a 16 kHz OGG.
    expect(got.map((g) => [g.rate, g.samples.length])).toEqual([
      [22050, 13230],
      [22050, 13230],
      [16000, 9600],
    ]);
    for (const g of got) {
      expect(g.clip).toBe(clipSamples(SETTINGS));
      expect(Math.max(...g.samples.map(Math.abs))).toBeGreaterThan(0.1);
      expect(Math.max(...g.samples.map(Math.abs))).toBeLessThanOrEqual(1);
    }
    // 16-bit FLAC decodes to whole multiples of 1/32768, as the browser's decoder gives them.
    expect(got[0]?.samples.every((v) => Number.isInteger(v * 32768))).toBe(true);
  });
});
