import type { Pcm } from '../../src/data/audio/types';

/** An open microphone: its level, what it heard lately, and recording a clip. */
export interface Microphone {
  readonly sampleRate: number;
  /** Loudness of the last few milliseconds, 0 (silence) to 1 (full scale), as RMS. */
  level(): number;
  /** The last `seconds` heard, or null until that much has been heard. */
  latest(seconds: number): Pcm | null;
  /** Records the next `seconds`. */
  record(seconds: number): Promise<Pcm>;
  close(): void;
}

/** Why the microphone could not open, worded for the Data view. */
export class MicrophoneError extends Error {}

// Samples per callback: 4,096 at 48 kHz is 85 ms, a light load on the page.
const CHUNK = 4096;
const KEEP_SECONDS = 10;

/**
 * Opens the default microphone, raw (no echo cancelling, noise suppression or gain control: they
 * would make recordings unlike the clips a model is later tried on). Rejects with a
 * `MicrophoneError` saying what to do when permission is refused or there is no microphone.
 */
export async function openMicrophone(): Promise<Microphone> {
  if (typeof navigator === 'undefined' || navigator.mediaDevices?.getUserMedia === undefined) {
    throw new MicrophoneError('This browser gives no access to a microphone here (it needs a secure https:// or localhost page).');
  }
  let stream: MediaStream;
  try {
    stream = await navigator.mediaDevices.getUserMedia({
      audio: { channelCount: 1, echoCancellation: false, noiseSuppression: false, autoGainControl: false },
    });
  } catch (error) {
    const name = error instanceof DOMException ? error.name : '';
    if (name === 'NotAllowedError' || name === 'SecurityError') {
      throw new MicrophoneError(
        "Microphone access was refused. Allow it for this site (the icon at the left of the address bar, or the browser's site settings), then press Record again.",
      );
    }
    if (name === 'NotFoundError' || name === 'OverconstrainedError')
      throw new MicrophoneError('No microphone was found: plug one in, then press Record again.');
    if (name === 'NotReadableError') throw new MicrophoneError('The microphone is in use by another program, or could not be started.');
    throw new MicrophoneError(`The microphone could not be opened (${error instanceof Error ? error.message : String(error)}).`);
  }
  const context = new AudioContext();
  const source = context.createMediaStreamSource(stream);
  // ScriptProcessorNode is deprecated but runs everywhere with no module to load; AudioWorklet
  // would need a separately served script. Its callback only copies samples.
  const processor = context.createScriptProcessor(CHUNK, 1, 1);
  const keep = Math.round(KEEP_SECONDS * context.sampleRate);
  const ring = new Float32Array(keep);
  let written = 0;
  let lastRms = 0;
  const waiting: { until: number; from: number; resolve: (pcm: Pcm) => void }[] = [];
  processor.onaudioprocess = (event) => {
    const input = event.inputBuffer.getChannelData(0);
    let sum = 0;
    for (let i = 0; i < input.length; i++) {
      const v = input[i] as number;
      ring[(written + i) % keep] = v;
      sum += v * v;
    }
    written += input.length;
    lastRms = Math.sqrt(sum / Math.max(1, input.length));
    for (const w of [...waiting]) {
      if (written < w.until) continue;
      waiting.splice(waiting.indexOf(w), 1);
      w.resolve({ samples: slice(w.from, w.until), sampleRate: context.sampleRate });
    }
  };
  const slice = (from: number, until: number) => {
    const out = new Float32Array(until - from);
    for (let i = from; i < until; i++) out[i - from] = ring[i % keep] as number;
    return out;
  };
  source.connect(processor);
  // The processor only runs while connected to the output; it writes silence there.
  processor.connect(context.destination);
  return {
    sampleRate: context.sampleRate,
    level: () => Math.min(1, lastRms * 4),
    latest(seconds) {
      const n = Math.round(seconds * context.sampleRate);
      if (written < n || n > keep) return null;
      return { samples: slice(written - n, written), sampleRate: context.sampleRate };
    },
    record(seconds) {
      const n = Math.min(keep, Math.round(seconds * context.sampleRate));
      return new Promise((resolve) => waiting.push({ from: written, until: written + n, resolve }));
    },
    close() {
      processor.disconnect();
      source.disconnect();
      for (const track of stream.getTracks()) track.stop();
      void context.close();
    },
  };
}
