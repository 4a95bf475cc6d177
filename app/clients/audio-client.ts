import type { AudioDatasetResult } from '../../src/data/audio/audio-dataset';
import type { AudioRequest, AudioResponse } from '../../src/data/audio/audio-protocol';
import { collectableAudio } from '../../src/data/audio/formats';
import type { AudioSettings, Pcm } from '../../src/data/audio/types';
import { fileBuffers } from '../../src/data/images/image-protocol';
import { readForWorker } from '../../src/data/images/send-files';
import type { FileEntry } from '../../src/data/images/types';
import { ImageLoadCancelled } from './image-client';

/** The part of a Worker the client uses, so tests can hand it a fake one. */
export interface AudioWorker {
  postMessage(message: AudioRequest, transfer: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: { readonly data: AudioResponse }) => void): void;
  addEventListener(type: 'error', listener: (event: { readonly message: string }) => void): void;
  removeEventListener(type: 'message', listener: (event: { readonly data: AudioResponse }) => void): void;
  removeEventListener(type: 'error', listener: (event: { readonly message: string }) => void): void;
}

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
  let worker: AudioWorker | undefined;
  let nextId = 1;
  let current: { readonly id: number; readonly controller: AbortController } | undefined;

  const cancel = () => {
    if (current === undefined) return;
    current.controller.abort();
    worker?.postMessage({ type: 'cancel', id: current.id }, []);
  };

  /** Sends `request` and settles on its ending message; `onMessage` sees the others first. */
  function ask<T>(request: AudioRequest, transfer: Transferable[], end: (msg: AudioResponse, w: AudioWorker) => T | undefined): Promise<T> {
    worker ??= createWorker();
    const w = worker;
    return new Promise<T>((resolve, reject) => {
      const onMessage = (event: { readonly data: AudioResponse }) => {
        const msg = event.data;
        if (msg.id !== request.id) return;
        try {
          const value = end(msg, w);
          if (value === undefined) return;
          cleanup();
          resolve(value);
        } catch (error) {
          cleanup();
          reject(error instanceof Error ? error : new Error(String(error)));
        }
      };
      const onError = (event: { readonly message: string }) => {
        cleanup();
        if (worker === w) worker = undefined;
        reject(new Error(`The sound reader stopped unexpectedly (${event.message || 'worker error'}); try again`));
      };
      const cleanup = () => {
        w.removeEventListener('message', onMessage);
        w.removeEventListener('error', onError);
      };
      w.addEventListener('message', onMessage);
      w.addEventListener('error', onError);
      w.postMessage(request, transfer);
    });
  }

  return {
    async load(entries, settings, pickedFolder, onProgress, onRead) {
      cancel();
      const id = nextId++;
      const controller = new AbortController();
      current = { id, controller };
      try {
        const files = await readForWorker(entries, controller.signal, onRead, collectableAudio);
        return await ask<AudioDatasetResult>({ type: 'load', id, files, settings, pickedFolder }, fileBuffers(files), (msg, w) => {
          switch (msg.type) {
            case 'progress':
              onProgress(msg.done, msg.total);
              return undefined;
            case 'decode':
              decode(msg.bytes, settings.sampleRate).then(
                (pcm) => w.postMessage({ type: 'decoded', id, path: msg.path, pcm }, [pcm.samples.buffer as ArrayBuffer]),
                (error: unknown) => w.postMessage({ type: 'decoded', id, path: msg.path, pcm: null, failure: decodeFailure(msg.path, error) }, []),
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
              throw new Error('unknown answer from the sound reader');
          }
        });
      } catch (error) {
        throw controller.signal.aborted ? new ImageLoadCancelled() : error;
      } finally {
        if (current?.id === id) current = undefined;
      }
    },
    features(pcm, settings) {
      const id = nextId++;
      return ask<Float32Array>({ type: 'features', id, pcm, settings }, [], (msg) => {
        if (msg.type === 'features') return msg.x;
        if (msg.type === 'error') throw new Error(msg.message);
        return undefined;
      });
    },
    cancel,
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
