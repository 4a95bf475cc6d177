import type { AudioDatasetResult } from '../../src/data/audio/audio-dataset';
import type { AudioRequest, AudioResponse } from '../../src/data/audio/audio-protocol';
import { collectableAudio } from '../../src/data/audio/formats';
import type { AudioSettings, Pcm } from '../../src/data/audio/types';
import { fileBuffers } from '../../src/data/images/image-protocol';
import { readForWorker } from '../../src/data/images/send-files';
import type { FileEntry } from '../../src/data/images/types';
import { assertNever } from '../../src/lib/assert-never';
import { ImageLoadCancelled } from './image-client';
import { createWorkerRequests } from './worker-requests';
import type { RequestWorker } from './worker-requests';

/** The part of a Worker the client uses, so tests can hand it a fake one. */
export type AudioWorker = RequestWorker<AudioRequest, AudioResponse>;

/** Decodes a sound file the worker cannot (OGG, MP3, WebM...) on the page, at `sampleRate`. */
export type PageAudioDecoder = (bytes: Uint8Array, sampleRate: number) => Promise<Pcm>;

/** The page's one way to the audio worker: it turns folders of clips, and single clips, into spectrograms off the page. */
export interface AudioClient {
  /**
   * Reads the entries' bytes (`onRead`: files read of total), then has the worker make the
   * dataset, reporting clips done of total. A newer load cancels the one in flight; a cancelled
   * load rejects with `ImageLoadCancelled`.
   */
  load(
    entries: readonly FileEntry[],
    settings: AudioSettings,
    pickedFolder: boolean,
    onProgress: (done: number, total: number) => void,
    onRead?: (done: number, total: number) => void,
  ): Promise<AudioDatasetResult>;
  /** One clip's spectrogram, `[frames, melBands]` row-major, as the dataset's samples are made. */
  features(pcm: Pcm, settings: AudioSettings): Promise<Float32Array>;
  /** Stops the load in flight, if any. */
  cancel(): void;
}

/** A client with no worker yet: the first request starts one, and one that crashed is replaced by the next. */
export function createAudioClient(createWorker: () => AudioWorker, decode: PageAudioDecoder): AudioClient {
  const requests = createWorkerRequests<AudioRequest, AudioResponse>({
    createWorker,
    reader: 'The sound reader',
    again: 'try again',
    cancelMessage: (id) => ({ type: 'cancel', id }),
    cancelled: () => new ImageLoadCancelled(),
  });

  return {
    load(entries, settings, pickedFolder, onProgress, onRead) {
      return requests.load(async (id, signal) => {
        const files = await readForWorker(entries, signal, onRead, collectableAudio);
        // A cancel during the last read still stops the load before anything is sent.
        signal.throwIfAborted();
        return requests.ask<AudioDatasetResult>(
          { type: 'load', id, files, settings, pickedFolder },
          {
            transfer: fileBuffers(files),
            answer: (msg, reply) => {
              switch (msg.type) {
                case 'progress':
                  onProgress(msg.done, msg.total);
                  return undefined;
                case 'decode':
                  decode(msg.bytes, settings.sampleRate).then(
                    (pcm) => reply({ type: 'decoded', id, path: msg.path, pcm }, [pcm.samples.buffer as ArrayBuffer]),
                    (error: unknown) => reply({ type: 'decoded', id, path: msg.path, pcm: null, failure: decodeFailure(msg.path, error) }, []),
                  );
                  return undefined;
                case 'done':
                  return msg.result;
                case 'cancelled':
                  throw new ImageLoadCancelled();
                case 'error':
                  throw new Error(msg.message);
                case 'features':
                  throw new Error('the sound reader answered a load with one clip');
                default:
                  return assertNever(msg, 'sound reader answer');
              }
            },
          },
        );
      });
    },
    features(pcm, settings) {
      return requests.ask<Float32Array>(
        { type: 'features', id: requests.nextId(), pcm, settings },
        {
          answer: (msg) => {
            if (msg.type === 'features') return msg.x;
            if (msg.type === 'error') throw new Error(msg.message);
            return undefined;
          },
        },
      );
    },
    cancel: () => requests.cancel(),
  };
}

function decodeFailure(path: string, error: unknown): string {
  const ext = path.slice(path.lastIndexOf('.') + 1).toUpperCase();
  const why = error instanceof Error && error.message !== '' ? ` (${error.message})` : '';
  return `this browser cannot decode it as ${ext}${why}`;
}

/**
 * Web Audio's decoder: any format the browser plays, decoded off the page's thread and resampled
 * by the browser to `sampleRate`, the channels averaged to mono.
 */
export async function browserAudioDecoder(bytes: Uint8Array, sampleRate: number): Promise<Pcm> {
  const context = new OfflineAudioContext(1, 1, sampleRate);
  const buffer = await context.decodeAudioData(bytes.slice().buffer);
  const samples = new Float32Array(buffer.length);
  for (let c = 0; c < buffer.numberOfChannels; c++) {
    const channel = buffer.getChannelData(c);
    for (let i = 0; i < samples.length; i++) samples[i] = (samples[i] as number) + (channel[i] as number) / buffer.numberOfChannels;
  }
  return { samples, sampleRate: buffer.sampleRate };
}
