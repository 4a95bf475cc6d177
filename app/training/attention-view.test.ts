import { describe, expect, it } from 'vitest';
import type { AttentionWeights } from '../../src/train/attention-weights';
import { headSummary, headViews, heatColour, positionsFor } from './attention-view';
import { NOT_GOOD_BOB } from './attention-test-support';

const sample = NOT_GOOD_BOB;

/** One head over 4 positions: row i puts `rows[i]` on the keys. */
const layer = (...heads: number[][][]): AttentionWeights => ({
  layer: 'mha',
  heads: heads.length,
  queryLength: 4,
  keyLength: 4,
  weights: Float32Array.from(heads.flat(2)),
});

describe('attention views', () => {
  it('labels positions with the tokens, unknown ones and padding', () => {
    expect(positionsFor(sample, 4)).toEqual([
      { label: 'not', kind: 'token' },
      { label: 'good', kind: 'token' },
      { label: 'bob', kind: 'oov' },
      { label: '[pad]', kind: 'pad' },
    ]);
    // A layer whose sequence is not the input's: positions are only numbers.
    expect(positionsFor(sample, 3)).toBeNull();
    const mixed = { ...sample, offset: 1, featureNames: ['stars', ...sample.featureNames] };
    expect(positionsFor(mixed, 5)?.map((p) => p.kind)).toEqual(['feature', 'token', 'token', 'oov', 'pad']);
  });

  it('leaves padding rows out and sums the padding columns into one share per row', () => {
    const [view] = headViews(
      layer([
        [0.1, 0.6, 0.2, 0.1],
        [0.5, 0.2, 0.2, 0.1],
        [0.3, 0.3, 0.3, 0.1],
        [0.25, 0.25, 0.25, 0.25],
      ]),
      sample,
    );
    expect(view?.rows.map((r) => r.label)).toEqual(['not', 'good', 'bob']);
    expect(view?.columns.map((r) => r.label)).toEqual(['not', 'good', 'bob']);
    expect(view?.weights.map((r) => r.map((w) => w.toFixed(2)))).toEqual([
      ['0.10', '0.60', '0.20'],
      ['0.50', '0.20', '0.20'],
      ['0.30', '0.30', '0.30'],
    ]);
    expect(view?.padShare.map((w) => w.toFixed(2))).toEqual(['0.10', '0.10', '0.10']);
    expect(view && headSummary(view)).toBe('head 1: "not" attends most to "good" (0.60); padding takes 10% of the weight on average');
  });

  it('numbers the positions of a layer whose length differs, and colours weights from 0 to 1 by their square root', () => {
    const weights: AttentionWeights = {
      layer: 'mha',
      heads: 2,
      queryLength: 2,
      keyLength: 3,
      weights: Float32Array.of(0.2, 0.3, 0.5, 1, 0, 0, 0.4, 0.4, 0.2, 0.1, 0.1, 0.8),
    };
    const views = headViews(weights, sample);
    expect(views.map((v) => v.columns.map((c) => c.label))).toEqual([
      ['#1', '#2', '#3'],
      ['#1', '#2', '#3'],
    ]);
    expect(views[1]?.padColumns).toBe(0);
    expect(views[1] && headSummary(views[1])).toBe('head 2: "#2" attends most to "#3" (0.80)');
    expect(heatColour(0)).toBe('rgb(68, 1, 84)');
    expect(heatColour(1)).toBe('rgb(253, 231, 37)');
    expect(heatColour(2)).toBe('rgb(253, 231, 37)');
    // The middle of the scale is a weight of 0.25.
    expect(heatColour(0.25)).toBe('rgb(33, 145, 140)');
  });
});
