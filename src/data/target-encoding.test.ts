import { describe, expect, it } from 'vitest';
import { withTargetEncoding } from './target-encoding';
import type { Dataset, SplitDataset } from './types';

const data = (y: number[], width: number): Dataset => ({
  x: new Float32Array(y.length / width),
  y: new Float32Array(y),
  count: y.length / width,
  featureShape: [1],
  targetShape: [width],
  task: 'classification',
});
const split = (y: number[], width: number): SplitDataset => ({ train: data(y, width), validation: data([], width) });

describe('withTargetEncoding', () => {
  it('turns one-hot rows of two classes into 0/1 and back', () => {
    const binary = withTargetEncoding(split([1, 0, 0, 1, 0, 1], 2), 'onehot', 'binary', 2);
    expect(Array.from(binary.train.y)).toEqual([0, 1, 1]);
    expect(binary.train.targetShape).toEqual([1]);
    const back = withTargetEncoding(binary, 'binary', 'onehot', 2);
    expect(Array.from(back.train.y)).toEqual([1, 0, 0, 1, 0, 1]);
    expect(back.train.targetShape).toEqual([2]);
  });

  it('turns class ids into one-hot rows and one-hot rows into ids', () => {
    expect(Array.from(withTargetEncoding(split([2, 0], 1), 'integer', 'onehot', 3).train.y)).toEqual([0, 0, 1, 1, 0, 0]);
    expect(Array.from(withTargetEncoding(split([0, 0, 1, 0, 1, 0], 3), 'onehot', 'integer', 3).train.y)).toEqual([2, 1]);
  });

  it('leaves regression targets and equal encodings alone', () => {
    const same = split([0.5, 2], 1);
    expect(withTargetEncoding(same, 'regression', 'onehot', 2)).toBe(same);
    expect(withTargetEncoding(same, 'integer', 'integer', 3)).toBe(same);
  });
});
