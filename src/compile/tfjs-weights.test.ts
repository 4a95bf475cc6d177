import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { GraphBuilder } from '../analysis/builder';
import { exportModelJson, saveArtifacts } from './tfjs-export';
import { applyWeights, importLayersModel } from './tfjs-import';
import { halfToFloat, readWeights } from './tfjs-weights';
import { toTfjsModel } from './to-tfjs';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

type Spec = tf.io.WeightsManifestEntry;

/** Quantizes float32 weights to uint8 the way the converter does: q = round((v - min) / scale). */
function quantizeUint8(specs: readonly Spec[], data: ArrayBuffer): { specs: Spec[]; bytes: Uint8Array } {
  const floats = new Float32Array(data);
  const out: number[] = [];
  let at = 0;
  const quantized = specs.map((spec): Spec => {
    const n = spec.shape.reduce((a, b) => a * b, 1);
    const values = floats.subarray(at, at + n);
    at += n;
    const min = Math.min(...values);
    const scale = (Math.max(...values) - min) / 255 || 1;
    for (const v of values) out.push(Math.round((v - min) / scale));
    return { ...spec, quantization: { dtype: 'uint8', scale, min } };
  });
  return { specs: quantized, bytes: Uint8Array.from(out) };
}

describe('quantized weights', () => {
  it('imports a uint8-quantized Dense model and predicts as tfjs loading the same file does', async () => {
    const b = new GraphBuilder();
    b.chain(b.input([5]), ['Dense', { units: 8, activation: 'relu' }], ['Dense', { units: 3 }]);
    const original = toTfjsModel(tf, b.graph);
    for (const v of original.weights) v.write(tf.randomUniform(v.shape as number[], -1, 1, 'float32', 3));
    const artifacts = await saveArtifacts(tf, original);
    const q = quantizeUint8(artifacts.weightSpecs ?? [], artifacts.weightData as ArrayBuffer);
    const files = exportModelJson({ ...artifacts, weightSpecs: q.specs, weightData: q.bytes.slice().buffer }, { graph: b.graph });
    expect(files.weights.byteLength).toBe(original.countParams());

    const json = JSON.parse(files.modelJson) as tf.io.ModelJSON;
    const imported = importLayersModel({ json, fileName: 'model.json', weightFiles: [{ name: 'model.weights.bin', bytes: files.weights }] });
    const rebuilt = toTfjsModel(tf, imported.graph);
    applyWeights(tf, rebuilt, imported.weights ?? []);
    const loaded = await tf.loadLayersModel(
      tf.io.fromMemory({ modelTopology: json.modelTopology, weightSpecs: q.specs, weightData: files.weights.slice().buffer }),
    );
    const x = tf.randomUniform([4, 5], -1, 1, 'float32', 5);
    const [ours, theirs, exact] = [rebuilt, loaded, original].map((m) => m.predict(x) as tf.Tensor);
    const diff = (a: tf.Tensor | undefined, c: tf.Tensor | undefined) => tf.max(tf.abs(tf.sub(a as tf.Tensor, c as tf.Tensor))).dataSync()[0] ?? NaN;
    expect(diff(ours, theirs)).toBeLessThan(1e-5);
    // And close to the unquantized model: each weight is off by at most half a step of 2/255.
    expect(diff(ours, exact)).toBeLessThan(0.2);
    expect(diff(ours, exact)).toBeGreaterThan(0);
    tf.dispose([x, ours, theirs, exact] as tf.Tensor[]);
    [original, rebuilt, loaded].forEach((m) => m.dispose());
  });

  it.each([
    ['uint16', { dtype: 'uint16', scale: 0.001, min: -3 }, 2],
    ['float16', { dtype: 'float16' }, 2],
    ['uint8 int32', { dtype: 'uint8', scale: 0.5, min: -10 }, 1],
  ] as const)('decodes %s exactly as tf.io.decodeWeights does', async (label, quantization, width) => {
    const dtype = label === 'uint8 int32' ? 'int32' : 'float32';
    const specs: Spec[] = [
      { name: 'l/a', shape: [7, 3], dtype, quantization: { ...quantization } },
      { name: 'l/b', shape: [5], dtype, quantization: { ...quantization } },
    ];
    // Random stored values; for float16, keep the exponent below 31 (no infinities or NaNs).
    const raw = Array.from({ length: 26 }, (_, i) => ((i * 7919 + 13) * 2654435761) % (width === 1 ? 256 : 0x7bff));
    const bytes = width === 1 ? Uint8Array.from(raw) : new Uint8Array(Uint16Array.from(raw).buffer);
    const ours = readWeights([{ paths: ['w.bin'], weights: specs }], [{ name: 'w.bin', bytes }]);
    const theirs = tf.io.decodeWeights(bytes.slice().buffer, specs);
    for (const w of ours) {
      const expected = await (theirs[w.name] as tf.Tensor).data();
      expect(Array.from(w.values)).toEqual(Array.from(expected));
    }
    tf.dispose(Object.values(theirs));
  });
});

describe('halfToFloat', () => {
  it.each([
    [0x3c00, 1],
    [0xc000, -2],
    [0x7bff, 65504],
    [0x0001, 2 ** -24],
    [0x8000, -0],
    [0x7c00, Infinity],
    [0xfc00, -Infinity],
    [0x3555, 0.333251953125],
  ])('0x%s', (bits, value) => {
    expect(halfToFloat(bits)).toBe(value);
  });

  it('gives NaN for NaN bits', () => {
    expect(halfToFloat(0x7e00)).toBeNaN();
  });
});
