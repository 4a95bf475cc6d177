/**
 * The Keras script of a sound project: its settings, that it compiles, and that its numpy part
 * (read_wav, load_clip) gives the clips Netloom's decodeWav, resampleLinear and fitLength give,
 * value for value, on a folder of WAV files in every format Netloom reads. TensorFlow is not
 * needed (nor run): the tf.signal part is the definition Netloom's spectrogram is tested against.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GraphBuilder } from '../analysis/builder';
import { DEFAULT_AUDIO_SETTINGS, audioFeatureShape, clipSamples } from '../data/audio/settings';
import { loadAudioDataset } from '../data/audio/audio-dataset';
import type { AudioSettings } from '../data/audio/types';
import { fitLength, resampleLinear } from '../data/audio/resample';
import { decodeWav, encodeWav } from '../data/audio/wav';
import type { DataConfig } from '../data/config';
import { prepareFromDataset } from '../data/prepare';
import type { FileEntry } from '../data/images/types';
import { sampleById } from '../data/samples';
import { DEFAULT_SPLIT } from '../data/validation';
import { trainingConfigSchema } from '../settings/training';
import { SPEECH_SAMPLE_ZIP } from './keras-python-audio';
import type { DataArrays } from './script-data-support';
import { dataProgram, findPython } from './script-data-support';
import { kerasScript, kerasScriptExport } from './to-keras-python';

const { python, candidates } = findPython('numpy');
const skipNote = python ? '' : ` (SKIPPED: no python3 with numpy among ${candidates.join(', ')})`;
if (!python) console.warn(`keras-script-audio.test.ts${skipNote}`);

const SETTINGS: AudioSettings = {
  ...DEFAULT_AUDIO_SETTINGS,
  sampleRate: 8000,
  clipSeconds: 0.5,
  frameLength: 256,
  frameStep: 128,
  melBands: 20,
  upperHz: 3800,
};

function speechModel(settings: AudioSettings, classes: number) {
  const frames = 1 + Math.floor((clipSamples(settings) - settings.frameLength) / settings.frameStep);
  const b = new GraphBuilder();
  b.chain(
    b.input([frames, settings.melBands, 1]),
    ['Conv2D', { filters: 8, kernel_size: [3, 3], activation: 'relu' }],
    ['Flatten', {}],
    ['Dense', { units: classes, activation: 'softmax' }],
  );
  return b.graph;
}

const audio = (extra: Partial<Extract<DataConfig, { kind: 'audio' }>> = {}): DataConfig => ({
  kind: 'audio',
  folderName: 'words',
  settings: SETTINGS,
  classes: ['no', 'yes'],
  ...extra,
});

const script = (data: DataConfig) =>
  kerasScript({ name: 'Words', graph: speechModel(SETTINGS, 2), training: trainingConfigSchema.parse({}), data }, { strategy: 'none' });

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

const tone = (n: number, rate: number, hz: number, phase = 0) =>
  Float32Array.from({ length: n }, (_, i) => 0.8 * Math.sin((2 * Math.PI * hz * i) / rate + phase));

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
  ['yes', 'browser-only.ogg', new TextEncoder().encode('OggS, decoded by the browser for Netloom')],
  ['no', 'empty.wav', new Uint8Array(0)],
  [
    'no',
    'mp3-inside.wav',
    Uint8Array.from([...'RIFF\x26\0\0\0WAVEfmt \x10\0\0\0\x55\0\x01\0\x40\x1f\0\0\0\0\0\0\x01\0\0\0data\x02\0\0\0\x01\x02'].map((c) => c.charCodeAt(0))),
  ],
];

function writeClips(dir: string, clips: readonly (readonly [string, string, Uint8Array])[]): string[] {
  return clips.map(([cls, name, bytes]) => {
    const path = join(dir, 'words', cls, name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, bytes);
    return path;
  });
}

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

/**
 * A stand-in for the few TensorFlow calls of `log_mel`, in numpy, written from TensorFlow's
 * source (tf.signal's stft, hann_window, linear_to_mel_weight_matrix): enough to run the whole
 * data section where TensorFlow is not installed, so that its loading, batching and split are
 * checked end to end. The real tf.signal is what Netloom's spectrogram is compared with elsewhere.
 */
