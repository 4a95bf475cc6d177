/**
 * The IDX format of MNIST and Fashion-MNIST: a big-endian header (magic number, then one uint32
 * per dimension) followed by uint8 values. Images have magic 2051 (ubyte, 3 dimensions: count,
 * rows, cols); labels have magic 2049 (ubyte, 1 dimension: count). Gzipped files (`.gz`, as the
 * datasets are distributed) are unpacked first.
 */
import { gunzipSync } from 'fflate';
import { UserFileError } from '../lib/errors';
import type { Dataset } from './types';

/** Magic number of an IDX file of uint8 images (count x rows x cols). */
export const IDX_IMAGES_MAGIC = 2051;
/** Magic number of an IDX file of uint8 labels. */
export const IDX_LABELS_MAGIC = 2049;

/** Decoded IDX images: `count` images of `rows` x `cols` uint8 pixels, row-major. */
export interface IdxImages {
  readonly count: number;
  readonly rows: number;
  readonly cols: number;
  /** count * rows * cols grey levels, 0 (black) to 255 (white). */
  readonly pixels: Uint8Array;
}

function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

function unpack(bytes: Uint8Array, fileName: string | undefined): Uint8Array {
  if (!isGzip(bytes)) return bytes;
  try {
    return gunzipSync(bytes);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new UserFileError(`the gzip-compressed IDX file could not be unpacked (${why})`, fileName);
  }
}

/** Checks the magic number and returns the dimensions that follow it. */
function readHeader(bytes: Uint8Array, expected: number, what: string, dims: number, fileName: string | undefined): number[] {
  const headerBytes = 4 * (dims + 1);
  const short = () => new UserFileError(`not an IDX ${what} file: ${bytes.length} bytes is shorter than its ${headerBytes}-byte header`, fileName);
  if (bytes.length < 4) throw short();
  const view = new DataView(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, headerBytes));
  const magic = view.getUint32(0, false);
  if (magic !== expected) {
    throw new UserFileError(`not an IDX ${what} file (magic ${magic}, expected ${expected})`, fileName);
  }
  if (bytes.length < headerBytes) throw short();
  const header = Array.from({ length: dims + 1 }, (_, i) => view.getUint32(4 * i, false));
  return header.slice(1);
}

function checkLength(bytes: Uint8Array, need: number, contents: string, fileName: string | undefined): void {
  if (bytes.length < need) {
    throw new UserFileError(`the IDX file is truncated: ${contents} need ${need} bytes, found ${bytes.length}`, fileName);
  }
  if (bytes.length > need) {
    throw new UserFileError(`the IDX file is too long: ${contents} need ${need} bytes, found ${bytes.length}`, fileName);
  }
}

/**
 * Parses an IDX image file (magic 2051), plain or gzipped. Throws `UserFileError` naming
 * `fileName` when the magic number, the dimensions or the length are wrong.
 */
export function parseIdxImages(input: Uint8Array, fileName?: string): IdxImages {
  const bytes = unpack(input, fileName);
  const [count = 0, rows = 0, cols = 0] = readHeader(bytes, IDX_IMAGES_MAGIC, 'image', 3, fileName);
  if (count === 0) throw new UserFileError('the IDX image file holds no images', fileName);
  if (rows === 0 || cols === 0) {
    throw new UserFileError(`the IDX image file declares ${rows}x${cols} images`, fileName);
  }
  const need = 16 + count * rows * cols;
  checkLength(bytes, need, `${count} images of ${rows}x${cols}`, fileName);
  return { count, rows, cols, pixels: bytes.slice(16, need) };
}

/**
 * Parses an IDX label file (magic 2049), plain or gzipped: one uint8 class id per sample.
 * Throws `UserFileError` naming `fileName` when the magic number or the length are wrong.
 */
export function parseIdxLabels(input: Uint8Array, fileName?: string): Uint8Array {
  const bytes = unpack(input, fileName);
  const [count = 0] = readHeader(bytes, IDX_LABELS_MAGIC, 'label', 1, fileName);
  if (count === 0) throw new UserFileError('the IDX label file holds no labels', fileName);
  checkLength(bytes, 8 + count, `${count} labels`, fileName);
  return bytes.slice(8, 8 + count);
}

/** The class names of MNIST: the digits '0' to '9'. */
export const DIGIT_CLASS_NAMES: readonly string[] = Array.from({ length: 10 }, (_, d) => String(d));

/**
 * Pairs images with labels as a classification `Dataset`: x is the pixels as they are, uint8 grey
 * levels read as [0, 1] (see `FeatureValues`), with featureShape [rows, cols, 1]; y is one-hot over `classNames` ('0'..'9' by default).
 * Throws `UserFileError` when the counts differ or a label has no class name.
 */
export function idxToDataset(images: IdxImages, labels: Uint8Array, classNames: readonly string[] = DIGIT_CLASS_NAMES): Dataset {
  if (labels.length !== images.count) {
    throw new UserFileError(`the image file has ${images.count} images but the label file has ${labels.length} labels`);
  }
  const classes = classNames.length;
  const y = new Float32Array(images.count * classes);
  labels.forEach((label, i) => {
    if (label >= classes) {
      throw new UserFileError(`label ${label} of image ${i} is out of range: there are ${classes} classes (0-${classes - 1})`);
    }
    y[i * classes + label] = 1;
  });
  return {
    x: images.pixels,
    y,
    count: images.count,
    featureShape: [images.rows, images.cols, 1],
    targetShape: [classes],
    task: 'classification',
    classNames,
  };
}
