import type { SentFile } from '../images/image-protocol';
import type { AudioDatasetResult } from './audio-dataset';
import type { AudioSettings, Pcm } from './types';

/**
 * Page -> audio worker. `load` reads a class-per-subfolder tree of clips (WAV decoded in the
 * worker; other formats it asks the page to decode, since a worker has no Web Audio decoder) into
 * a dataset; `decoded` answers such a `decode`. `features` turns one clip (a recording or an
 * upload to try the model on) into a spectrogram. `cancel` stops the load of that id.
 */
export type AudioRequest =
  | {
      readonly type: 'load';
      readonly id: number;
      readonly files: readonly SentFile[];
      readonly settings: AudioSettings;
      readonly pickedFolder: boolean;
    }
  | { readonly type: 'decoded'; readonly id: number; readonly path: string; readonly pcm: Pcm | null; readonly failure?: string }
  | { readonly type: 'features'; readonly id: number; readonly pcm: Pcm; readonly settings: AudioSettings }
  | { readonly type: 'cancel'; readonly id: number };

/**
 * Audio worker -> page. Every load ends with exactly one `done`, `error` or `cancelled`; a
 * `features` request with `features` or `error`. `decode` asks the page to decode one file.
 */
export type AudioResponse =
  | { readonly type: 'progress'; readonly id: number; readonly done: number; readonly total: number }
  | { readonly type: 'decode'; readonly id: number; readonly path: string; readonly bytes: Uint8Array }
  | { readonly type: 'done'; readonly id: number; readonly result: AudioDatasetResult }
  | { readonly type: 'features'; readonly id: number; readonly x: Float32Array }
  | { readonly type: 'error'; readonly id: number; readonly message: string }
  | { readonly type: 'cancelled'; readonly id: number };

/** The buffers of a result's samples and previews, each once, to transfer rather than copy. */
export function audioResultBuffers(result: AudioDatasetResult): ArrayBuffer[] {
  const arrays = [result.dataset.x, result.dataset.y, ...Object.values(result.previews).flatMap((p) => [p.waveform, p.spectrogram, p.clip])];
  return [...new Set(arrays.map((a) => a.buffer as ArrayBuffer))];
}
