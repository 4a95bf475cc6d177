/**
 * What the audio worker does, as a plain module that also runs in Node tests: it opens zips,
 * decodes WAV clips (and has the page decode other formats), and turns them into log-mel
 * spectrograms, reporting progress now and then and stopping when the page cancels.
 */
import { assertNever } from '../../lib/assert-never';
import { UserFileError } from '../../lib/errors';
import { createLoadRunner } from '../images/load-runner';
import { sentEntry } from '../images/send-files';
import { zipEntries, DEFAULT_ZIP_LIMITS } from '../images/zip';
import { fittedClip, loadAudioDataset } from './audio-dataset';
import type { AudioDecoder } from './audio-dataset';
import { audioResultBuffers } from './audio-protocol';
import type { AudioRequest, AudioResponse } from './audio-protocol';
import { collectableAudio, isWavPath } from './formats';
import { audioSettingsProblem } from './settings';
import { logMelSpectrogram } from './spectrogram';
import type { Pcm } from './types';
import { decodeWav, isWavBytes } from './wav';

/** Sends a response, transferring the listed buffers. */
export type AudioPost = (message: AudioResponse, transfer?: ArrayBuffer[]) => void;

/** How the service decodes and how often it reports. */
export interface AudioServiceOptions {
  /**
   * True in the worker: a clip that is no WAV is sent to the page to decode (Web Audio's
   * `decodeAudioData`). False in Node tests: such a clip is skipped with the reason. (The CLI
   * loads clips itself, with its own decoders for FLAC, Ogg Vorbis and MP3: src/cli/train-data.ts.)
   */
  readonly pageDecodes: boolean;
  /** Progress reports come at most this often (ms); 200 by default. */
  readonly progressMs?: number;
  readonly now?: () => number;
}

/** The worker's state (loads and page decodes in flight) and its request handler. */
export interface AudioService {
  handle(request: AudioRequest, post: AudioPost): Promise<void>;
  readonly running: number;
}

/** A new service with nothing in flight. */
export function createAudioService(opts: AudioServiceOptions): AudioService {
  const loads = createLoadRunner<AudioResponse>({ ...opts, messageOf });
  const decodes = new Map<string, { resolve: (pcm: Pcm) => void; reject: (e: Error) => void }>();

  const decoderFor = (id: number, post: AudioPost, signal: AbortSignal): AudioDecoder => {
    return async (bytes, path) => {
      // The reason goes beside the path in the skipped list, so it does not name the file again.
      if (isWavBytes(bytes) || isWavPath(path)) return decodeWav(bytes);
      if (!opts.pageDecodes) throw new UserFileError('is not a WAV file, and no page is here to decode it');
      signal.throwIfAborted();
      return new Promise<Pcm>((resolve, reject) => {
        decodes.set(`${id}\n${path}`, { resolve, reject });
        // Copied, not transferred: a zip's files may share one buffer.
        post({ type: 'decode', id, path, bytes });
      });
    };
  };

  const load = (request: Extract<AudioRequest, { type: 'load' }>, post: AudioPost) =>
    loads
      .run(request.id, post, async (signal, onProgress) => {
        const entries = request.files.flatMap((file) =>
          file.zip === true && file.bytes !== null ? zipEntries(file.bytes, DEFAULT_ZIP_LIMITS, collectableAudio) : [sentEntry(file, 'audio reader')],
        );
        const result = await loadAudioDataset(entries, {
          settings: request.settings,
          decoder: decoderFor(request.id, post, signal),
          onProgress,
          pickedFolder: request.pickedFolder,
          signal,
        });
        return [{ type: 'done', id: request.id, result }, audioResultBuffers(result)];
      })
      .finally(() => {
        // Page decodes still awaited belong to a load that is over.
        for (const [key, pending] of decodes) {
          if (!key.startsWith(`${request.id}\n`)) continue;
          pending.reject(new Error('the load ended'));
          decodes.delete(key);
        }
      });

  const features = (request: Extract<AudioRequest, { type: 'features' }>, post: AudioPost) => {
    const problem = audioSettingsProblem(request.settings);
    if (problem !== null) {
      post({ type: 'error', id: request.id, message: `The audio settings do not make a spectrogram: ${problem}` });
      return;
    }
    const x = logMelSpectrogram(fittedClip(request.pcm, request.settings), request.settings);
    post({ type: 'features', id: request.id, x }, [x.buffer as ArrayBuffer]);
  };

  return {
    get running() {
      return loads.running;
    },
    async handle(request, post) {
      switch (request.type) {
        case 'load':
          return load(request, post);
        case 'decoded': {
          const key = `${request.id}\n${request.path}`;
          const pending = decodes.get(key);
          decodes.delete(key);
          if (request.pcm !== null) pending?.resolve(request.pcm);
          else pending?.reject(new UserFileError(request.failure ?? 'the browser could not decode it'));
          return;
        }
        case 'features':
          return features(request, post);
        case 'cancel':
          loads.cancel(request.id);
          return;
        default:
          return assertNever(request, 'audio request');
      }
    },
  };
}

function messageOf(error: unknown): string {
  if (error instanceof UserFileError) return error.message;
  return `The sound clips could not be read (${error instanceof Error ? error.message : String(error)})`;
}
