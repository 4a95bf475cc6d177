/**
 * The speech-command templates: they analyse cleanly on the default spectrogram, "fit the model to
 * this data" re-wires them to other audio settings and class counts, and both train in tfjs.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { toTfjsModel } from '../compile/to-tfjs';
import { audioFeatureShape, DEFAULT_AUDIO_SETTINGS } from '../data/audio/settings';
import { dataDiagnostics, wireModel, type DataSignature } from '../data/wiring';
import type { Graph } from '../graph/types';
import { analyze } from './analyze';
import { TEMPLATES, speechCnn, speechGru } from './templates';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const TEMPLATES_BY_NAME = [
  ['CNN', speechCnn],
  ['GRU', speechGru],
] as const;

/** Another dataset's clips: 61 frames of 32 mel bands, 5 words. */
const otherSettings: DataSignature = { featureShape: [61, 32, 1], task: 'classification', classes: 5, encoding: 'onehot' };

const denseUnits = (g: Graph): unknown[] => g.nodes.filter((n) => n.kind === 'Dense').map((n) => n.params.units);

describe('speech templates', () => {
  it('are offered under the audio words palette search looks for', () => {
    for (const id of ['speech-cnn', 'speech-gru']) {
      const t = TEMPLATES.find((x) => x.id === id);
      expect(t?.keywords, id).toEqual(expect.arrayContaining(['audio', 'sound', 'speech', 'spectrogram', 'keyword spotting', 'voice', 'microphone']));
    }
  });

  it.each(TEMPLATES_BY_NAME)('the %s reads the default spectrogram, gives 8 classes and has no diagnostics', (_name, build) => {
    const g = build();
    const a = analyze(g);
    expect(a.diagnostics).toEqual([]);
    const input = g.nodes.find((n) => n.kind === 'Input');
    expect(input?.params.shape).toEqual(audioFeatureShape(DEFAULT_AUDIO_SETTINGS));
    expect(a.nodes[a.outputs[0] ?? '']?.shape).toEqual([null, 8]);
    expect(a.total.trainable + a.total.nonTrainable).toBeLessThan(100_000);
  });

  it('counts the parameters: the CNN 27,980, the GRU 20,840', () => {
    expect(analyze(speechCnn()).total).toEqual({ trainable: 27_978, nonTrainable: 2 });
    // TimeDistributed(Flatten) gives [49, 40]: BatchNormalization over 40 bands, GRU(64) on 40 features (tfjs's reset_after=false).
    expect(analyze(speechGru()).total).toEqual({ trainable: 80 + 3 * (40 * 64 + 64 * 64 + 64) + 64 * 8 + 8, nonTrainable: 80 });
  });

  it.each(TEMPLATES_BY_NAME)('the %s is re-wired to 61x32 spectrograms and 5 classes with no diagnostics', (_name, build) => {
    const g = build();
    expect(dataDiagnostics(g, analyze(g), otherSettings).map((d) => d.code)).toContain('data-input-mismatch');
    const wired = wireModel(g, analyze(g), otherSettings);
    const after = analyze(wired);
    expect(after.diagnostics).toEqual([]);
    expect(dataDiagnostics(wired, after, otherSettings)).toEqual([]);
    expect(wired.nodes.find((n) => n.kind === 'Input')?.params.shape).toEqual([61, 32, 1]);
    expect(denseUnits(wired).at(-1)).toBe(5);
    expect(after.nodes[after.outputs[0] ?? '']?.shape).toEqual([null, 5]);
  });

  it.each(TEMPLATES_BY_NAME)('the %s compiles to tfjs and trains one batch on random spectrograms', async (_name, build) => {
    const model = toTfjsModel(tf, build());
    model.compile({ optimizer: tf.train.adam(0.001), loss: 'categoricalCrossentropy' });
    const n = 4;
    const x = tf.randomNormal([n, 49, 40, 1], -5, 2, 'float32', 1);
    const y = tf.oneHot(
      tf.tensor1d(
        Array.from({ length: n }, (_, i) => i % 8),
        'int32',
      ),
      8,
    );
    const loss = (await model.trainOnBatch(x, y)) as number;
    expect(Number.isFinite(loss)).toBe(true);
    expect(loss).toBeGreaterThan(0);
    tf.dispose([x, y]);
    model.dispose();
  });
});
