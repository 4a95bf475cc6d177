import { describe, expect, it } from 'vitest';
import { UserFileError } from '../../lib/errors';
import { decodeWav, encodeWav, isWavBytes } from './wav';

/** Little-endian bytes of integers of `width` bytes. */
function le(values: readonly number[], width: number): number[] {
  return values.flatMap((v) => Array.from({ length: width }, (_, i) => (v >> (8 * i)) & 0xff));
}

const text = (s: string) => Array.from(s, (c) => c.charCodeAt(0));

function chunk(id: string, body: readonly number[], declared = body.length): number[] {
  return [...text(id), ...le([declared], 4), ...body, ...(body.length % 2 === 1 ? [0] : [])];
}

function fmt(format: number, channels: number, rate: number, bits: number, extensibleOf?: number): number[] {
  const align = (channels * bits) / 8;
  const base = [...le([format, channels], 2), ...le([rate, rate * align], 4), ...le([align, bits], 2)];
  if (extensibleOf === undefined) return chunk('fmt ', base);
  // cbSize 22, valid bits, channel mask, then the sub-format GUID (format code first).
  const guid = [...le([extensibleOf], 2), 0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xaa, 0x00, 0x38, 0x9b, 0x71];
  return chunk('fmt ', [...base, ...le([22, bits], 2), ...le([channels === 2 ? 3 : 4], 4), ...guid]);
}

function riff(...chunks: number[][]): Uint8Array {
  const body = [...text('WAVE'), ...chunks.flat()];
  return Uint8Array.from([...text('RIFF'), ...le([body.length], 4), ...body]);
}

const float32 = (values: readonly number[]) => Array.from(new Uint8Array(Float32Array.from(values).buffer));
const float64 = (values: readonly number[]) => Array.from(new Uint8Array(Float64Array.from(values).buffer));

