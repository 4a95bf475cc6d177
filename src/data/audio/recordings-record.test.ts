import { describe, expect, it } from 'vitest';
import { UserFileError } from '../../lib/errors';
import { clipOf, mergeRecordings, readRecordings, recordBytes, recordingsRecord, storedClip } from './recordings-record';
import type { Pcm } from './types';
import { encodeWav } from './wav';

const tone = (rate: number, n = 4800): Pcm => ({ samples: Float32Array.from({ length: n }, (_, i) => 0.5 * Math.sin(i / 7)), sampleRate: rate });
const classes = [
  { name: 'yes', clips: [tone(48000), tone(44100, 300)] },
  { name: 'no', clips: [] },
];

describe('recordings record', () => {
  it('round-trips through structured clone (as IndexedDB stores it) with names, rates and WAV-identical samples', () => {
    const record = recordingsRecord(classes);
    expect(recordBytes(record)).toBe(2 * (4800 + 300));
    const back = readRecordings(structuredClone(record));
    expect(back.map((c) => [c.name, c.clips.map((p) => [p.sampleRate, p.samples.length])])).toEqual([
      [
        'yes',
        [
          [48000, 4800],
          [44100, 300],
        ],
      ],
      ['no', []],
    ]);
    back[0]?.clips.forEach((clip, i) => expect(encodeWav(clip, 16)).toEqual(encodeWav(classes[0]?.clips[i] as Pcm, 16)));
    expect(Math.abs((back[0]?.clips[0]?.samples[3] ?? 0) - (classes[0]?.clips[0]?.samples[3] ?? 0))).toBeLessThan(1 / 32768);
  });

  it('caps samples at full scale as the 16-bit WAV writer does', () => {
    const clip = clipOf(storedClip({ samples: new Float32Array([1, -1, 2, -2, 0]), sampleRate: 8000 }));
    expect(Array.from(clip.samples)).toEqual([32767 / 32768, -1, 32767 / 32768, -1, 0]);
  });

  it.each([
    ['not an object', 'text', /^recordings: expected object/],
    ['another format', { format: 'netloom-project', version: 1, classes: [] }, /^recordings\.format: /],
    ['a newer version', { format: 'netloom-recordings', version: 2, classes: [] }, /^recordings\.version: /],
    ['no classes', { format: 'netloom-recordings', version: 1, classes: [] }, /^recordings\.classes: /],
    [
      'samples as numbers',
      { format: 'netloom-recordings', version: 1, classes: [{ name: 'a', clips: [{ sampleRate: 16000, pcm16: [1, 2] }] }] },
      /^recordings\.classes\[0\]\.clips\[0\]\.pcm16: expected the samples as an ArrayBuffer$/,
    ],
    [
      'half a sample',
      { format: 'netloom-recordings', version: 1, classes: [{ name: 'a', clips: [{ sampleRate: 16000, pcm16: new ArrayBuffer(3) }] }] },
      /pcm16: holds an odd number of bytes/,
    ],
    [
      'no rate',
      { format: 'netloom-recordings', version: 1, classes: [{ name: 'a', clips: [{ pcm16: new ArrayBuffer(2) }] }] },
      /^recordings\.classes\[0\]\.clips\[0\]\.sampleRate is missing$/,
    ],
  ])('refuses a corrupt record (%s) with where it is wrong', (_, stored, message) => {
    expect(() => readRecordings(stored)).toThrow(UserFileError);
    expect(() => readRecordings(stored)).toThrow(message);
  });

  it('puts clips recorded before storage was read after the stored ones', () => {
    const stored = [
      { name: 'yes', clips: [tone(16000)] },
      { name: 'hum', clips: [] },
    ];
    expect(mergeRecordings(stored, [{ name: 'yes', clips: [] }])).toBe(stored);
    const extra = tone(8000);
    const merged = mergeRecordings(stored, [
      { name: 'yes', clips: [extra] },
      { name: 'up', clips: [extra] },
    ]);
    expect(merged.map((c) => [c.name, c.clips.length])).toEqual([
      ['yes', 2],
      ['hum', 0],
      ['up', 1],
    ]);
    expect(merged[0]?.clips[1]).toBe(extra);
  });
});
