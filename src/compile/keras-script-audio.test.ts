/**
 * The Keras script of a sound project: its settings, that it compiles, and that its numpy part
 * (read_wav, load_clip) gives the clips Netloom's decodeWav, resampleLinear and fitLength give,
 * value for value, on a folder of WAV files in every format Netloom reads. TensorFlow is not
 * needed (nor run): the tf.signal part is the definition Netloom's spectrogram is tested against.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { clipSamples } from '../data/audio/settings';
import { loadAudioDataset } from '../data/audio/audio-dataset';
import { fitLength, resampleLinear } from '../data/audio/resample';
import { decodeWav, encodeWav } from '../data/audio/wav';
import type { FileEntry } from '../data/images/types';
import { sampleById } from '../data/samples';
import { trainingConfigSchema } from '../settings/training';
import { SETTINGS, audio, expectNetloomSplit, runDataSection, script, speechModel, tone, writeClips } from './audio-script-test-support';
import { SPEECH_SAMPLE_ZIP } from './keras-python-audio';
import { dataProgram, findPython } from './script-data-support';
import { kerasScriptExport } from './to-keras-python';

const { python, candidates } = findPython('numpy');
const skipNote = python ? '' : ` (SKIPPED: no python3 with numpy among ${candidates.join(', ')})`;
if (!python) console.warn(`keras-script-audio.test.ts${skipNote}`);

describe('the Keras script of a sound project', () => {
  it('carries the spectrogram settings and the class order', () => {
    const text = script(audio());
    for (const line of [
      'DATA_DIR = os.path.join(HERE, "words")',
      'CLASSES = ["no", "yes"]',
      'SAMPLE_RATE = 8000',
      'CLIP_SAMPLES = 4000  # 0.5 s',
      'FRAME_LENGTH = 256',
      'FRAME_STEP = 128',
      'FFT_LENGTH = 256',
      'MEL_BANDS = 20',
      'LOWER_HZ = 20.0',
      'UPPER_HZ = 3800.0',
      'LOG_OFFSET = 1e-06',
      'import tensorflow as tf',
      '        window_fn=tf.signal.hann_window,',
      '        pad_end=False,',
      '    weights = tf.signal.linear_to_mel_weight_matrix(MEL_BANDS, FFT_LENGTH // 2 + 1, SAMPLE_RATE, LOWER_HZ, UPPER_HZ)',
      '    return tf.math.log(mel + LOG_OFFSET).numpy()[..., np.newaxis]',
    ]) {
      expect(text.split('\n')).toContain(line);
    }
    expect(text).toContain('netloom_split(x, y, 0.2, 42, stratified=True)');
    expect(text).not.toContain('random_data');
    expect(text).not.toContain('zipfile');
  });

  it('reads the subfolders in sorted order when the project names no classes', () => {
    expect(script(audio({ classes: undefined }))).toContain(
      'CLASSES = sorted(\n    (name for name in os.listdir(DATA_DIR) if os.path.isdir(os.path.join(DATA_DIR, name)) and not is_junk(name)),\n    key=natural_key,\n)',
    );
  });

  it('ships the speech sample as a zip beside the script and unzips it on first run', () => {
    const project = {
      name: 'Speech',
      graph: speechModel(SETTINGS, 2),
      training: trainingConfigSchema.parse({}),
      data: audio({ sampleId: 'speech-commands', folderName: 'Speech commands' }),
    };
    const { script: text, files } = kerasScriptExport(project, { strategy: 'none' });
    expect(files).toEqual([{ kind: 'sample', name: SPEECH_SAMPLE_ZIP.name, path: SPEECH_SAMPLE_ZIP.path }]);
    expect(text).toContain('DATA_DIR = os.path.join(HERE, "speech-commands")');
    expect(text).toContain('import zipfile');
    expect(text).toContain('archive.extractall(HERE)');
  });

  it.skipIf(!python)('compiles (py_compile)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'netloom-audio-compile-'));
    for (const [name, data] of [
      ['folder.py', audio()],
      ['sample.py', audio({ sampleId: 'speech-commands', classes: undefined })],
    ] as const) {
      writeFileSync(join(dir, name), script(data));
      const run = spawnSync(python as string, ['-m', 'py_compile', join(dir, name)], {
        encoding: 'utf8',
        env: { ...process.env, PYTHONPYCACHEPREFIX: join(dir, 'cache') },
      });
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
    }
  });
});

/** WAV bytes in formats encodeWav does not write: `bits` per sample, `channels` interleaved. */
function wavOf(channels: readonly Float32Array[], rate: number, format: 'int24' | 'int32' | 'float32' | 'float64', extensible: boolean): Uint8Array {
  const [bits, code] = { int24: [24, 1], int32: [32, 1], float32: [32, 3], float64: [64, 3] }[format] as [number, number];
  const width = bits / 8;
  const frames = channels[0]?.length ?? 0;
  const fmtSize = extensible ? 40 : 16;
  const dataSize = frames * width * channels.length;
  const bytes = new Uint8Array(12 + 8 + fmtSize + 8 + dataSize);
  const view = new DataView(bytes.buffer);
  const text = (at: number, s: string) => [...s].forEach((c, i) => view.setUint8(at + i, c.charCodeAt(0)));
  text(0, 'RIFF');
  view.setUint32(4, bytes.length - 8, true);
  text(8, 'WAVE');
  text(12, 'fmt ');
  view.setUint32(16, fmtSize, true);
  view.setUint16(20, extensible ? 0xfffe : code, true);
  view.setUint16(22, channels.length, true);
  view.setUint32(24, rate, true);
  view.setUint32(28, rate * width * channels.length, true);
  view.setUint16(32, width * channels.length, true);
  view.setUint16(34, bits, true);
  if (extensible) {
    view.setUint16(36, 22, true);
    view.setUint16(38, bits, true);
    view.setUint16(44, code, true);
  }
  const data = 20 + fmtSize;
  text(data, 'data');
  // Streaming recorders write 0xFFFFFFFF for a size they never knew: both readers cut it.
  view.setUint32(data + 4, format === 'int32' ? 0xffffffff : dataSize, true);
  for (let i = 0; i < frames; i++) {
    channels.forEach((ch, c) => {
      const at = data + 8 + (i * channels.length + c) * width;
      const v = ch[i] as number;
      if (format === 'float32') view.setFloat32(at, v, true);
      else if (format === 'float64') view.setFloat64(at, v, true);
      else if (format === 'int32') view.setInt32(at, Math.round(v * 2147483647), true);
      else {
        const n = Math.round(v * 8388607) & 0xffffff;
        view.setUint8(at, n & 0xff);
        view.setUint8(at + 1, (n >> 8) & 0xff);
        view.setUint8(at + 2, (n >> 16) & 0xff);
      }
    });
  }
  return bytes;
}

