import { beforeEach, describe, expect, it } from 'vitest';
import { denseSnapshot, denseStats, runIn } from '../insight/insight-test-support';
import { appendInsightPoint, EMPTY_LAYER_SERIES } from './insight-series';
import { EMPTY_INSIGHT, insightOf } from './insight-slice';
import { graphKeyOf } from './model-weights';
import { useStore } from './store';

const s = () => useStore.getState();
const latest = (step: number) => ({ snapshot: denseSnapshot(step), sample: { count: 30, label: 'setosa' } });

beforeEach(() => useStore.setState({ insight: EMPTY_INSIGHT, insightOn: true, insightSample: 0 }));

describe('appendInsightPoint', () => {
  it('keeps the numbers a layer has, and only those', () => {
    const [input, dense] = denseStats(1);
    expect(appendInsightPoint(EMPTY_LAYER_SERIES, input!, 1).points).toEqual([{ n: 1, step: 1, mean: 0 }]);
    expect(appendInsightPoint(EMPTY_LAYER_SERIES, dense!, 4).points).toEqual([
      { n: 1, step: 4, mean: 0.62, dead: 0.125, weightNorm: 2.51, gradNorm: 0.2, updateRatio: 1e-3 },
    ]);
  });

  it('keeps at most max points, evenly spaced, always ending at the latest sample', () => {
    let series = EMPTY_LAYER_SERIES;
    for (let step = 1; step <= 1000; step++) series = appendInsightPoint(series, denseStats(step)[1]!, step * 3, 50);
    expect(series.points.length).toBeLessThanOrEqual(50);
    expect(series.points.length).toBeGreaterThan(25);
    expect(series.points.at(-1)).toMatchObject({ n: 1000, step: 3000 });
    const ns = series.points.slice(0, -1).map((p) => p.n);
    const gaps = new Set(ns.slice(1).map((n, i) => n - (ns[i] as number)));
    expect([...gaps]).toEqual([series.stride]);
  });
});

describe('insight slice', () => {
  it('is on by default, on sample 0, with nothing to show', () => {
    expect(s()).toMatchObject({ insightOn: true, insightSample: 0, insight: { series: {}, latest: null } });
  });

  it('grows each layer’s series from every snapshot of an update and keeps the last as the latest', () => {
    s().recordInsight([latest(1), latest(2)]);
    s().recordInsight([latest(3)]);
    expect(Object.keys(s().insight.series)).toEqual(['input', 'dense', 'dense_1']);
    expect(s().insight.series['dense']?.points.map((p) => p.step)).toEqual([1, 2, 3]);
    expect(s().insight.latest?.snapshot.step).toBe(3);
    expect(s().insight.latest?.sample).toEqual({ count: 30, label: 'setosa' });
    s().recordInsight([]);
    expect(s().insight.latest?.snapshot.step).toBe(3);
  });

  it('shows an asked-for snapshot without adding to the series, and says why one failed', () => {
    s().recordInsight([latest(1)]);
    s().showInsight(latest(7));
    expect(s().insight.latest?.snapshot.step).toBe(7);
    expect(s().insight.series['dense']?.points).toHaveLength(1);
    s().insightFailed('train the model first');
    expect(s().insight.error).toBe('train the model first');
  });

  it('describes only the model it was sampled from: another graph on the canvas shows none until its own are asked for', () => {
    const key = graphKeyOf(s().graph);
    useStore.setState({ run: { ...runIn('running'), modelKey: key } });
    s().recordInsight([latest(1)]);
    expect(insightOf(s()).latest?.snapshot.step).toBe(1);
    useStore.setState({ run: { ...runIn('completed'), modelKey: `${key}-other` } });
    s().recordInsight([latest(2)]);
    expect(insightOf(s())).toEqual(EMPTY_INSIGHT);
    s().showInsight(latest(5));
    expect(insightOf(s()).latest?.snapshot.step).toBe(5);
    expect(insightOf(s()).series).toEqual({});
  });

  it('clears when a new run begins', () => {
    s().recordInsight([latest(1)]);
    s().beginRun(runIn('starting'));
    expect(s().insight).toEqual(EMPTY_INSIGHT);
  });

  it('takes whole, non-negative sample indices', () => {
    s().setInsightSample(-3);
    expect(s().insightSample).toBe(0);
    s().setInsightSample(4.7);
    expect(s().insightSample).toBe(4);
  });
});
