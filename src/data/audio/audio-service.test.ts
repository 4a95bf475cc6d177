import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { SentFile } from '../images/image-protocol';
import type { AudioResponse } from './audio-protocol';
import { createAudioService } from './audio-service';
import { audioFeatureShape, DEFAULT_AUDIO_SETTINGS } from './settings';
import { clipFeatures } from './spectrogram';
import type { Pcm } from './types';
import { decodeWav, encodeWav } from './wav';

const tone = (hz: number, seconds: number, rate: number): Pcm => {
  const samples = new Float32Array(Math.round(seconds * rate));
  for (let i = 0; i < samples.length; i++) samples[i] = 0.5 * Math.sin((2 * Math.PI * hz * i) / rate);
  return { samples, sampleRate: rate };
};

/** Two classes of tones at other rates and lengths than the settings', a broken WAV and a text file. */
function files(): Record<string, Uint8Array> {
  return {
    'tones/low/a.wav': encodeWav(tone(300, 0.8, 22050)),
    'tones/low/b.wav': encodeWav(tone(320, 1.3, 44100), 8),
    'tones/high/a.wav': encodeWav(tone(3000, 1, 16000)),
    'tones/high/b.wav': encodeWav(tone(3200, 0.5, 8000)),
    'tones/high/broken.wav': new Uint8Array([1, 2, 3, 4]),
    'tones/high/notes.txt': new TextEncoder().encode('not a clip'),
    'tones/low/c.mp3': new Uint8Array(64),
  };
}

const collect = () => {
  const out: AudioResponse[] = [];
  return { out, post: (m: AudioResponse) => out.push(m) };
};

describe('audio service', () => {
  it('turns a zip of WAV clips per class into spectrograms, skipping what it cannot read with the reason', async () => {
    const service = createAudioService({ pageDecodes: false });
    const { out, post } = collect();
    const sent: SentFile = { path: 'tones.zip', size: 0, bytes: zipSync(files()), zip: true };
    await service.handle({ type: 'load', id: 1, files: [sent], settings: DEFAULT_AUDIO_SETTINGS, pickedFolder: false }, post);
    const done = out.find((m) => m.type === 'done');
    if (done?.type !== 'done') throw new Error(JSON.stringify(out.at(-1)));
    const { dataset, counts, skipped, previews } = done.result;
    expect(dataset.classNames).toEqual(['high', 'low']);
    expect(counts).toEqual({ high: 2, low: 2 });
    expect(dataset.featureShape).toEqual(audioFeatureShape(DEFAULT_AUDIO_SETTINGS));
    expect(dataset.featureShape).toEqual([49, 40, 1]);
    expect(skipped.map((s) => `${s.path}: ${s.reason}`)).toEqual([
      expect.stringMatching(/^tones\/high\/broken\.wav: .*WAV/),
      'tones/high/notes.txt: not a sound file (.txt)',
      'tones/low/c.mp3: is not a WAV file, and no page is here to decode it',
    ]);
    // The first sample is the first high clip's spectrogram (of its 16-bit WAV), made as a single clip is.
    const size = 49 * 40;
    const a = clipFeatures(decodeWav(encodeWav(tone(3000, 1, 16000))), DEFAULT_AUDIO_SETTINGS);
    expect(Array.from(dataset.x.subarray(0, size))).toEqual(Array.from(a));
    expect(Array.from(dataset.y)).toEqual([1, 0, 1, 0, 0, 1, 0, 1]);
    expect(previews.high?.path).toBe('tones/high/a.wav');
    expect(previews.high?.waveform.length).toBe(400);
    // The clip to play is the one the model hears: 1 s at 16 kHz; the 0.8 s low clip at 22.05 kHz resampled and padded.
    expect(previews.high?.clip.length).toBe(16000);
    expect(previews.low?.clip.length).toBe(16000);
    expect(previews.low?.clip.subarray(13000).every((v) => v === 0)).toBe(true);
  });

  it('asks the page to decode a clip that is no WAV, and uses what it answers', async () => {
    const service = createAudioService({ pageDecodes: true });
    const out: AudioResponse[] = [];
    const post = (m: AudioResponse) => {
      out.push(m);
      if (m.type === 'decode') void service.handle({ type: 'decoded', id: m.id, path: m.path, pcm: tone(250, 1, 16000) }, post);
    };
    const entries = Object.entries(files()).map(([path, bytes]): SentFile => ({ path, size: bytes.length, bytes }));
    await service.handle({ type: 'load', id: 7, files: entries, settings: DEFAULT_AUDIO_SETTINGS, pickedFolder: true }, post);
    expect(out.filter((m) => m.type === 'decode').map((m) => m.type === 'decode' && m.path)).toEqual(['tones/low/c.mp3']);
    const done = out.find((m) => m.type === 'done');
    expect(done?.type === 'done' && done.result.counts).toEqual({ high: 2, low: 3 });
  });

  it('refuses settings that make no spectrogram, saying which', async () => {
    const service = createAudioService({ pageDecodes: false });
    const { out, post } = collect();
    const sent: SentFile = { path: 'tones.zip', size: 0, bytes: zipSync(files()), zip: true };
    await service.handle({ type: 'load', id: 2, files: [sent], settings: { ...DEFAULT_AUDIO_SETTINGS, upperHz: 9000 }, pickedFolder: false }, post);
    expect(out.at(-1)).toEqual({
      type: 'error',
      id: 2,
      message: 'the audio settings do not make a spectrogram: the highest mel frequency (9000 Hz) is above half the sample rate (8000 Hz)',
    });
  });

  it('says a folder of one class needs another', async () => {
    const service = createAudioService({ pageDecodes: false });
    const { out, post } = collect();
    const bytes = encodeWav(tone(300, 1, 16000));
    await service.handle(
      { type: 'load', id: 3, files: [{ path: 'x/yes/1.wav', size: bytes.length, bytes }], settings: DEFAULT_AUDIO_SETTINGS, pickedFolder: false },
      post,
    );
    expect(out.at(-1)).toMatchObject({ type: 'error', message: expect.stringContaining('only one class (yes)') });
  });

  it('makes the spectrogram of one clip to try the model on', async () => {
    const service = createAudioService({ pageDecodes: false });
    const { out, post } = collect();
    await service.handle({ type: 'features', id: 4, pcm: tone(440, 2, 48000), settings: DEFAULT_AUDIO_SETTINGS }, post);
    const answer = out[0];
    expect(answer?.type).toBe('features');
    if (answer?.type === 'features') expect(Array.from(answer.x)).toEqual(Array.from(clipFeatures(tone(440, 2, 48000), DEFAULT_AUDIO_SETTINGS)));
  });
});