// Python's own order (sorted by code point), as the script lists each class's files.
// Names that sort differently by code point and naturally (clip2 before clip10), and a subfolder.
const CLIPS: readonly (readonly [string, string, Uint8Array])[] = [
  ['yes', 'clip10-16bit-16k.wav', encodeWav({ samples: tone(9000, 16000, 440), sampleRate: 16000 })],
  ['yes', 'clip2-8bit-8k.wav', encodeWav({ samples: tone(3000, 8000, 300), sampleRate: 8000 }, 8)],
  ['yes', 'Clip3-24bit-44k-stereo.wav', wavOf([tone(30000, 44100, 500), tone(30000, 44100, 700, 1)], 44100, 'int24', false)],
  ['no', 'a-float32-22k.wav', wavOf([tone(5000, 22050, 1000)], 22050, 'float32', false)],
  ['no', 'more/b-float64-ext-3ch.WAV', wavOf([tone(2000, 11025, 200), tone(2000, 11025, 250), tone(2000, 11025, 300)], 11025, 'float64', true)],
  ['no', 'c-int32-48k-ext.wave', wavOf([tone(12345, 48000, 800)], 48000, 'int32', true)],
];

/** Files both sides leave out: hidden, not sound, empty, and a WAV holding MP3. */
const LEFT_OUT: readonly (readonly [string, string, Uint8Array])[] = [
  ['yes', '.hidden.wav', encodeWav({ samples: tone(100, 8000, 100), sampleRate: 8000 })],
  ['yes', 'notes.txt', new TextEncoder().encode('not a clip')],
  ['yes', 'browser-only.m4a', new TextEncoder().encode('ftypM4A , decoded by the browser for Netloom')],
  ['no', 'empty.wav', new Uint8Array(0)],
  [
    'no',
    'mp3-inside.wav',
    Uint8Array.from([...'RIFF\x26\0\0\0WAVEfmt \x10\0\0\0\x55\0\x01\0\x40\x1f\0\0\0\0\0\0\x01\0\0\0data\x02\0\0\0\x01\x02'].map((c) => c.charCodeAt(0))),
  ],
];

