import { describe, expect, it } from 'vitest';
import { classPixels, divergingPixels, greyPixels, rangeOf } from './pixels';
import { grid } from './insight-test-support';

const rgb = (pixels: Uint8ClampedArray, i: number) => Array.from(pixels.subarray(i * 4, i * 4 + 3));

describe('pixels of the views', () => {
  it('scales a picture from its own min (black) to max (white), a flat one mid-grey, skipping NaN', () => {
    const g = { width: 3, height: 1, values: Float32Array.of(-2, 0, 2) };
    expect(Array.from(greyPixels(g))).toEqual([0, 0, 0, 255, 128, 128, 128, 255, 255, 255, 255, 255]);
    expect(rgb(greyPixels(grid(2, 1, () => 5)), 1)).toEqual([128, 128, 128]);
    expect(rangeOf(Float32Array.of(NaN, 1, 3))).toEqual([1, 3]);
  });

  it('draws a unit orange below 0, blue above and white at 0', () => {
    const px = divergingPixels({ width: 3, height: 1, values: Float32Array.of(-1, 0, 0.5) });
    expect(rgb(px, 0)).toEqual([245, 147, 34]);
    expect(rgb(px, 1)).toEqual([255, 255, 255]);
    const [r, , b] = rgb(px, 2);
    expect(b).toBeGreaterThan(r as number);
  });

  it('colours the output by its most likely class, paler where it is less sure; a sigmoid is class 1 above 0.5', () => {
    const sure = classPixels([grid(2, 1, (x) => (x === 0 ? 1 : 0)), grid(2, 1, (x) => (x === 0 ? 0 : 1))]);
    expect(rgb(sure, 0)).not.toEqual(rgb(sure, 1));
    const unsure = classPixels([grid(1, 1, () => 0.55), grid(1, 1, () => 0.45)]);
    expect((rgb(unsure, 0)[0] as number) > (rgb(sure, 0)[0] as number)).toBe(true);
    const sigmoid = classPixels([{ width: 2, height: 1, values: Float32Array.of(1, 0) }]);
    expect(rgb(sigmoid, 0)).toEqual(rgb(sure, 1));
    expect(rgb(sigmoid, 1)).toEqual(rgb(sure, 0));
  });
});
