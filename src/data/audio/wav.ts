/**
 * WAV files in and out: a RIFF/WAVE reader for what recorders and datasets write (integer PCM of
 * 8 to 32 bits, IEEE float, WAVE_FORMAT_EXTENSIBLE, any number of channels) and a mono PCM writer
 * for clips recorded in the browser. The exported Keras script reads WAV by the same rules
 * (src/compile/keras-python-audio.ts).
 */
import { UserFileError } from '../../lib/errors';
import type { Pcm } from './types';

const FORMAT_PCM = 1;
const FORMAT_FLOAT = 3;
const FORMAT_EXTENSIBLE = 0xfffe;

/** Formats people meet inside WAV files that hold no PCM, named so the message says what the file is. */
const COMPRESSED: Readonly<Record<number, string>> = {
  2: 'Microsoft ADPCM',
  6: 'A-law',
  7: 'mu-law',
  17: 'IMA ADPCM',
  49: 'GSM 6.10',
  80: 'MPEG audio in WAV',
  85: 'MP3 in WAV',
};

const ascii = (bytes: Uint8Array, at: number) => String.fromCharCode(bytes[at] ?? 0, bytes[at + 1] ?? 0, bytes[at + 2] ?? 0, bytes[at + 3] ?? 0);

/** Whether the bytes start like a WAV file (RIFF header, WAVE form type). */
export function isWavBytes(bytes: Uint8Array): boolean {
  return bytes.length >= 12 && ascii(bytes, 0) === 'RIFF' && ascii(bytes, 8) === 'WAVE';
}

interface Format {
  readonly format: number;
  readonly channels: number;
  readonly sampleRate: number;
  readonly bits: number;
}

function readFormat(view: DataView, at: number, size: number, fail: (why: string) => never): Format {
  if (size < 16) fail('has a broken format chunk');
  let format = view.getUint16(at, true);
  const channels = view.getUint16(at + 2, true);
  const sampleRate = view.getUint32(at + 4, true);
  const bits = view.getUint16(at + 14, true);
  // Extensible: the real format is the first two bytes of the sub-format GUID.
  if (format === FORMAT_EXTENSIBLE) {
    if (size < 40) fail('has a broken extensible format chunk');
    format = view.getUint16(at + 24, true);
  }
  if (format !== FORMAT_PCM && format !== FORMAT_FLOAT) {
    const name = COMPRESSED[format];
    fail(`uses WAV format ${format}${name ? ` (${name})` : ''}, which Netloom cannot read: save it as PCM WAV`);
  }
  if (channels === 0) fail('has no channels');
  if (sampleRate === 0) fail('has a sample rate of 0 Hz');
  const ok = format === FORMAT_PCM ? [8, 16, 24, 32].includes(bits) : bits === 32 || bits === 64;
  if (!ok) fail(`uses ${bits}-bit ${format === FORMAT_PCM ? 'integer' : 'float'} samples, which Netloom cannot read`);
  return { format, channels, sampleRate, bits };
}

/** One sample of the given width at a byte offset, scaled to [-1, 1]. */
function sampleReader(view: DataView, f: Format): (at: number) => number {
  if (f.format === FORMAT_FLOAT) return f.bits === 32 ? (at) => view.getFloat32(at, true) : (at) => view.getFloat64(at, true);
  switch (f.bits) {
    case 8:
      return (at) => (view.getUint8(at) - 128) / 128;
    case 16:
      return (at) => view.getInt16(at, true) / 32768;
    case 24:
      return (at) => ((view.getUint8(at + 2) << 24) | (view.getUint8(at + 1) << 16) | (view.getUint8(at) << 8)) / 2147483648;
    default:
      return (at) => view.getInt32(at, true) / 2147483648;
  }
}

/**
 * Decodes a WAV file to mono samples (channels averaged). Unknown chunks are skipped, odd chunk
 * sizes padded as RIFF asks, and a data size past the end of the file (streaming recorders write
 * 0xFFFFFFFF) cut to what is there. Throws `UserFileError` saying what is wrong with a file it
 * cannot read.
 */
export function decodeWav(bytes: Uint8Array, path?: string): Pcm {
  const fail = (why: string): never => {
    throw new UserFileError(why, path);
  };
  if (!isWavBytes(bytes)) fail('is not a WAV file (no RIFF/WAVE header)');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let format: Format | undefined;
  let data: { at: number; size: number } | undefined;
  let at = 12;
  while (at + 8 <= bytes.length && data === undefined) {
    const id = ascii(bytes, at);
    const size = Math.min(view.getUint32(at + 4, true), bytes.length - at - 8);
    if (id === 'fmt ') format = readFormat(view, at + 8, size, fail);
    else if (id === 'data') data = { at: at + 8, size };
    at += 8 + size + (size % 2);
  }
  if (format === undefined) return fail(data === undefined ? 'has no audio data' : 'has no format chunk before its audio data');
  if (data === undefined) return fail('has no audio data');
  const width = format.bits / 8;
  const stride = width * format.channels;
  const frames = Math.floor(data.size / stride);
  if (frames === 0) fail('has no audio data');
  const read = sampleReader(view, format);
  const samples = new Float32Array(frames);
  for (let i = 0; i < frames; i++) {
    const base = data.at + i * stride;
    let sum = 0;
    for (let c = 0; c < format.channels; c++) sum += read(base + c * width);
    samples[i] = sum / format.channels;
  }
  return { samples, sampleRate: format.sampleRate };
}

/** A mono PCM WAV file of the samples, clipped to [-1, 1]: 16-bit by default, or 8-bit unsigned. */
export function encodeWav(pcm: Pcm, bits: 8 | 16 = 16): Uint8Array {
  const width = bits / 8;
  const size = pcm.samples.length * width;
  const bytes = new Uint8Array(44 + size + (size % 2));
  const view = new DataView(bytes.buffer);
  const text = (at: number, s: string) => {
    for (let i = 0; i < 4; i++) bytes[at + i] = s.charCodeAt(i);
  };
  text(0, 'RIFF');
  view.setUint32(4, bytes.length - 8, true);
  text(8, 'WAVE');
  text(12, 'fmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, FORMAT_PCM, true);
  view.setUint16(22, 1, true);
  view.setUint32(24, pcm.sampleRate, true);
  view.setUint32(28, pcm.sampleRate * width, true);
  view.setUint16(32, width, true);
  view.setUint16(34, bits, true);
  text(36, 'data');
  view.setUint32(40, size, true);
  pcm.samples.forEach((v, i) => {
    const x = Math.max(-1, Math.min(1, Number.isNaN(v) ? 0 : v));
    // Symmetric rounding to the nearest step; +1 reaches the largest code, not one past it.
    if (bits === 8) view.setUint8(44 + i, Math.min(255, Math.round(x * 128) + 128));
    else view.setInt16(44 + 2 * i, Math.min(32767, Math.round(x * 32768)), true);
  });
  return bytes;
}
