/**
 * Netloom's log-mel spectrogram against two independent implementations of the same definition:
 * tfjs's `tf.signal.stft` (cpu backend) for the STFT magnitude, and a numpy reference
 * (scripts/audio-reference.py: naive DFT, its own mel matrix) for the mel matrix and the log-mel
 * values, each within 1e-4.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import reference from './fixtures/log-mel-reference.json';
import { createRealFft } from './fft';
import { DEFAULT_AUDIO_SETTINGS, LOG_OFFSET, audioFeatureShape, clipSamples, fftLengthOf, frameCount } from './settings';
import {
  clipFeatures,
  createSpectrogram,
  hannWindow,
  stftMagnitude,
  logMelSpectrogram,
  melWeightMatrix,
  waveformEnvelope,
  WAVEFORM_POINTS,
} from './spectrogram';
import type { AudioSettings } from './types';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

interface Case {
  readonly name: string;
  readonly settings: AudioSettings;
  readonly samplesInt16Base64: string;
  readonly frames: number;
  readonly keptFrames: readonly number[];
  readonly logMel: readonly (readonly number[])[];
  readonly melMatrix: readonly (readonly number[])[] | null;
}

const CASES = (reference as { cases: Case[] }).cases;

function samplesOf(c: Case): Float32Array {
  const bytes = Buffer.from(c.samplesInt16Base64, 'base64');
  const ints = new Int16Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 2);
  return Float32Array.from(ints, (v) => v / 32768);
}

/** The largest absolute difference, element by element (the lengths must agree). */
function maxDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  expect(a.length).toBe(b.length);
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs((a[i] as number) - (b[i] as number)));
  return worst;
}

/** A chirp, a tone and deterministic noise. */
function testSignal(n: number, rate: number): Float32Array {
  let state = 12345;
  return Float32Array.from({ length: n }, (_, i) => {
    state = (state * 1103515245 + 12345) % 2147483648;
    const t = i / rate;
    return 0.5 * Math.sin(2 * Math.PI * (80 * t + 2000 * t * t)) + 0.2 * Math.sin(2 * Math.PI * 1000 * t) + 0.05 * (state / 2147483648 - 0.5);
  });
}

describe('the real FFT', () => {
  it('matches a naive DFT', () => {
    const n = 64;
    const x = Float64Array.from({ length: n }, (_, i) => Math.sin(i * 0.7) + (i % 5) * 0.1);
    const re = new Float64Array(n / 2 + 1);
    const im = new Float64Array(n / 2 + 1);
    createRealFft(n)(x, re, im);
    for (let k = 0; k <= n / 2; k++) {
      let r = 0;
      let i = 0;
      x.forEach((v, t) => {
        r += v * Math.cos((2 * Math.PI * k * t) / n);
        i -= v * Math.sin((2 * Math.PI * k * t) / n);
      });
      expect(re[k]).toBeCloseTo(r, 10);
      expect(im[k]).toBeCloseTo(i, 10);
    }
  });
});

describe('against the numpy reference (scripts/audio-reference.py)', () => {
  it.each(CASES.map((c) => [c.name, c] as const))('%s: the log-mel values within 1e-4', (_name, c) => {
    const clip = samplesOf(c);
    expect(clip.length).toBe(clipSamples(c.settings));
    const ours = logMelSpectrogram(clip, c.settings);
    const bands = c.settings.melBands;
    expect(c.frames).toBe(frameCount(c.settings));
    expect(ours.length).toBe(c.frames * bands);
    const kept = c.keptFrames.flatMap((f) => Array.from(ours.subarray(f * bands, (f + 1) * bands)));
    expect(maxDiff(kept, c.logMel.flat())).toBeLessThan(1e-4);
  });

  it.each(CASES.filter((c) => c.melMatrix !== null).map((c) => [c.name, c] as const))('%s: the mel matrix within 1e-4', (_name, c) => {
    const s = c.settings;
    const bins = fftLengthOf(s.frameLength) / 2 + 1;
    const ours = melWeightMatrix(s.melBands, bins, s.sampleRate, s.lowerHz, s.upperHz);
    expect(maxDiff(ours, (c.melMatrix ?? []).flat())).toBeLessThan(1e-4);
  });
});

