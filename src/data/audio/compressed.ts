/**
 * FLAC, Ogg Vorbis and MP3 clips where no browser decodes them (the command line): the
 * wasm-audio-decoders builds of libFLAC, libvorbis and mpg123, the libraries libsndfile (the
 * exported Keras script's soundfile) uses too. Channels are averaged to mono as the page's Web
 * Audio decoder does; clips keep their own rate (resampled later by resample.ts, where the browser
 * would resample them itself).
 */
import { FLACDecoder } from '@wasm-audio-decoders/flac';
import { OggVorbisDecoder } from '@wasm-audio-decoders/ogg-vorbis';
import { MPEGDecoder } from 'mpg123-decoder';
import { assertNever } from '../../lib/assert-never';
import { UserFileError } from '../../lib/errors';
import type { Pcm } from './types';

/** The compressed formats {@link createCompressedDecoder} reads. */
export type CompressedFormat = 'FLAC' | 'Ogg Vorbis' | 'MP3';

const ascii = (bytes: Uint8Array, from: number, length: number) => String.fromCharCode(...bytes.subarray(from, from + length));

/** The format of a clip by its first bytes, or a UserFileError reason when it is not one of them. */
export function compressedFormatOf(bytes: Uint8Array): CompressedFormat | { readonly reason: string } {
  if (ascii(bytes, 0, 4) === 'fLaC') return 'FLAC';
  if (ascii(bytes, 0, 4) === 'OggS') {
    // The first page holds the codec's identification header.
    const head = ascii(bytes, 0, Math.min(bytes.length, 128));
    if (head.includes('\x01vorbis')) return 'Ogg Vorbis';
    if (head.includes('OpusHead')) return { reason: 'is Opus in Ogg, which the command line does not decode: convert it to WAV or FLAC' };
    return { reason: 'is an Ogg file of a codec the command line does not decode (it reads Vorbis): convert it to WAV or FLAC' };
  }
  // An ID3 tag, or straight into an MPEG audio frame (11 sync bits, layer III).
  if (ascii(bytes, 0, 3) === 'ID3' || (bytes[0] === 0xff && ((bytes[1] ?? 0) & 0xe6) === 0xe2)) return 'MP3';
  return { reason: 'is not WAV, FLAC, Ogg Vorbis or MP3, which the command line reads: convert it to WAV' };
}

/** Reads compressed clips, one wasm decoder per format made on first use; `free` releases them. */
export interface CompressedDecoder {
  decode(bytes: Uint8Array): Promise<Pcm>;
  free(): void;
}

interface Decoded {
  readonly channelData: readonly Float32Array[];
  readonly samplesDecoded: number;
  readonly sampleRate: number;
  readonly errors: readonly { readonly message: string }[];
}

/** A new decoder with no wasm instance made yet. */
export function createCompressedDecoder(): CompressedDecoder {
  let flac: FLACDecoder | null = null;
  let vorbis: OggVorbisDecoder | null = null;
  let mpeg: MPEGDecoder | null = null;

  const run = async (format: CompressedFormat, bytes: Uint8Array): Promise<Decoded & { readonly value: (v: number) => number }> => {
    switch (format) {
      case 'FLAC': {
        flac ??= new FLACDecoder();
        await flac.ready;
        // decodeFile resets the decoder itself, ready for the next clip.
        const out = await flac.decodeFile(bytes);
        // libFLAC's integers come back divided by 2^(bits-1) - 1; Web Audio and libsndfile divide
        // by 2^(bits-1): the integer back, then divided as they do, gives the browser's samples.
        const full = 2 ** (out.bitDepth - 1);
        return { ...out, value: (v) => Math.round(v * (full - 1)) / full };
      }
      case 'Ogg Vorbis': {
        vorbis ??= new OggVorbisDecoder();
        await vorbis.ready;
        const out = await vorbis.decodeFile(bytes);
        return { ...out, value: same };
      }
      case 'MP3': {
        mpeg ??= new MPEGDecoder();
        await mpeg.ready;
        const out = mpeg.decode(bytes);
        // decode is for a stream: reset, so the next clip does not start in this one's state.
        await mpeg.reset();
        return { ...out, value: same };
      }
      default:
        return assertNever(format, 'compressed format');
    }
  };

  return {
    async decode(bytes) {
      const format = compressedFormatOf(bytes);
      if (typeof format !== 'string') throw new UserFileError(format.reason);
      const out = await run(format, bytes);
      if (out.samplesDecoded === 0 || out.channelData.length === 0) {
        const why = out.errors[0]?.message;
        throw new UserFileError(`cannot be decoded as ${format}${why ? ` (${why})` : ' (no audio in it)'}`);
      }
      return { samples: mono(out.channelData, out.samplesDecoded, out.value), sampleRate: out.sampleRate };
    },
    free() {
      flac?.free();
      vorbis?.free();
      mpeg?.free();
      flac = vorbis = mpeg = null;
    },
  };
}

const same = (v: number) => v;

/** Channels averaged as the page's decoder averages them (each added divided by the count), each sample read through `value`. */
function mono(channels: readonly Float32Array[], length: number, value: (v: number) => number): Float32Array {
  const samples = new Float32Array(length);
  for (const channel of channels) for (let i = 0; i < length; i++) samples[i] = (samples[i] as number) + value(channel[i] as number) / channels.length;
  return samples;
}
