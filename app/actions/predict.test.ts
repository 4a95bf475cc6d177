import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseCsvText } from '../../src/data/csv';
import { defaultPlan } from '../../src/data/plan';
import { fitPreprocessing } from '../../src/data/preprocess';
import type { Dataset } from '../../src/data/types';
import { UserFileError } from '../../src/lib/errors';
import { trainer } from '../services';
import { predictImage, predictRow } from './predict';

const table = parseCsvText('a,b,label\n1,2,x\n3,4,y\n5,6,x\n', 't.csv');
const fitted = fitPreprocessing(table, defaultPlan(table));
const images: Dataset = {
  x: new Float32Array(4),
  y: new Float32Array(2),
  count: 1,
  featureShape: [2, 2, 1],
  targetShape: [2],
  task: 'classification',
  classNames: ['a', 'b'],
};
const picture = new File([new Uint8Array([1, 2, 3])], 'cat.png');

afterEach(() => vi.restoreAllMocks());

describe('predictRow', () => {
  it('sends the row through the fitted preprocessing and decodes the class', async () => {
    const predict = vi.spyOn(trainer, 'predict').mockResolvedValue(Float32Array.of(0.2, 0.8));
    const prediction = await predictRow('3, 4', fitted);
    expect(predict.mock.calls[0]?.[1]).toBe(1);
    expect(predict.mock.calls[0]?.[0]).toHaveLength(2);
    expect(prediction).toMatchObject({ kind: 'class' });
  });

  it('says how many values it needs, and asks the model nothing', async () => {
    const predict = vi.spyOn(trainer, 'predict');
    await expect(predictRow('1', fitted)).rejects.toThrow('enter 2 values (a, b), got 1');
    expect(predict).not.toHaveBeenCalled();
  });
});

describe('predictImage', () => {
  it('resizes the picture as the training images were', async () => {
    const predict = vi.spyOn(trainer, 'predict').mockResolvedValue(Float32Array.of(1, 0));
    const decode = () => Promise.resolve({ width: 4, height: 4, rgba: new Uint8ClampedArray(64).fill(255) });
    expect(await predictImage(picture, images, 'pad', decode)).toEqual(Float32Array.of(1, 0));
    expect(predict.mock.calls[0]?.[0]).toHaveLength(4);
  });

  it('names the file: with our reason when we refused it, else as not a readable image', async () => {
    await expect(predictImage(picture, images, 'pad', () => Promise.reject(new UserFileError('has 50 megapixels')))).rejects.toThrow(
      'cat.png: has 50 megapixels',
    );
    await expect(predictImage(picture, images, 'pad', () => Promise.reject(new Error('bad PNG')))).rejects.toThrow('cat.png: not a readable image (bad PNG)');
  });
});
