import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseCsvText } from '../../src/data/csv';
import { defaultPlan } from '../../src/data/plan';
import { fitPreprocessing } from '../../src/data/preprocess';
import type { Dataset, FittedPreprocessing } from '../../src/data/types';
import { GraphBuilder } from '../../src/analysis/builder';
import { seedExample } from '../../src/analysis/templates';
import { UserFileError } from '../../src/lib/errors';
import { trainer } from '../services';
import { useStore } from '../store/store';
import { predictImage, predictRow, predictText } from './predict';

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

describe('predictText', () => {
  const reviews = parseCsvText(
    'review,label\n' + Array.from({ length: 20 }, (_, i) => `"the film ${i % 2 ? 'was good' : 'felt bad'}, i liked it ${i}",${i % 2}`).join('\n'),
    'r.csv',
  );
  const textFitted = fitPreprocessing(reviews, defaultPlan(reviews));
  const text = textFitted.features[0];
  if (text?.kind !== 'text') throw new Error('the reviews have no text feature');
  const id = (token: string) => text.vectorizer.vocabulary.indexOf(token);
  const attentionGraph = (() => {
    const b = new GraphBuilder();
    b.chain(b.input([6]), ['Embedding', { input_dim: 50, output_dim: 4 }], ['MultiHeadAttention', { num_heads: 2, key_dim: 2 }]);
    return b.graph;
  })();
  const layers = [{ layer: 'mha', heads: 2, queryLength: 1, keyLength: 1, weights: Float32Array.of(1, 1) }];

  it('sends the tokens it shows: "I loved it!!" has loved unknown, and the sample is its ids', async () => {
    useStore.setState({ graph: seedExample(4, 3) });
    // A 0/1 label is a binary target: one sigmoid output.
    const predict = vi.spyOn(trainer, 'predict').mockResolvedValue(Float32Array.of(0.7));
    const attention = vi.spyOn(trainer, 'attention');
    const tried = await predictText('I loved it!!', '', textFitted);
    expect(tried.sequence.tokens.map((t) => [t.token, t.oov])).toEqual([
      ['i', false],
      ['loved', true],
      ['it', false],
    ]);
    expect(tried.sequence.padding).toBe(textFitted.featureNames.length - 3);
    expect(Array.from(predict.mock.calls[0]?.[0] ?? [])).toEqual(Array.from(tried.sequence.ids));
    expect(tried).toMatchObject({ offset: 0, prediction: { kind: 'class', label: '1' }, attention: { kind: 'none' } });
    // No attention layer in the graph: the worker is not asked.
    expect(attention).not.toHaveBeenCalled();
  });

  it('reads the attention weights when the graph has a MultiHeadAttention layer, and reports why it could not', async () => {
    useStore.setState({ graph: attentionGraph });
    vi.spyOn(trainer, 'predict').mockResolvedValue(Float32Array.of(0.5, 0.5));
    const attention = vi.spyOn(trainer, 'attention').mockResolvedValueOnce(layers);
    expect((await predictText('good film', '', textFitted)).attention).toEqual({ kind: 'layers', layers });
    expect(Array.from(attention.mock.calls[0]?.[0] ?? []).slice(0, 3)).toEqual([id('good'), id('film'), 0]);
    attention.mockRejectedValueOnce(new Error('train the model first'));
    expect((await predictText('good film', '', textFitted)).attention).toEqual({
      kind: 'error',
      message: 'The attention weights could not be read: train the model first',
    });
  });

  it('takes the other features as CSV cells beside the sentence, and says how many it needs', async () => {
    const mixed: FittedPreprocessing = {
      ...textFitted,
      features: [{ kind: 'scale', name: 'stars', fill: 0, offset: 1, scale: 2 }, text],
      featureNames: ['stars', ...textFitted.featureNames],
    };
    useStore.setState({ graph: seedExample(4, 3) });
    const predict = vi.spyOn(trainer, 'predict').mockResolvedValue(Float32Array.of(0.9, 0.1));
    const tried = await predictText('good', '5', mixed);
    expect(tried.offset).toBe(1);
    expect(Array.from(predict.mock.calls[0]?.[0] ?? []).slice(0, 2)).toEqual([2, id('good')]);
    await expect(predictText('good', '5, 6', mixed)).rejects.toThrow('enter 1 values (stars), got 2');
    await expect(predictText('good', '', fitted)).rejects.toThrow('the data has no text column to type a sentence for');
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
