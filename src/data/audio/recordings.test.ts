import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { recordingEntries, recordingsProblem, recordingsZip } from './recordings';
import type { Pcm } from './types';
import { decodeWav } from './wav';

const clip = (value: number): Pcm => ({ samples: new Float32Array(4800).fill(value), sampleRate: 48000 });

describe('recordings', () => {
  it('are ready as data with two named classes that each have clips', () => {
    expect(
      recordingsProblem([
        { name: 'yes', clips: [clip(0.1)] },
        { name: 'no', clips: [clip(0.2)] },
      ]),
    ).toBeNull();
    expect(
      recordingsProblem([
        { name: 'yes', clips: [clip(0.1)] },
        { name: 'no', clips: [] },
      ]),
    ).toBe('record clips for at least two classes');
    expect(
      recordingsProblem([
        { name: 'yes', clips: [clip(0.1)] },
        { name: 'no', clips: [clip(0.1)] },
        { name: 'up', clips: [] },
      ]),
    ).toBe('record a clip for "up" or remove it');
    expect(
      recordingsProblem([
        { name: 'yes', clips: [clip(0.1)] },
        { name: ' yes ', clips: [clip(0.1)] },
      ]),
    ).toBe('two classes are named "yes"');
    expect(
      recordingsProblem([
        { name: 'a/b', clips: [clip(0.1)] },
        { name: 'c', clips: [clip(0.1)] },
      ]),
    ).toContain('cannot be a folder name');
    expect(
      recordingsProblem([
        { name: ' ', clips: [clip(0.1)] },
        { name: 'c', clips: [clip(0.1)] },
      ]),
    ).toBe('give every class a name');
  });

  it('become 16-bit WAV files under Recordings/<class>/, as entries and as a zip', async () => {
    const classes = [
      { name: 'yes', clips: [clip(0.25), clip(-0.5)] },
      { name: 'no', clips: [clip(0.75)] },
    ];
    const entries = recordingEntries(classes);
    expect(entries.map((e) => e.path)).toEqual(['Recordings/yes/yes-001.wav', 'Recordings/yes/yes-002.wav', 'Recordings/no/no-001.wav']);
    const first = decodeWav(await (entries[0] as (typeof entries)[number]).read());
    expect(first.sampleRate).toBe(48000);
    expect(first.samples[0]).toBeCloseTo(0.25, 4);
    const zip = unzipSync(recordingsZip(classes));
    expect(Object.keys(zip)).toEqual(entries.map((e) => e.path));
    expect(decodeWav(zip['Recordings/no/no-001.wav'] as Uint8Array).samples[10]).toBeCloseTo(0.75, 4);
  });
});
