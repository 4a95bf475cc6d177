/**
 * An IDX image file and its label file, as a user gives them (Fashion-MNIST's
 * `train-images-idx3-ubyte.gz` + `train-labels-idx1-ubyte.gz`, in any order, gzipped or not):
 * which is which is read from their magic numbers, the pair is checked before the big file is
 * unpacked, and the unpacking (native, streamed) reports progress and can be stopped between chunks.
 */
import { Gunzip } from 'fflate';
import { UserFileError } from '../lib/errors';
import { formatCount } from '../lib/format-count';
import { IDX_IMAGES_MAGIC, IDX_LABELS_MAGIC, parseIdxImages, parseIdxLabels } from './idx';
import type { IdxImages } from './idx';

/** One file as given: its name (for messages) and its bytes, plain or gzipped. */
export interface IdxFile {
  readonly name: string;
  readonly bytes: Uint8Array;
}

/** What an IDX file's header says it holds. */
export type IdxHeader =
  { readonly kind: 'images'; readonly count: number; readonly rows: number; readonly cols: number } | { readonly kind: 'labels'; readonly count: number };

/** A checked pair, ready for `idxToDataset`. */
export interface IdxPair {
  readonly images: IdxImages;
  readonly labels: Uint8Array;
  readonly imagesFile: string;
  readonly labelsFile: string;
  /** The given class names when they cover every label, else the label ids: '0', '1', ... */
  readonly classNames: readonly string[];
}

/** How `readIdxPair` reports and stops. */
export interface IdxPairOptions {
  /** Names for the label ids, e.g. a reopened project's; used only when there is one per id. */
  readonly classNames?: readonly string[];
  /** Images unpacked of those the image file holds; called between chunks. */
  readonly onProgress?: (done: number, total: number) => void;
  readonly signal?: AbortSignal;
}

/** The most an IDX file may unpack to: as the zip reader's limit, about what a tab can hold. */
export const MAX_IDX_BYTES = 1e9;
// Enough compressed bytes for the 16-byte header of any gzip that is not absurd.
const PEEK = 64 << 10;

/**
 * Whether a file name looks like an IDX file (`train-images-idx3-ubyte`, `t10k-labels.idx1-ubyte.gz`,
 * `x.idx3`): what routes a drop of files to the IDX reader rather than the image folder reader.
 */
export function isIdxName(name: string): boolean {
  return /(idx\d[-_.]ubyte|-ubyte|\.idx\d)(\.gz)?$/i.test(name);
}

const isGzip = (bytes: Uint8Array) => bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;

const unpackError = (error: unknown, name: string) =>
  new UserFileError(`the gzip-compressed IDX file could not be unpacked (${error instanceof Error ? error.message : String(error)})`, name);

/** The first bytes of the file as unpacked, at most `PEEK` of its compressed bytes inflated. */
function head(bytes: Uint8Array, name: string): Uint8Array {
  if (!isGzip(bytes)) return bytes.subarray(0, 16);
  const out: Uint8Array[] = [];
  const gz = new Gunzip((chunk) => out.push(chunk));
  try {
    gz.push(bytes.subarray(0, PEEK), bytes.length <= PEEK);
  } catch (error) {
    throw unpackError(error, name);
  }
  const joined = new Uint8Array(
    Math.min(
      16,
      out.reduce((n, c) => n + c.length, 0),
    ),
  );
  let at = 0;
  for (const chunk of out) {
    if (at >= joined.length) break;
    joined.set(chunk.subarray(0, joined.length - at), at);
    at += Math.min(chunk.length, joined.length - at);
  }
  return joined;
}

/**
 * Reads what an IDX file holds from its header (unpacking only its start when gzipped). Throws a
 * `UserFileError` naming the file when it is not an IDX file of uint8 images or labels.
 */
export function peekIdx(bytes: Uint8Array, name: string): IdxHeader {
  const start = head(bytes, name);
  const view = new DataView(start.buffer, start.byteOffset, start.length);
  const word = (i: number) => (start.length >= 4 * (i + 1) ? view.getUint32(4 * i, false) : 0);
  const magic = word(0);
  if (magic === IDX_IMAGES_MAGIC && start.length >= 16) return { kind: 'images', count: word(1), rows: word(2), cols: word(3) };
  if (magic === IDX_LABELS_MAGIC && start.length >= 8) return { kind: 'labels', count: word(1) };
  if (start.length >= 4 && start[0] === 0 && start[1] === 0 && (start[2] ?? 0) >= 0x08 && (start[2] ?? 0) <= 0x0e) {
    throw new UserFileError(
      `an IDX file of type 0x${(start[2] ?? 0).toString(16)} with ${start[3] ?? 0} dimensions; only uint8 images (magic ${IDX_IMAGES_MAGIC}) and labels (magic ${IDX_LABELS_MAGIC}) are read`,
      name,
    );
  }
  throw new UserFileError(
    `not an IDX file: IDX images start with magic number ${IDX_IMAGES_MAGIC} and labels with ${IDX_LABELS_MAGIC}, this with ${magic}`,
    name,
  );
}