describe("against tfjs's tf.signal.stft", () => {
  it('uses the same periodic Hann window as tf.signal.hannWindow, for even and odd lengths', () => {
    for (const length of [480, 75, 16]) {
      const theirs = tf.tidy(() => tf.signal.hannWindow(length).dataSync());
      expect(maxDiff(hannWindow(length), theirs)).toBeLessThan(1e-6);
    }
  });

  it.each([
    ['the defaults', DEFAULT_AUDIO_SETTINGS],
    ['an odd frame length', { ...DEFAULT_AUDIO_SETTINGS, sampleRate: 8000, frameLength: 75, frameStep: 40, melBands: 10, upperHz: 4000 }],
  ] as const)('%s: the same magnitudes and log-mel values within 1e-4', (_name, settings) => {
    const clip = testSignal(clipSamples(settings), settings.sampleRate);
    const fftLength = fftLengthOf(settings.frameLength);
    const bins = fftLength / 2 + 1;
    // tfjs's stft with its own default window (tf.signal.hannWindow, TensorFlow's periodic one).
    const [magnitude, logMel] = tf.tidy(() => {
      const stft = tf.signal.stft(tf.tensor1d(clip), settings.frameLength, settings.frameStep, fftLength);
      const mag = tf.abs(stft) as tf.Tensor2D;
      const mel = tf.matMul(
        mag,
        tf.tensor2d(melWeightMatrix(settings.melBands, bins, settings.sampleRate, settings.lowerHz, settings.upperHz), [bins, settings.melBands]),
      );
      return [mag.dataSync(), tf.log(tf.add(mel, LOG_OFFSET)).dataSync()];
    });
    const ours = stftMagnitude(clip, settings.frameLength, settings.frameStep);
    expect(maxDiff(ours, magnitude)).toBeLessThan(1e-4);
    expect(maxDiff(logMelSpectrogram(clip, settings), logMel)).toBeLessThan(1e-4);
  });
});

describe('clip features', () => {
  it('are [frames, melBands] at the defaults, whatever the clip rate and length', () => {
    const [frames, bands] = audioFeatureShape(DEFAULT_AUDIO_SETTINGS);
    expect([frames, bands]).toEqual([49, 40]);
    for (const [rate, n] of [
      [16000, 16000],
      [44100, 30000],
      [8000, 12000],
    ] as const) {
      const features = clipFeatures({ samples: testSignal(n, rate), sampleRate: rate }, DEFAULT_AUDIO_SETTINGS);
      expect(features.length).toBe(frames * bands);
      expect(features.every(Number.isFinite)).toBe(true);
    }
  });

  it('give log(LOG_OFFSET) for silence', () => {
    const features = clipFeatures({ samples: new Float32Array(100), sampleRate: 16000 }, DEFAULT_AUDIO_SETTINGS);
    expect(Math.max(...features)).toBeCloseTo(Math.log(LOG_OFFSET), 5);
  });

  it('reuse buffers without mixing clips', () => {
    const spectrogram = createSpectrogram(DEFAULT_AUDIO_SETTINGS);
    const a = testSignal(16000, 16000);
    const first = spectrogram(a);
    spectrogram(new Float32Array(16000).fill(0.3));
    expect(spectrogram(a)).toEqual(first);
  });

  it('are fast enough for thousands of clips (ms per 1 s clip at the defaults, printed)', () => {
    const spectrogram = createSpectrogram(DEFAULT_AUDIO_SETTINGS);
    const clip = testSignal(16000, 16000);
    for (let i = 0; i < 20; i++) spectrogram(clip);
    const runs = 200;
    const start = performance.now();
    for (let i = 0; i < runs; i++) spectrogram(clip);
    const ms = (performance.now() - start) / runs;
    console.info(`log-mel spectrogram: ${ms.toFixed(3)} ms per 1 s clip at the defaults`);
    // Generous: shared CI machines are slow; a naive DFT would take ~100x this.
    expect(ms).toBeLessThan(20);
  });
});

describe('the waveform envelope', () => {
  it('gives min and max per stretch', () => {
    const samples = Float32Array.from({ length: 1000 }, (_, i) => Math.sin(i / 10));
    const env = waveformEnvelope(samples, WAVEFORM_POINTS);
    expect(env.length).toBe(2 * WAVEFORM_POINTS);
    expect(env[0]).toBe(0);
    expect(env[1]).toBeCloseTo(Math.sin(0.4), 6);
    for (let p = 0; p < WAVEFORM_POINTS; p++) expect(env[2 * p]).toBeLessThanOrEqual(env[2 * p + 1] as number);
  });

  it('copes with clips shorter than the points, and empty ones', () => {
    expect(Array.from(waveformEnvelope(Float32Array.of(0.5, -0.5), 4))).toEqual([0.5, 0.5, 0.5, 0.5, -0.5, -0.5, -0.5, -0.5]);
    expect(Array.from(waveformEnvelope(new Float32Array(0), 2))).toEqual([0, 0, 0, 0]);
  });
});
