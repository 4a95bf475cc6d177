import type { ImageDatasetResult } from './image-dataset';
import type { Fit } from './types';

/**
 * One file as the page sends it to the image worker: its bytes (transferred), `null` for a folder
 * or a file that is not an image, or `failure` when the page could not read it.
 */
export interface SentFile {
  readonly path: string;
  readonly size: number;
  readonly bytes: Uint8Array | null;
  /** Why reading failed on the page; `userFacing` when the reason is worth showing. */
  readonly failure?: { readonly message: string; readonly userFacing: boolean };
  /** The bytes are a zip the user gave, opened in the worker and listed in its place. */
  readonly zip?: boolean;
}

/** The sample shape and fit, as chosen in the data panel. */
export interface ImageLoadSettings {
  readonly height: number;
  readonly width: number;
  readonly channels: 1 | 3;
  readonly fit: Fit;
  readonly pickedFolder: boolean;
}

/**
 * Page -> image worker. `load-idx` pairs an IDX image file with its label file (in either order;
 * `classNames`, when they fit the labels, name the label ids). A `cancel` stops the load of that
 * id; it then answers `cancelled`.
 */
export type ImageRequest =
  | { readonly type: 'load'; readonly id: number; readonly files: readonly SentFile[]; readonly settings: ImageLoadSettings }
  | { readonly type: 'load-idx'; readonly id: number; readonly files: readonly SentFile[]; readonly classNames?: readonly string[] }
  | { readonly type: 'cancel'; readonly id: number };

/**
 * Image worker -> page. Every load ends with exactly one `done` (`idx-done` for `load-idx`, with
 * which file held the images and which the labels), `error` or `cancelled`.
 */
export type ImageResponse =
  | { readonly type: 'progress'; readonly id: number; readonly done: number; readonly total: number }
  | { readonly type: 'done'; readonly id: number; readonly result: ImageDatasetResult }
  | { readonly type: 'idx-done'; readonly id: number; readonly result: ImageDatasetResult; readonly imagesFile: string; readonly labelsFile: string }
  | { readonly type: 'error'; readonly id: number; readonly message: string }
  | { readonly type: 'cancelled'; readonly id: number };

/** The buffers of a result's samples and previews, each once, to transfer rather than copy. */
export function resultBuffers(result: ImageDatasetResult): ArrayBuffer[] {
  const arrays = [result.dataset.x, result.dataset.y, ...Object.values(result.previews).flat()];
  return [...new Set(arrays.map((a) => a.buffer as ArrayBuffer))];
}

/** The buffers of the files' bytes, each once, for the page to transfer. */
export function fileBuffers(files: readonly SentFile[]): ArrayBuffer[] {
  return [...new Set(files.flatMap((f) => (f.bytes === null ? [] : [f.bytes.buffer as ArrayBuffer])))];
}
