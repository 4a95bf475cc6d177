/**
 * Log-mel spectrograms as TensorFlow defines them (tensorflow/python/ops/signal): `tf.signal.stft`
 * with its default periodic Hann window and no end padding, the magnitude, a
 * `tf.signal.linear_to_mel_weight_matrix` product and `log(mel + LOG_OFFSET)`, so a model trained
 * here sees what the exported Keras script computes. Also the waveform envelope the Data view draws.
 */
import { createRealFft } from './fft';
import { resampleLinear, fitLength } from './resample';
import { LOG_OFFSET, clipSamples, fftLengthOf } from './settings';
import type { AudioSettings, Pcm } from './types';

/** Min/max pairs per clip in a preview's waveform. */
export const WAVEFORM_POINTS = 200;

// HTK's mel scale, as TensorFlow's mel_ops writes it.
const hertzToMel = (hz: number) => 1127 * Math.log(1 + hz / 700);

/**
 * `tf.signal.linear_to_mel_weight_matrix(melBands, spectrogramBins, sampleRate, lowerHz, upperHz)`:
 * `[spectrogramBins, melBands]` row-major. Bin k sits at k * (rate / 2) / (bins - 1) Hz; band b is
 * a triangle in mel space over edges b, b + 1, b + 2 of melBands + 2 points spaced evenly in mel
 * from lowerHz to upperHz; the DC bin's row stays zero, as in HTK.
 */
export function melWeightMatrix(melBands: number, spectrogramBins: number, sampleRate: number, lowerHz: number, upperHz: number): Float32Array {
  const out = new Float32Array(spectrogramBins * melBands);
  const low = hertzToMel(lowerHz);
  const edgeStep = (hertzToMel(upperHz) - low) / (melBands + 1);
  const edge = (i: number) => low + i * edgeStep;
  const binStep = sampleRate / 2 / (spectrogramBins - 1);
  for (let k = 1; k < spectrogramBins; k++) {
    const mel = hertzToMel(k * binStep);
    for (let b = 0; b < melBands; b++) {
      const [lower, center, upper] = [edge(b), edge(b + 1), edge(b + 2)];
      const rising = (mel - lower) / (center - lower);
      const falling = (upper - mel) / (upper - center);
      out[k * melBands + b] = Math.max(0, Math.min(rising, falling));
    }
  }
  return out;
}

/**
 * `tf.signal.hann_window(length, periodic=True)`. TensorFlow divides by `length` only for even
 * lengths: an odd one gets the symmetric window (divisor length - 1), and so does this.
 */
export function hannWindow(length: number): Float64Array {
  const divisor = length % 2 === 0 ? length : length - 1;
  return Float64Array.from({ length }, (_, i) => (length === 1 ? 1 : 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / divisor)));
}

/** A band's nonzero weights: bins `start` to `start + weights.length - 1`. */
interface Band {
  readonly start: number;
  readonly weights: Float64Array;
}

/** The mel matrix's columns without their zeros, so each frame's product touches only the triangles. */
function sparseBands(matrix: Float32Array, bins: number, bands: number): Band[] {
  return Array.from({ length: bands }, (_, b) => {
    let start = bins;
    let end = 0;
    for (let k = 0; k < bins; k++) {
      if ((matrix[k * bands + b] as number) > 0) {
        start = Math.min(start, k);
        end = k + 1;
      }
    }
    if (end === 0) return { start: 0, weights: new Float64Array(0) };
    return { start, weights: Float64Array.from({ length: end - start }, (_, i) => matrix[(start + i) * bands + b] as number) };
  });
}

/** Frames of `frameLength` every `frameStep` samples that fit in `samples` samples, without padding. */
const framesIn = (samples: number, frameLength: number, frameStep: number) => (samples < frameLength ? 0 : 1 + Math.floor((samples - frameLength) / frameStep));

/** Writes the STFT magnitude of the frame starting at `offset` into `magnitude` (fftLength / 2 + 1 bins). */
type FrameMagnitude = (clip: Float32Array, offset: number, magnitude: Float64Array) => void;

/** `|tf.signal.stft(...)|` one frame at a time: windowed, zero-padded to the FFT length, transformed. */
function createFrameMagnitude(frameLength: number): FrameMagnitude {
  const fftLength = fftLengthOf(frameLength);
  const bins = fftLength / 2 + 1;
  const window = hannWindow(frameLength);
  const fft = createRealFft(fftLength);
  const frame = new Float64Array(fftLength);
  const re = new Float64Array(bins);
  const im = new Float64Array(bins);
  return (clip, offset, magnitude) => {
    // Samples past frameLength stay zero: rfft pads each frame to the FFT length.
    for (let i = 0; i < frameLength; i++) frame[i] = (clip[offset + i] as number) * (window[i] as number);
    fft(frame, re, im);
    for (let k = 0; k < bins; k++) {
      const r = re[k] as number;
      const i = im[k] as number;
      magnitude[k] = Math.sqrt(r * r + i * i);
    }
  };
}

