/**
 * The vocabulary of the image pipeline: files as found (in a folder, a drop or a zip), the images
 * chosen from them, decoded pixels, and how a picture becomes one training sample.
 */

/**
 * One file as the user gave it. `path` uses `/` and starts at the folder (or zip) they chose. A
 * path ending in `/` is a folder, listed so that an empty one can be named; it has nothing to read.
 */
export interface FileEntry {
  readonly path: string;
  /** Size in bytes (uncompressed, for zip entries). */
  readonly size: number;
  read(): Promise<Uint8Array>;
  /**
   * True for a `.zip` the user gave: the image worker opens it and lists its files in its place
   * (unzipping a big archive on the page would stall it). A zip inside a folder or a zip is not.
   */
  readonly zip?: boolean;
}

/** An image file chosen for the dataset, with the class its subfolder names. */
export interface ImageFile {
  readonly path: string;
  readonly className: string;
  read(): Promise<Uint8Array>;
}

/** A file left out of the dataset, and why, for the UI to list. */
export interface SkippedFile {
  readonly path: string;
  readonly reason: string;
}

/** Decoded pixels: `width * height * 4` bytes, RGBA, row-major, alpha not premultiplied. */
export interface DecodedImage {
  readonly width: number;
  readonly height: number;
  readonly rgba: Uint8ClampedArray;
}

/**
 * Turns encoded bytes into pixels. Rejects on bytes it cannot read; a rejection with a
 * `UserFileError` carries a reason worth showing (an unsupported format), anything else means
 * "not a readable image".
 */
export type Decoder = (bytes: Uint8Array, path: string) => Promise<DecodedImage>;

/**
 * How a picture of another aspect ratio fits the sample: `pad` keeps it whole and fills the
 * borders with black, `crop` fills the sample and cuts the overflow evenly from both sides,
 * `stretch` distorts it to fit.
 */
export type Fit = 'pad' | 'crop' | 'stretch';

/** The shape of one sample and how pictures are fitted to it. */
export interface SampleOptions {
  readonly height: number;
  readonly width: number;
  /** 1 = grayscale (luminance), 3 = RGB. */
  readonly channels: 1 | 3;
  readonly fit: Fit;
}