/** How `unpackIdx` reports, stops and limits. */
export interface UnpackOptions {
  /** The share of the file unpacked so far (by the size its gzip trailer gives), now and then. */
  readonly onFraction?: (share: number) => void;
  readonly signal?: AbortSignal;
  /** The most the file may unpack to; `MAX_IDX_BYTES` by default. */
  readonly maxBytes?: number;
}

/**
 * The file unpacked with the platform's `DecompressionStream` (native: in a browser's worker and
 * in Node it is 10 times fflate's speed), chunk by chunk: `onFraction` gets the share unpacked so
 * far, and between chunks a cancel (`signal`) can arrive and stop it. A file that would unpack
 * past the limit is refused as it grows, whatever its header claims.
 */
export async function unpackIdx(bytes: Uint8Array, name: string, opts: UnpackOptions = {}): Promise<Uint8Array> {
  if (!isGzip(bytes)) return bytes;
  const limit = opts.maxBytes ?? MAX_IDX_BYTES;
  // The gzip trailer's last 4 bytes: the unpacked size mod 2^32, only a guide for the progress.
  const tail = bytes.length >= 4 ? new DataView(bytes.buffer, bytes.byteOffset + bytes.length - 4, 4).getUint32(0, true) : 0;
  const expected = Math.max(1, tail);
  const reader = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('gzip')).getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      opts.signal?.throwIfAborted();
      let next;
      try {
        next = await reader.read();
      } catch (error) {
        throw unpackError(error, name);
      }
      if (next.done) break;
      size += next.value.length;
      if (size > limit) throw new UserFileError(`the IDX file unpacks to more than ${formatCount(limit / 1e6)} MB, over the limit`, name);
      chunks.push(next.value);
      opts.onFraction?.(Math.min(1, size / expected));
    }
  } finally {
    // Stops the decompression when it ended early (a cancel, the limit); harmless when it is done.
    void reader.cancel().catch(() => undefined);
  }
  opts.signal?.throwIfAborted();
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

type Peeked = { readonly file: IdxFile; readonly header: IdxHeader };

/** The one image file and the one label file, or a message saying what is missing or doubled. */
function sortPair(files: readonly IdxFile[]): { images: Peeked & { header: { kind: 'images' } }; labels: Peeked & { header: { kind: 'labels' } } } {
  if (files.length === 0) throw new UserFileError('choose an IDX image file and its label file');
  if (files.length > 2) {
    throw new UserFileError(`choose two IDX files, the images and their labels, not ${files.length} (${files.map((f) => f.name).join(', ')})`);
  }
  const peeked = files.map((file) => ({ file, header: peekIdx(file.bytes, file.name) }));
  const images = peeked.filter((p): p is Peeked & { header: { kind: 'images' } } => p.header.kind === 'images');
  const labels = peeked.filter((p): p is Peeked & { header: { kind: 'labels' } } => p.header.kind === 'labels');
  const [image] = images;
  const [label] = labels;
  if (image !== undefined && label !== undefined) return { images: image, labels: label };
  const names = files.map((f) => f.name).join(' and ');
  if (files.length === 2) {
    const what = images.length === 2 ? 'image' : 'label';
    throw new UserFileError(
      `${names} are both IDX ${what} files: choose one image file (magic ${IDX_IMAGES_MAGIC}) and its label file (magic ${IDX_LABELS_MAGIC})`,
    );
  }
  if (image !== undefined) {
    throw new UserFileError(
      'is an IDX image file without its labels: choose its label file (e.g. train-labels-idx1-ubyte.gz) with it, both together',
      image.file.name,
    );
  }
  throw new UserFileError('is an IDX label file without its images: choose its image file (e.g. train-images-idx3-ubyte.gz) with it, both together', names);
}

/**
 * Pairs an IDX image file with its label file, in either order. Throws a `UserFileError` that says
 * what to change for a missing half, two files of one kind, a file that is no IDX, counts that
 * differ (told from the headers, before the images are unpacked), or labels of a single class.
 */
export async function readIdxPair(files: readonly IdxFile[], opts: IdxPairOptions = {}): Promise<IdxPair> {
  const { images, labels } = sortPair(files);
  const count = images.header.count;
  if (count !== labels.header.count) {
    throw new UserFileError(
      `${images.file.name} has ${formatCount(count)} images but ${labels.file.name} has ${formatCount(labels.header.count)} labels: choose the label file that goes with these images`,
    );
  }
  const labelIds = parseIdxLabels(await unpackIdx(labels.file.bytes, labels.file.name, opts), labels.file.name);
  opts.onProgress?.(0, count);
  const unpacked = await unpackIdx(images.file.bytes, images.file.name, {
    ...opts,
    onFraction: (share) => opts.onProgress?.(Math.floor(share * count), count),
  });
  const pixels = parseIdxImages(unpacked, images.file.name);
  let top = 0;
  const seen = new Set<number>();
  for (const id of labelIds) {
    seen.add(id);
    if (id > top) top = id;
  }
  if (seen.size < 2) throw new UserFileError(`every label is ${top}: a classifier needs at least two classes`, labels.file.name);
  const given = opts.classNames;
  const classNames = given !== undefined && given.length === top + 1 ? given : Array.from({ length: top + 1 }, (_, id) => String(id));
  return { images: pixels, labels: labelIds, imagesFile: images.file.name, labelsFile: labels.file.name, classNames };
}
