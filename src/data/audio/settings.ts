import { z } from '../../lib/zod';
import type { AudioSettings } from './types';

/** Added to the mel magnitudes before the log, so silence gives log(1e-6), not -Infinity. */
export const LOG_OFFSET = 1e-6;

/** The settings of a new audio dataset: 1 s at 16 kHz, 30 ms frames every 20 ms, 40 mel bands, 49 x 40 per clip. */
export const DEFAULT_AUDIO_SETTINGS: AudioSettings = {
  sampleRate: 16000,
  clipSeconds: 1,
  frameLength: 480,
  frameStep: 320,
  melBands: 40,
  lowerHz: 20,
  upperHz: 7600,
};

/** The audio settings as saved in a project file and in `model.json` metadata. */
export const audioSettingsSchema = z.strictObject({
  sampleRate: z.number().int().min(1000).max(96000),
  clipSeconds: z.number().gt(0).max(30),
  frameLength: z.number().int().min(16).max(8192),
  frameStep: z.number().int().min(1).max(8192),
  melBands: z.number().int().min(1).max(256),
  lowerHz: z.number().min(0),
  upperHz: z.number().gt(0),
});

/** Samples per clip at the settings' rate. */
export const clipSamples = (s: AudioSettings): number => Math.round(s.sampleRate * s.clipSeconds);

/** The STFT's FFT length: the smallest power of two at least `frameLength` (tf.signal.stft's default). */
export function fftLengthOf(frameLength: number): number {
  let n = 1;
  while (n < frameLength) n *= 2;
  return n;
}

/** Frames per clip: 1 + floor((samples - frameLength) / frameStep), as tf.signal.frame without padding. */
export const frameCount = (s: AudioSettings): number => 1 + Math.floor((clipSamples(s) - s.frameLength) / s.frameStep);

/** One sample's shape: `[frames, melBands, 1]`. */
export const audioFeatureShape = (s: AudioSettings): [number, number, number] => [frameCount(s), s.melBands, 1];

/**
 * What is wrong with the settings as a whole, worded for the Data view and the CLI; null when
 * they make a spectrogram. The schema checks each field; this checks how they fit together.
 */
export function audioSettingsProblem(s: AudioSettings): string | null {
  if (s.upperHz > s.sampleRate / 2) return `the highest mel frequency (${s.upperHz} Hz) is above half the sample rate (${s.sampleRate / 2} Hz)`;
  if (s.lowerHz >= s.upperHz) return `the lowest mel frequency (${s.lowerHz} Hz) must be below the highest (${s.upperHz} Hz)`;
  if (s.frameLength > clipSamples(s)) return `a frame (${s.frameLength} samples) is longer than a clip (${clipSamples(s)} samples)`;
  if (s.frameStep > s.frameLength) return `the hop (${s.frameStep} samples) is longer than a frame (${s.frameLength}): samples between frames would be ignored`;
  return null;
}
