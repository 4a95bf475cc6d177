/**
 * The vocabulary of the audio pipeline: decoded sound, the settings that turn a clip into a
 * log-mel spectrogram (as TensorFlow's `tf.signal` defines one), and what a loaded folder shows.
 */

/** Mono samples in [-1, 1] at `sampleRate` Hz. */
export interface Pcm {
  readonly samples: Float32Array;
  readonly sampleRate: number;
}

/**
 * How a clip becomes one training sample, saved in the project and in `model.json` metadata:
 * resampled (linear interpolation) to `sampleRate`, cut or zero-padded at the end to
 * `clipSeconds`, then `tf.signal.stft(frame_length, frame_step, fft_length)` with a periodic Hann
 * window and no end padding, its magnitude, `tf.signal.linear_to_mel_weight_matrix(melBands,
 * fft_length / 2 + 1, sampleRate, lowerHz, upperHz)`, and `log(mel + LOG_OFFSET)`. One sample is
 * `[frames, melBands, 1]`: time down, frequency across, like a one-channel image.
 */
export interface AudioSettings {
  /** Hz; 16,000 by default. */
  readonly sampleRate: number;
  /** Seconds per clip; 1 by default. */
  readonly clipSeconds: number;
  /** Samples per STFT frame (480 = 30 ms at 16 kHz). */
  readonly frameLength: number;
  /** Samples between frame starts, the hop (320 = 20 ms at 16 kHz). */
  readonly frameStep: number;
  /** Mel bands; 40 by default. */
  readonly melBands: number;
  /** Lowest frequency of the mel filters, Hz. */
  readonly lowerHz: number;
  /** Highest frequency of the mel filters, Hz (at most sampleRate / 2). */
  readonly upperHz: number;
}

/** A clip's picture for the Data view: its waveform envelope and its spectrogram. */
export interface AudioPreview {
  readonly path: string;
  /** Min and max of each of `WAVEFORM_POINTS` stretches of the clip, interleaved: [min0, max0, min1, max1, ...]. */
  readonly waveform: Float32Array;
  /** The log-mel spectrogram, `[frames, melBands]` row-major. */
  readonly spectrogram: Float32Array;
  /** The clip as the model hears it: at the settings' rate, cut or padded to their length (to play it). */
  readonly clip: Float32Array;
}
