import type { AudioSettings, Pcm } from '../../src/data/audio/types';
import { decodeWav, isWavBytes } from '../../src/data/audio/wav';
import { UserFileError } from '../../src/lib/errors';
import { browserAudioDecoder } from '../clients/audio-client';
import { audio } from '../services';
import { predictSample } from './predict';

/**
 * An uploaded sound file as mono samples: a WAV read exactly as the training clips were (Netloom's
 * own decoder), anything else by the browser's. Throws with the file's name and what is wrong.
 */
export async function clipFromFile(file: File, settings: AudioSettings): Promise<Pcm> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  try {
    return isWavBytes(bytes) ? decodeWav(bytes, file.name) : await browserAudioDecoder(bytes, settings.sampleRate);
  } catch (e) {
    throw new Error(
      e instanceof UserFileError
        ? `${file.name}: ${e.message}`
        : `${file.name}: not a sound file this browser can decode (${e instanceof Error ? e.message : String(e)})`,
    );
  }
}

/** The class probabilities of one clip, turned into a spectrogram in the audio worker as the training clips were. */
export async function predictClip(pcm: Pcm, settings: AudioSettings): Promise<Float32Array> {
  return predictSample(await audio.features(pcm, settings));
}
