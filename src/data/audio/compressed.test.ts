/**
 * The command line's FLAC, Ogg Vorbis and MP3 decoding against libsndfile's (1.2.2, through
 * soundfile 0.14), on clips other tools wrote: SoX's FLAC and Ogg Vorbis from the browser
 * journey's fixtures, and an MP3 libsndfile encoded (LAME). fixtures/libsndfile/<clip>.f32 is what
 * libsndfile decodes, channels averaged, as little-endian float32.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compressedFormatOf, createCompressedDecoder } from './compressed';

const fixture = (name: string) => new Uint8Array(readFileSync(fileURLToPath(new URL(`../../../e2e/fixtures/audio/${name}`, import.meta.url))));
const reference = (name: string) => {
  const bytes = readFileSync(fileURLToPath(new URL(`./fixtures/libsndfile/${name}.f32`, import.meta.url)));
  return new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
};
const worst = (a: Float32Array, b: Float32Array) => a.reduce((w, v, i) => Math.max(w, Math.abs(v - (b[i] as number))), 0);

describe('FLAC, Ogg Vorbis and MP3 on the command line', () => {
  it.each([
    ['chirp.flac', 'FLAC', 22050, 0],
    ['hum.ogg', 'Ogg Vorbis', 22050, 1e-6],
    ['whistle.ogg', 'Ogg Vorbis', 16000, 1e-6],
    ['tone.mp3', 'MP3', 16000, 1e-5],
  ] as const)('decodes %s (%s) to libsndfile’s samples, its rate and length', async (name, format, rate, tolerance) => {
    const bytes = fixture(name);
    expect(compressedFormatOf(bytes)).toBe(format);
    const decoder = createCompressedDecoder();
    try {
      const pcm = await decoder.decode(bytes);
      const want = reference(name);
      expect(pcm.sampleRate).toBe(rate);
      expect(pcm.samples.length).toBe(want.length);
      // 16-bit FLAC is lossless: the very samples; the lossy codecs within their decoders' rounding.
      expect(worst(pcm.samples, want)).toBeLessThanOrEqual(tolerance);
      // One decoder reads clip after clip of a folder.
      expect((await decoder.decode(bytes)).samples).toEqual(pcm.samples);
    } finally {
      decoder.free();
    }
  });

  it('names what it cannot read: Opus, another Ogg codec, a cut FLAC, something else', async () => {
    const decoder = createCompressedDecoder();
    const text = (s: string) => new TextEncoder().encode(s);
    const ogg = (codec: string) => Uint8Array.from([...text('OggS'), ...new Uint8Array(24), ...text(codec)]);
    try {
      await expect(decoder.decode(ogg('OpusHead'))).rejects.toThrow('is Opus in Ogg, which the command line does not decode: convert it to WAV or FLAC');
      await expect(decoder.decode(ogg('\x7fFLAC'))).rejects.toThrow('is an Ogg file of a codec the command line does not decode (it reads Vorbis)');
      await expect(decoder.decode(fixture('chirp.flac').subarray(0, 40))).rejects.toThrow(/^cannot be decoded as FLAC/);
      await expect(decoder.decode(text('ftypM4A an AAC clip'))).rejects.toThrow(
        'is not WAV, FLAC, Ogg Vorbis or MP3, which the command line reads: convert it to WAV',
      );
    } finally {
      decoder.free();
    }
  });
});
