/**
 * The file names a zip holds, read from its end without reading the rest: the end-of-central-
 * directory record, then the central directory alone. This is what lets the page tell a dropped
 * zip of sound clips from a zip of images before handing it to the right worker, without loading
 * a file of hundreds of MB into the page.
 */

/** Reads bytes `[start, end)` of the file (`Blob.slice(...).arrayBuffer()` in the page). */
export type ReadRange = (start: number, end: number) => Promise<Uint8Array>;

const EOCD_SIGNATURE = 0x06054b50;
const ENTRY_SIGNATURE = 0x02014b50;
const EOCD_SIZE = 22;
// The end record is followed by a comment of at most 65,535 bytes.
const EOCD_SEARCH = EOCD_SIZE + 0xffff;
/** A central directory larger than this is not read (20,000 entries with long names fit well inside). */
const MAX_DIRECTORY_BYTES = 16 << 20;

const u16 = (b: Uint8Array, at: number) => (b[at] ?? 0) | ((b[at + 1] ?? 0) << 8);
const u32 = (b: Uint8Array, at: number) => (u16(b, at) | (u16(b, at + 2) << 16)) >>> 0;

/**
 * The names of a zip's entries (folders included, as the zip lists them), or null when the
 * file is not a zip this can read from its end (no end record, ZIP64, a directory out of range).
 */
export async function zipNames(size: number, read: ReadRange): Promise<string[] | null> {
  if (size < EOCD_SIZE) return null;
  const tailStart = Math.max(0, size - EOCD_SEARCH);
  const tail = await read(tailStart, size);
  let end = -1;
  for (let at = tail.length - EOCD_SIZE; at >= 0; at--) {
    // The signature may also occur inside the comment: the real record's comment ends the file.
    if (u32(tail, at) === EOCD_SIGNATURE && at + EOCD_SIZE + u16(tail, at + 20) === tail.length) {
      end = at;
      break;
    }
  }
  if (end < 0) return null;
  const count = u16(tail, end + 10);
  const dirSize = u32(tail, end + 12);
  const dirOffset = u32(tail, end + 16);
  // 0xffff / 0xffffffff mean the real values are in a ZIP64 record: not read here.
  if (count === 0xffff || dirOffset === 0xffffffff || dirSize > MAX_DIRECTORY_BYTES || dirOffset + dirSize > tailStart + end) return null;
  const dir = await read(dirOffset, dirOffset + dirSize);
  const decoder = new TextDecoder();
  const names: string[] = [];
  let at = 0;
  for (let i = 0; i < count; i++) {
    if (at + 46 > dir.length || u32(dir, at) !== ENTRY_SIGNATURE) return null;
    const nameLength = u16(dir, at + 28);
    const skip = u16(dir, at + 30) + u16(dir, at + 32);
    names.push(decoder.decode(dir.subarray(at + 46, at + 46 + nameLength)));
    at += 46 + nameLength + skip;
  }
  return names;
}

/** `zipNames` of a Blob or File, reading only its end and its central directory. */
export function blobZipNames(blob: Blob): Promise<string[] | null> {
  return zipNames(blob.size, async (start, end) => new Uint8Array(await blob.slice(start, end).arrayBuffer()));
}
