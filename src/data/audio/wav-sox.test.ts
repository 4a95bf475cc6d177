import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeWav } from './wav';

// WAV files written by SoX 14.4.2, not by Netloom, beside SoX's own reading of each as raw mono
// float32 (`sox f.wav -t f32 -c 1 f.f32 remix -`, the channels averaged):
// 16-bit PCM, 24-bit stereo and 32-bit 3-channel (both WAVE_FORMAT_EXTENSIBLE), 32-bit float
// (with a fact chunk) and 8-bit unsigned.
const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`./fixtures/sox/${name}`, import.meta.url)));

describe('WAV files that SoX wrote', () => {
  it.each([
    ['pcm16', 22050],
    ['pcm24-stereo', 44100],
    ['pcm32-3ch', 48000],
    ['float32', 16000],
    ['u8', 8000],
  ])('%s reads as SoX reads it', (name, rate) => {
    const pcm = decodeWav(fixture(`${name}.wav`));
    const raw = fixture(`${name}.f32`);
    const sox = new Float32Array(raw.buffer, raw.byteOffset, raw.byteLength / 4);
    expect(pcm.sampleRate).toBe(rate);
    expect(pcm.samples.length).toBe(sox.length);
    let worst = 0;
    for (let i = 0; i < sox.length; i++) worst = Math.max(worst, Math.abs((pcm.samples[i] as number) - (sox[i] as number)));
    expect(worst).toBeLessThan(1e-6);
  });
});
