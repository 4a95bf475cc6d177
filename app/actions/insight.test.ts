import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { seedExample } from '../../src/analysis/templates';
import { denseSnapshot, runIn as run } from '../insight/insight-test-support';
import { trainer } from '../services';
import { EMPTY_INSIGHT } from '../store/insight-slice';
import { graphKeyOf } from '../store/model-weights';
import { useStore } from '../store/store';
import { chooseInsightSample, refreshInsight } from './insight';

const graph = seedExample(4, 3);
const s = () => useStore.getState();
const trained = { key: graphKeyOf(graph), weights: [], source: 'trained' as const };
beforeEach(() => useStore.setState({ graph, run: null, modelWeights: null, insight: EMPTY_INSIGHT, insightOn: true, insightSample: 0 }));
afterEach(() => vi.restoreAllMocks());

describe('choosing the sample of the views', () => {
  it('tells a live run, and asks the worker nothing else', async () => {
    const options = vi.spyOn(trainer, 'insightOptions').mockImplementation(() => undefined);
    const ask = vi.spyOn(trainer, 'insight');
    useStore.setState({ run: run('running'), modelWeights: trained });
    await chooseInsightSample(3);
    expect(s().insightSample).toBe(3);
    expect(options).toHaveBeenCalledWith({ sample: 3 });
    expect(ask).not.toHaveBeenCalled();
  });

  it('asks the trained model for its views of that sample when no run is live', async () => {
    const ask = vi.spyOn(trainer, 'insight').mockResolvedValue({ snapshot: denseSnapshot(5, { sample: 2 }), sample: { count: 30, label: 'virginica' } });
    useStore.setState({ run: run('completed'), modelWeights: trained });
    await chooseInsightSample(2);
    expect(ask).toHaveBeenCalledWith({ sample: 2 });
    expect(s().insight.latest).toMatchObject({ snapshot: { step: 5, sample: 2 }, sample: { label: 'virginica' } });
  });

  it('asks nothing with the views off or no trained model, and says why an ask failed', async () => {
    const ask = vi.spyOn(trainer, 'insight').mockRejectedValue(new Error('the model has not been built yet'));
    await refreshInsight();
    useStore.setState({ modelWeights: trained, insightOn: false });
    await refreshInsight();
    expect(ask).not.toHaveBeenCalled();
    useStore.setState({ insightOn: true });
    await refreshInsight();
    expect(s().insight.error).toBe('The views inside the model could not be read: the model has not been built yet');
  });

  it('keeps the answer for the newest sample when an older one comes back later', async () => {
    let answerFirst: (v: Awaited<ReturnType<typeof trainer.insight>>) => void = () => undefined;
    vi.spyOn(trainer, 'insight')
      .mockReturnValueOnce(new Promise((resolve) => (answerFirst = resolve)))
      .mockResolvedValueOnce({ snapshot: denseSnapshot(2, { sample: 1 }), sample: { count: 30 } });
    useStore.setState({ modelWeights: trained });
    const first = chooseInsightSample(0);
    await chooseInsightSample(1);
    answerFirst({ snapshot: denseSnapshot(1, { sample: 0 }), sample: { count: 30 } });
    await first;
    expect(s().insight.latest?.snapshot.sample).toBe(1);
  });
});
