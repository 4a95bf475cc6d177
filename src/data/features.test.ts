import { describe, expect, it } from 'vitest';
import { BYTE_VALUES, featureSlice, featureValue, featuresFloat32, gatherRows, pickRows, sampleRows } from './features';

const bytes = Uint8Array.from([0, 51, 255, 128, 1, 254]);
const floats = Float32Array.from(bytes, (b) => b / 255);

describe('feature stores', () => {
  it('reads uint8 grey levels exactly as the float32 store of level / 255', () => {
    expect(BYTE_VALUES).toHaveLength(256);
    for (let i = 0; i < bytes.length; i++) expect(featureValue(bytes, i)).toBe(floats[i]);
    expect(featuresFloat32(bytes)).toEqual(floats);
    expect(featureSlice(bytes, 1, 4)).toEqual(floats.slice(1, 4));
    expect(sampleRows({ x: bytes, featureShape: [2] }, 1, 2)).toEqual(floats.slice(2, 6));
  });

  it('reads float32 as it is, copying slices and keeping the whole store', () => {
    expect(featuresFloat32(floats)).toBe(floats);
    const slice = featureSlice(floats, 0, 2);
    slice[0] = 9;
    expect(floats[0]).toBe(0);
    expect(featureValue(floats, 2)).toBe(1);
  });

  it('gathers rows of a batch in the given order, as float32, from either store', () => {
    const order = Int32Array.from([2, 0, 1]);
    for (const store of [bytes, floats]) {
      expect(gatherRows(store, 2, order, 0, 2)).toEqual(Float32Array.from([floats[4], floats[5], floats[0], floats[1]] as number[]));
      expect(gatherRows(store, 2, order, 2, 3)).toEqual(floats.slice(2, 4));
      expect(gatherRows(store, 2, undefined, 1, 3)).toEqual(floats.slice(2, 6));
    }
  });

  it('picks rows into a store of the same kind', () => {
    const picked = pickRows(bytes, 2, [2, 0]);
    expect(picked).toBeInstanceOf(Uint8Array);
    expect(Array.from(picked)).toEqual([1, 254, 0, 51]);
    expect(pickRows(floats, 3, [1])).toEqual(floats.slice(3, 6));
  });
});
