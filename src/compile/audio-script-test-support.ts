/** What the Keras-script sound tests share: a small speech project, clips on disk and a stand-in for tf.signal. */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { GraphBuilder } from '../analysis/builder';
import { expect } from 'vitest';
import { DEFAULT_AUDIO_SETTINGS, audioFeatureShape, clipSamples } from '../data/audio/settings';
import type { AudioSettings } from '../data/audio/types';
import type { DataConfig } from '../data/config';
import { prepareFromDataset } from '../data/prepare';
import type { Dataset } from '../data/types';
import { DEFAULT_SPLIT } from '../data/validation';
import { trainingConfigSchema } from '../settings/training';
import type { DataArrays } from './script-data-support';
import { dataProgram } from './script-data-support';
import { kerasScript } from './to-keras-python';

export const SETTINGS: AudioSettings = {
  ...DEFAULT_AUDIO_SETTINGS,
  sampleRate: 8000,
  clipSeconds: 0.5,
  frameLength: 256,
  frameStep: 128,
  melBands: 20,
  upperHz: 3800,
};

export function speechModel(settings: AudioSettings, classes: number) {
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

export const audio = (extra: Partial<Extract<DataConfig, { kind: 'audio' }>> = {}): DataConfig => ({
  kind: 'audio',
  folderName: 'words',
  settings: SETTINGS,
  classes: ['no', 'yes'],
  ...extra,
});

export const script = (data: DataConfig) =>
  kerasScript({ name: 'Words', graph: speechModel(SETTINGS, 2), training: trainingConfigSchema.parse({}), data }, { strategy: 'none' });

export const tone = (n: number, rate: number, hz: number, phase = 0) =>
  Float32Array.from({ length: n }, (_, i) => 0.8 * Math.sin((2 * Math.PI * hz * i) / rate + phase));

export function writeClips(dir: string, clips: readonly (readonly [string, string, Uint8Array])[]): string[] {
  return clips.map(([cls, name, bytes]) => {
    const path = join(dir, 'words', cls, name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, bytes);
    return path;
  });
}

/**
 * A stand-in for the few TensorFlow calls of `log_mel`, in numpy, written from TensorFlow's
 * source (tf.signal's stft, hann_window, linear_to_mel_weight_matrix): enough to run the whole
 * data section where TensorFlow is not installed, so that its loading, batching and split are
 * checked end to end. The real tf.signal is what Netloom's spectrogram is compared with elsewhere.
 */
export const TF_STUB = `
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
export const WHOLE_RUNNER = `
import contextlib, io, json, runpy, sys
printed = io.StringIO()
with contextlib.redirect_stdout(printed):
    ns = runpy.run_path(sys.argv[1])
arrays = {k: {"shape": list(ns[k].shape), "values": ns[k].astype("float64").ravel().tolist()} for k in ("x_train", "y_train", "x_val", "y_val")}
json.dump({"arrays": arrays, "printed": printed.getvalue()}, sys.stdout)
`;
/** What a data section run with {@link runDataSection} left: its arrays, what it printed, its exit. */
export interface DataSectionRun {
  readonly arrays: DataArrays | null;
  readonly printed: string;
  readonly stderr: string;
  readonly status: number | null;
}

/**
 * Writes `clips` under a new folder's `words/<class>/`, then runs the data section of `data`'s
 * script there with `python`, TensorFlow stood in for by {@link TF_STUB}. `hide` names modules
 * the run must not find (to see what the script says without them).
 */
export function runDataSection(
  python: string,
  data: DataConfig,
  clips: readonly (readonly [string, string, Uint8Array])[],
  hide: readonly string[] = [],
): DataSectionRun & { readonly dir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'netloom-audio-all-'));
  mkdirSync(join(dir, 'stub', 'tensorflow'), { recursive: true });
  writeFileSync(join(dir, 'stub', 'tensorflow', '__init__.py'), TF_STUB);
  writeClips(dir, clips);
  const program = join(dir, 'data.py');
  const hidden = hide.map((m) => `sys.modules[${JSON.stringify(m)}] = None\n`).join('');
  const stub = `import sys\nsys.path.insert(0, ${JSON.stringify(join(dir, 'stub'))})\n${hidden}import tensorflow as tf\n`;
  writeFileSync(program, stub + dataProgram(script(data)));
  const run = spawnSync(python, ['-c', WHOLE_RUNNER, program], { encoding: 'utf8', maxBuffer: 1 << 28 });
  const out = run.status === 0 ? (JSON.parse(run.stdout) as { arrays: DataArrays; printed: string }) : { arrays: null, printed: run.stdout };
  return { dir, ...out, stderr: run.stderr, status: run.status };
}

/** Expects a script's arrays to be Netloom's split of `dataset`: the shapes, the labels, and the spectrograms within 1e-4. */
export function expectNetloomSplit(got: DataArrays | null, dataset: Dataset): void {
  const { train, validation } = prepareFromDataset(dataset, DEFAULT_SPLIT);
  const shape = audioFeatureShape(SETTINGS);
  expect(got?.x_train.shape).toEqual([train.count, ...shape]);
  expect(got?.x_val.shape).toEqual([validation.count, ...shape]);
  expect(got?.y_train.values).toEqual(Array.from(train.y));
  expect(got?.y_val.values).toEqual(Array.from(validation.y));
  const worst = (a: readonly number[], b: ArrayLike<number>) => a.reduce((w, v, i) => Math.max(w, Math.abs(v - (b[i] as number))), 0);
  expect(got?.x_train.values.length).toBe(train.x.length);
  expect(worst(got?.x_train.values ?? [], train.x)).toBeLessThan(1e-4);
  expect(worst(got?.x_val.values ?? [], validation.x)).toBeLessThan(1e-4);
}