const TF_STUB = `
import types
import numpy as np


class Tensor(np.ndarray):
    def numpy(self):
        return np.asarray(self)


def hann_window(length, periodic=True, dtype=None):
    n = length + (1 if periodic and length % 2 == 0 else 0) - 1
    return 0.5 - 0.5 * np.cos(2 * np.pi * np.arange(length) / n)


def stft(signals, frame_length, frame_step, fft_length, window_fn, pad_end):
    assert not pad_end
    count = 1 + (signals.shape[-1] - frame_length) // frame_step
    index = np.arange(count)[:, None] * frame_step + np.arange(frame_length)[None, :]
    return np.fft.rfft(signals[..., index] * window_fn(frame_length), n=fft_length)


def linear_to_mel_weight_matrix(bands, bins, rate, lower, upper):
    mel = lambda hz: 1127.0 * np.log(1.0 + np.asarray(hz, dtype=np.float64) / 700.0)
    freqs = mel(np.linspace(0.0, rate / 2.0, bins)[1:])[:, None]
    edges = np.linspace(mel(lower), mel(upper), bands + 2)
    lo, mid, hi = edges[:-2][None, :], edges[1:-1][None, :], edges[2:][None, :]
    weights = np.maximum(0.0, np.minimum((freqs - lo) / (mid - lo), (hi - freqs) / (hi - mid)))
    return np.pad(weights, [[1, 0], [0, 0]])


signal = types.SimpleNamespace(stft=stft, hann_window=hann_window, linear_to_mel_weight_matrix=linear_to_mel_weight_matrix)
math = types.SimpleNamespace(log=lambda x: np.log(x).view(Tensor))
abs = np.abs
tensordot = np.tensordot
`;

// Runs a whole data section, keeping what it prints apart from the arrays it defines.
const WHOLE_RUNNER = `
import contextlib, io, json, runpy, sys
printed = io.StringIO()
with contextlib.redirect_stdout(printed):
    ns = runpy.run_path(sys.argv[1])
arrays = {k: {"shape": list(ns[k].shape), "values": ns[k].astype("float64").ravel().tolist()} for k in ("x_train", "y_train", "x_val", "y_val")}
json.dump({"arrays": arrays, "printed": printed.getvalue()}, sys.stdout)
`;

describe(`the whole data section, with numpy standing in for tf.signal${skipNote}`, () => {
  it.skipIf(!python)("gives Netloom's clips in Netloom's order, spectrograms within 1e-4, labels and split", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'netloom-audio-all-'));
    mkdirSync(join(dir, 'stub', 'tensorflow'), { recursive: true });
    writeFileSync(join(dir, 'stub', 'tensorflow', '__init__.py'), TF_STUB);
    const all = [...CLIPS, ...LEFT_OUT];
    writeClips(dir, all);
    const program = join(dir, 'data.py');
    const stub = `import sys\nsys.path.insert(0, ${JSON.stringify(join(dir, 'stub'))})\nimport tensorflow as tf\n`;
    // No class list: the script finds the classes as Netloom does.
    writeFileSync(program, stub + dataProgram(script(audio({ classes: undefined }))));
    const run = spawnSync(python as string, ['-c', WHOLE_RUNNER, program], { encoding: 'utf8', maxBuffer: 1 << 28 });
    expect(run.stderr).toBe('');
    const { arrays: got, printed } = JSON.parse(run.stdout) as { arrays: DataArrays; printed: string };
    expect(printed).toBe(
      `Skipped ${join(dir, 'words', 'no', 'mp3-inside.wav')} uses WAV format 85, 0 bits a sample, which this script cannot read: save it as PCM WAV\n` +
        `Left out 1 clip in ${join(dir, 'words', 'yes')} that are not WAV (this script reads WAV only): convert them, e.g. sox clip.ogg clip.wav\n`,
    );

    // Netloom's side: the folder as the CLI and the worker load it, decoded with decodeWav.
    const entries: FileEntry[] = all.map(([cls, name, bytes]) => ({ path: `words/${cls}/${name}`, size: bytes.length, read: () => Promise.resolve(bytes) }));
    const loaded = await loadAudioDataset(entries, { settings: SETTINGS, decoder: (bytes, path) => Promise.resolve(decodeWav(bytes, path)) });
    expect(loaded.dataset.count).toBe(CLIPS.length);
    expect(loaded.dataset.classNames).toEqual(['no', 'yes']);
    const { train, validation } = prepareFromDataset(loaded.dataset, DEFAULT_SPLIT);
    const shape = audioFeatureShape(SETTINGS);

    expect(got?.x_train.shape).toEqual([train.count, ...shape]);
    expect(got?.x_val.shape).toEqual([validation.count, ...shape]);
    expect(got?.y_train.values).toEqual(Array.from(train.y));
    expect(got?.y_val.values).toEqual(Array.from(validation.y));
    const worst = (a: readonly number[], b: ArrayLike<number>) => a.reduce((w, v, i) => Math.max(w, Math.abs(v - (b[i] as number))), 0);
    expect(got?.x_train.values.length).toBe(train.x.length);
    expect(worst(got?.x_train.values ?? [], train.x)).toBeLessThan(1e-4);
    expect(worst(got?.x_val.values ?? [], validation.x)).toBeLessThan(1e-4);
  });
});

describe('the speech sample in a Keras script', () => {
  it('is the zip the samples list ships', () => {
    const sample = sampleById('speech-commands');
    expect(sample?.kind === 'audio-zip' && sample.path).toBe(SPEECH_SAMPLE_ZIP.path);
  });
});