// Defines the script's constants and functions (not its top-level loading), then prints each clip.
const RUNNER = `
import ast, json, sys
import numpy as np
tree = ast.parse(open(sys.argv[1]).read())
keep = [n for n in tree.body if isinstance(n, (ast.FunctionDef, ast.Import, ast.ImportFrom)) or (isinstance(n, ast.Assign) and getattr(n.targets[0], "id", None) in ("SAMPLE_RATE", "CLIP_SAMPLES"))]
ns = {}
exec(compile(ast.Module(body=keep, type_ignores=[]), "data", "exec"), ns)
out = {}
for path in sys.argv[2:]:
    samples, rate = ns["read_wav"](path)
    out[path] = {"rate": rate, "decoded": samples.astype("float64").tolist(), "clip": ns["load_clip"](path).astype("float64").tolist()}
json.dump(out, sys.stdout)
`;

describe(`the script's numpy part reads clips as Netloom does${skipNote}`, () => {
  it.skipIf(!python)('decodes every WAV form and resamples and fits it to the same float32 values', () => {
    const dir = mkdtempSync(join(tmpdir(), 'netloom-audio-'));
    const paths = writeClips(dir, CLIPS);
    const program = join(dir, 'data.py');
    writeFileSync(program, dataProgram(script(audio())));
    const run = spawnSync(python as string, ['-c', RUNNER, program, ...paths], { encoding: 'utf8', maxBuffer: 1 << 28 });
    expect(run.stderr).toBe('');
    const got = JSON.parse(run.stdout) as Record<string, { rate: number; decoded: number[]; clip: number[] }>;
    CLIPS.forEach(([, name, bytes], i) => {
      const path = paths[i] as string;
      const pcm = decodeWav(bytes, name);
      const clip = fitLength(resampleLinear(pcm.samples, pcm.sampleRate, SETTINGS.sampleRate), clipSamples(SETTINGS));
      expect(got[path]?.rate, name).toBe(pcm.sampleRate);
      expect(got[path]?.decoded, name).toEqual(Array.from(pcm.samples));
      expect(got[path]?.clip, name).toEqual(Array.from(clip));
    });
  });
});

describe(`the whole data section, with numpy standing in for tf.signal${skipNote}`, () => {
  it.skipIf(!python)("gives Netloom's clips in Netloom's order, spectrograms within 1e-4, labels and split", async () => {
    const all = [...CLIPS, ...LEFT_OUT];
    // No class list: the script finds the classes as Netloom does.
    const { dir, arrays: got, printed, stderr } = runDataSection(python as string, audio({ classes: undefined }), all);
    expect(stderr).toBe('');
    expect(printed).toBe(
      `Skipped ${join(dir, 'words', 'no', 'mp3-inside.wav')} uses WAV format 85, 0 bits a sample, which this script cannot read: save it as PCM WAV\n` +
        `Left out 1 clip in ${join(dir, 'words', 'yes')} that this script cannot read (WebM, M4A or AAC): convert them, e.g. ffmpeg -i clip.m4a clip.wav\n`,
    );

    // Netloom's side: the folder as the CLI and the worker load it, decoded with decodeWav.
    const entries: FileEntry[] = all.map(([cls, name, bytes]) => ({ path: `words/${cls}/${name}`, size: bytes.length, read: () => Promise.resolve(bytes) }));
    const loaded = await loadAudioDataset(entries, { settings: SETTINGS, decoder: (bytes, path) => Promise.resolve(decodeWav(bytes, path)) });
    expect(loaded.dataset.count).toBe(CLIPS.length);
    expect(loaded.dataset.classNames).toEqual(['no', 'yes']);
    expectNetloomSplit(got, loaded.dataset);
  });
});

describe('the speech sample in a Keras script', () => {
  it('is the zip the samples list ships', () => {
    const sample = sampleById('speech-commands');
    expect(sample?.kind === 'audio-zip' && sample.path).toBe(SPEECH_SAMPLE_ZIP.path);
  });
});