/**
 * `tf.abs(tf.signal.stft(clip, frameLength, frameStep))` with the default FFT length and window:
 * `[frames, fftLength / 2 + 1]` row-major.
 */
export function stftMagnitude(clip: Float32Array, frameLength: number, frameStep: number): Float32Array {
  const bins = fftLengthOf(frameLength) / 2 + 1;
  const frames = framesIn(clip.length, frameLength, frameStep);
  const magnitude = createFrameMagnitude(frameLength);
  const row = new Float64Array(bins);
  const out = new Float32Array(frames * bins);
  for (let f = 0; f < frames; f++) {
    magnitude(clip, f * frameStep, row);
    out.set(row, f * bins);
  }
  return out;
}

/** A clip's log-mel spectrogram, `[frames, melBands]` row-major; frames as many as fit without padding. */
export type Spectrogram = (clip: Float32Array) => Float32Array;

/**
 * A spectrogram function for these settings: window, FFT tables, mel weights and buffers made
 * once, for the many clips of a dataset. Not safe to call re-entrantly (it reuses its buffers).
 */
export function createSpectrogram(settings: AudioSettings): Spectrogram {
  const { frameLength, frameStep, melBands } = settings;
  const bins = fftLengthOf(frameLength) / 2 + 1;
  const frameMagnitude = createFrameMagnitude(frameLength);
  const bands = sparseBands(melWeightMatrix(melBands, bins, settings.sampleRate, settings.lowerHz, settings.upperHz), bins, melBands);
  const magnitude = new Float64Array(bins);

  return (clip) => {
    const frames = framesIn(clip.length, frameLength, frameStep);
    const out = new Float32Array(frames * melBands);
    for (let f = 0; f < frames; f++) {
      frameMagnitude(clip, f * frameStep, magnitude);
      for (let b = 0; b < melBands; b++) {
        const { start, weights } = bands[b] as Band;
        let sum = 0;
        for (let i = 0; i < weights.length; i++) sum += (magnitude[start + i] as number) * (weights[i] as number);
        out[f * melBands + b] = Math.log(sum + LOG_OFFSET);
      }
    }
    return out;
  };
}

/** One clip's log-mel spectrogram; {@link createSpectrogram} is the one to use for many. */
export function logMelSpectrogram(clip: Float32Array, settings: AudioSettings): Float32Array {
  return createSpectrogram(settings)(clip);
}

/** A clip's training features for many clips at the same settings: resampled, fitted to the clip length, as a spectrogram. */
export function createClipFeatures(settings: AudioSettings): (pcm: Pcm) => Float32Array {
  const spectrogram = createSpectrogram(settings);
  const length = clipSamples(settings);
  return (pcm) => spectrogram(fitLength(resampleLinear(pcm.samples, pcm.sampleRate, settings.sampleRate), length));
}

/**
 * One clip's training features, `[frames, melBands]`: resampled to the settings' rate, cut or
 * zero-padded to `clipSeconds`, as a log-mel spectrogram.
 */
export function clipFeatures(pcm: Pcm, settings: AudioSettings): Float32Array {
  return createClipFeatures(settings)(pcm);
}

/**
 * The clip's waveform for drawing: the min and max of each of `points` equal stretches,
 * interleaved `[min0, max0, min1, max1, ...]`. In a clip shorter than `points`, a stretch with
 * no sample of its own repeats the sample it falls on; an empty clip gives zeros.
 */
export function waveformEnvelope(samples: Float32Array, points: number): Float32Array {
  const out = new Float32Array(2 * points);
  const n = samples.length;
  if (n === 0) return out;
  for (let p = 0; p < points; p++) {
    const start = Math.floor((p * n) / points);
    const end = Math.max(start + 1, Math.floor(((p + 1) * n) / points));
    let min = Infinity;
    let max = -Infinity;
    // start < n for every stretch, so each has at least one sample.
    for (let i = start; i < end; i++) {
      const v = samples[i] as number;
      if (v < min) min = v;
      if (v > max) max = v;
    }
    out[2 * p] = min;
    out[2 * p + 1] = max;
  }
  return out;
}
