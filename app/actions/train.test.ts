import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { sampleById } from '../../src/data/samples';
import type { Sample } from '../../src/data/samples';
import { emptyProject } from '../../src/project/project-file';
import { seedExample } from '../../src/analysis/templates';
import { trainer } from '../services';
import { useStore } from '../store/store';
import { loadSample } from './load-data';
import { prepareSplit } from './prepare-split';
import { setValidation } from './validation';
import { DEFAULT_SPLIT } from '../../src/data/validation';
import { chooseBackend, stopTraining, train, warmUpTrainer } from './train';

const s = () => useStore.getState();

beforeEach(() => {
  s().loadProject({ ...emptyProject(), graph: seedExample(2, 2) });
  s().setLoaded(null, null);
  useStore.setState({ run: null, preparing: false, notice: null });
});
afterEach(() => vi.restoreAllMocks());

describe('train', () => {
  it('says to choose data first, and is ready again afterwards', async () => {
    const start = vi.spyOn(trainer, 'train').mockReturnValue(1);
    await train();
    expect(s().notice).toEqual({ kind: 'error', text: 'choose data first, in the Data tab' });
    expect(start).not.toHaveBeenCalled();
    expect(s().preparing).toBe(false);
  });

  it('starts one run on the prepared split; a second click while preparing does nothing', async () => {
    await loadSample(sampleById('xor') as Sample);
    const start = vi.spyOn(trainer, 'train').mockReturnValue(1);
    const first = train();
    expect(s().preparing).toBe(true);
    await train();
    await first;
    expect(start).toHaveBeenCalledTimes(1);
    expect(start.mock.calls[0]?.[0].train.count).toBeGreaterThan(0);
    expect(s().preparing).toBe(false);
  });

  it('prepares the same split again while nothing it depends on changed, so the worker keeps its copy', async () => {
    await loadSample(sampleById('xor') as Sample);
    const split = await prepareSplit();
    expect(await prepareSplit()).toBe(split);
    // The training seed seeds weights and shuffling; the split has its own, with the data.
    s().setTraining({ seed: s().training.seed + 1 });
    expect(await prepareSplit()).toBe(split);
    setValidation({ ...DEFAULT_SPLIT, seed: 43 });
    expect(await prepareSplit()).not.toBe(split);
  });

  it('holds out the data’s share, as set from either tab: 40% of the XOR points', async () => {
    await loadSample(sampleById('xor') as Sample);
    const count = (await prepareSplit()).train.count + (await prepareSplit()).validation.count;
    expect((await prepareSplit()).validation.count).toBe(Math.round(count * 0.2));
    setValidation({ ...DEFAULT_SPLIT, validation: 0.4 });
    expect(s().data).toMatchObject({ kind: 'sample', sampleId: 'xor', split: { validation: 0.4 } });
    const split = await prepareSplit();
    expect([split.train.count, split.validation.count]).toEqual([count * 0.6, count * 0.4]);
  });

  it('refuses a model with nothing to train before preparing anything, with the reason Train shows', async () => {
    await loadSample(sampleById('xor') as Sample);
    s().loadProject(emptyProject());
    const start = vi.spyOn(trainer, 'train').mockReturnValue(1);
    await train();
    expect(start).not.toHaveBeenCalled();
    expect(s().notice?.text ?? '').toMatch(/^Cannot train yet: The model is empty: it needs an Input layer/);
    expect(s().preparing).toBe(false);
  });

  it("refuses a loss the model's output cannot train with, naming the setting to change", async () => {
    await loadSample(sampleById('xor') as Sample);
    s().setTraining({ loss: 'mean_squared_error' });
    const start = vi.spyOn(trainer, 'train').mockReturnValue(1);
    await train();
    expect(start).not.toHaveBeenCalled();
    expect(s().notice?.text ?? '').toMatch(
      /^The model cannot train with this loss: mean_squared_error is a regression loss, .*\(change the loss in the Train settings\)$/,
    );
  });
});

describe('the other training use-cases', () => {
  it('stop, warm-up and a backend choice go to the training client; a choice restarts its worker', () => {
    const stop = vi.spyOn(trainer, 'stop').mockReturnValue();
    const warmUp = vi.spyOn(trainer, 'warmUp').mockReturnValue();
    const restart = vi.spyOn(trainer, 'restart').mockReturnValue();
    stopTraining();
    warmUpTrainer();
    chooseBackend('wasm');
    expect([stop, warmUp, restart].map((f) => f.mock.calls.length)).toEqual([1, 1, 1]);
    expect(s().backendChoice).toBe('wasm');
    chooseBackend('auto');
  });
});