describe('decodeWav', () => {
  it('reads 8-bit unsigned PCM', () => {
    const pcm = decodeWav(riff(fmt(1, 1, 8000, 8), chunk('data', [0, 128, 255, 64])));
    expect(pcm.sampleRate).toBe(8000);
    expect(Array.from(pcm.samples)).toEqual([-1, 0, 127 / 128, -0.5]);
  });

  it('reads 16-bit PCM', () => {
    const pcm = decodeWav(riff(fmt(1, 1, 16000, 16), chunk('data', le([0, 16384, -32768, 32767], 2))));
    expect(Array.from(pcm.samples)).toEqual([0, 0.5, -1, Math.fround(32767 / 32768)]);
  });

  it('reads 24-bit PCM, sign-extended', () => {
    const pcm = decodeWav(riff(fmt(1, 1, 48000, 24), chunk('data', le([0x400000, -0x800000, -1, 0x7fffff], 3))));
    expect(Array.from(pcm.samples)).toEqual([0.5, -1, Math.fround(-1 / 8388608), Math.fround(0x7fffff / 8388608)]);
  });

  it('reads 32-bit integer PCM', () => {
    const pcm = decodeWav(riff(fmt(1, 1, 8000, 32), chunk('data', le([0x40000000, -0x80000000, -0x40000000], 4))));
    expect(Array.from(pcm.samples)).toEqual([0.5, -1, -0.5]);
  });

  it('reads 32- and 64-bit float', () => {
    expect(Array.from(decodeWav(riff(fmt(3, 1, 8000, 32), chunk('data', float32([0.25, -0.75])))).samples)).toEqual([0.25, -0.75]);
    expect(Array.from(decodeWav(riff(fmt(3, 1, 8000, 64), chunk('data', float64([0.125, 1.5])))).samples)).toEqual([0.125, 1.5]);
  });

  it('reads WAVE_FORMAT_EXTENSIBLE with a PCM or float sub-format', () => {
    const pcm = decodeWav(riff(fmt(0xfffe, 2, 44100, 24, 1), chunk('data', le([0x400000, 0, -0x400000, -0x400000], 3))));
    expect(pcm.sampleRate).toBe(44100);
    expect(Array.from(pcm.samples)).toEqual([0.25, -0.5]);
    expect(Array.from(decodeWav(riff(fmt(0xfffe, 1, 8000, 32, 3), chunk('data', float32([0.5])))).samples)).toEqual([0.5]);
  });

  it('averages any number of channels to mono', () => {
    const stereo = decodeWav(riff(fmt(1, 2, 8000, 16), chunk('data', le([16384, -16384, 32767, 32767], 2))));
    expect(Array.from(stereo.samples)).toEqual([0, Math.fround(32767 / 32768)]);
    const six = decodeWav(riff(fmt(1, 6, 8000, 8), chunk('data', [128, 128, 128, 128, 128, 255])));
    expect(six.samples[0]).toBeCloseTo(127 / 128 / 6, 7);
  });

  it('skips unknown chunks and pads odd ones', () => {
    const bytes = riff(chunk('LIST', text('INFOabc')), fmt(1, 1, 8000, 8), chunk('junk', [1, 2, 3]), chunk('data', [128, 192, 64]));
    expect(Array.from(decodeWav(bytes).samples)).toEqual([0, 0.5, -0.5]);
  });

  it('cuts a data size past the end of the file (0xFFFFFFFF from streaming recorders)', () => {
    const bytes = riff(fmt(1, 1, 8000, 16), chunk('data', le([16384, -16384, 5], 2), 0xffffffff));
    expect(Array.from(decodeWav(bytes).samples)).toEqual([0.5, -0.5, 5 / 32768].map(Math.fround));
    // A file cut mid-sample keeps its whole samples.
    expect(Array.from(decodeWav(bytes.subarray(0, bytes.length - 1)).samples)).toEqual([0.5, -0.5]);
  });

  it.each([
    ['not a WAV', Uint8Array.from(text('ID3\u0004 some mp3 bytes')), 'clip.wav: is not a WAV file (no RIFF/WAVE header)'],
    [
      'MP3 in WAV',
      riff(fmt(85, 1, 8000, 0), chunk('data', [1, 2])),
      'clip.wav: uses WAV format 85 (MP3 in WAV), which Netloom cannot read: save it as PCM WAV',
    ],
    ['ADPCM', riff(fmt(17, 1, 8000, 4), chunk('data', [1, 2])), 'clip.wav: uses WAV format 17 (IMA ADPCM), which Netloom cannot read: save it as PCM WAV'],
    ['no data chunk', riff(fmt(1, 1, 8000, 16)), 'clip.wav: has no audio data'],
    ['an empty data chunk', riff(fmt(1, 1, 8000, 16), chunk('data', [])), 'clip.wav: has no audio data'],
    ['data before format', riff(chunk('data', [1, 2]), fmt(1, 1, 8000, 16)), 'clip.wav: has no format chunk before its audio data'],
    ['12-bit samples', riff(fmt(1, 1, 8000, 12), chunk('data', [1, 2])), 'clip.wav: uses 12-bit integer samples, which Netloom cannot read'],
    ['a rate of 0', riff(fmt(1, 1, 0, 16), chunk('data', [1, 2])), 'clip.wav: has a sample rate of 0 Hz'],
  ])('says what is wrong with %s', (_what, bytes, message) => {
    expect(() => decodeWav(bytes, 'clip.wav')).toThrow(UserFileError);
    expect(() => decodeWav(bytes, 'clip.wav')).toThrow(message);
  });
});

describe('encodeWav', () => {
  const samples = Float32Array.from([0, 0.5, -0.5, 1, -1, 2, -3, 0.123]);

  it('writes 16-bit mono PCM that reads back within a step, clipped to [-1, 1]', () => {
    const bytes = encodeWav({ samples, sampleRate: 22050 });
    expect(isWavBytes(bytes)).toBe(true);
    expect(bytes.length).toBe(44 + 2 * samples.length);
    const back = decodeWav(bytes);
    expect(back.sampleRate).toBe(22050);
    const clipped = Array.from(samples, (v) => Math.max(-1, Math.min(1, v)));
    back.samples.forEach((v, i) => expect(Math.abs(v - (clipped[i] as number))).toBeLessThanOrEqual(1 / 32768));
  });

  it('writes 8-bit PCM, padded to an even size', () => {
    const bytes = encodeWav({ samples: samples.subarray(0, 7), sampleRate: 8000 }, 8);
    expect(bytes.length).toBe(44 + 8);
    const back = decodeWav(bytes);
    expect(back.samples.length).toBe(7);
    back.samples.forEach((v, i) => expect(Math.abs(v - Math.max(-1, Math.min(1, samples[i] as number)))).toBeLessThanOrEqual(1 / 128));
  });
});

describe('isWavBytes', () => {
  it('looks at the RIFF/WAVE header only', () => {
    expect(isWavBytes(riff())).toBe(true);
    expect(isWavBytes(Uint8Array.from(text('RIFF\0\0\0\0AVI ')))).toBe(false);
    expect(isWavBytes(new Uint8Array(4))).toBe(false);
  });
});
