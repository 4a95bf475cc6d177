// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { clear, get, keys, set } from 'idb-keyval';
import type * as IdbKeyval from 'idb-keyval';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { emptyProject, serializeProject } from '../../src/project/project-file';
import { seedExample } from '../../src/analysis/templates';
import { AUTOSAVE_DELAY_MS, AUTOSAVE_KEY, BROKEN_AUTOSAVE_KEY, WEIGHTS_KEY, restoreAutosave, startAutosave } from './autosave';
import { JOURNAL_KEY } from './autosave-record';
import { graphKeyOf, weightsFor } from './model-weights';
import { projectOf } from './graph-slice';
import { clearHistory, useStore } from './store';

const writes = vi.hoisted(() => ({ count: 0, hang: false }));
vi.mock('idb-keyval', async (importOriginal) => {
  const actual = await importOriginal<typeof IdbKeyval>();
  return {
    ...actual,
    set: (...args: Parameters<typeof actual.set>) => {
      if (args[0] === 'netloom:project') writes.count += 1;
      return actual.set(...args);
    },
    update: (...args: Parameters<typeof actual.update>) => {
      if (args[0] === 'netloom:project') writes.count += 1;
      // A page torn down mid-write: IndexedDB never finishes.
      if (writes.hang) return new Promise<void>(() => undefined);
      return actual.update(...args);
    },
  };
});

const s = () => useStore.getState();
const settle = () => new Promise((resolve) => setTimeout(resolve, AUTOSAVE_DELAY_MS + 100));
let stop: (() => void) | undefined;

beforeEach(async () => {
  await clear();
  s().loadProject(emptyProject());
  clearHistory();
  writes.count = 0;
  writes.hang = false;
});

afterEach(() => {
  stop?.();
  stop = undefined;
});

describe('autosave', () => {
  it('saves the project and restores it with a fresh history', async () => {
    stop = startAutosave();
    s().loadProject({ ...emptyProject('iris'), graph: seedExample() });
    s().setName('iris model');
    await settle();
    const saved = serializeProject(projectOf(s()));
    expect((await get<{ text: string }>(AUTOSAVE_KEY))?.text).toBe(saved);

    stop();
    stop = undefined;
    s().loadProject(emptyProject());
    expect((await restoreAutosave()).kind).toBe('restored');
    expect(serializeProject(projectOf(s()))).toBe(saved);
    expect(useStore.temporal.getState().pastStates).toHaveLength(0);
  });

  it('saves a change of callbacks alone, and restores them', async () => {
    stop = startAutosave();
    s().loadProject({ ...emptyProject('iris'), graph: seedExample() });
    await settle();
    const before = writes.count;
    s().setCallback('reduceLrOnPlateau', { enabled: true, patience: 7 });
    await settle();
    expect(writes.count).toBe(before + 1);

    stop();
    stop = undefined;
    s().loadProject(emptyProject());
    expect(s().callbacks.reduceLrOnPlateau.enabled).toBe(false);
    expect((await restoreAutosave()).kind).toBe('restored');
    expect(s().callbacks.reduceLrOnPlateau).toMatchObject({ enabled: true, patience: 7 });
  });

  it('keeps the model weights apart from the project text, and brings them back on reload', async () => {
    stop = startAutosave();
    const graph = seedExample();
    s().loadProject({ ...emptyProject('trained'), graph });
    const weights = [{ name: 'dense_2/bias', shape: [3], dtype: 'float32' as const, values: new Float32Array([0.1, 0.2, 0.3]) }];
    useStore.setState({ modelWeights: { key: graphKeyOf(graph), weights, source: 'trained' } });
    await settle();
    expect((await get<{ text: string }>(AUTOSAVE_KEY))?.text).not.toContain('dense_2/bias');
    expect(await get(WEIGHTS_KEY)).toMatchObject({ key: graphKeyOf(graph), source: 'trained' });

    stop();
    stop = undefined;
    s().loadProject(emptyProject());
    useStore.setState({ modelWeights: null });
    expect((await restoreAutosave()).kind).toBe('restored');
    const held = weightsFor(s().graph, s().modelWeights);
    expect(held?.source).toBe('trained');
    expect(held?.weights[0]?.values).toEqual(new Float32Array([0.1, 0.2, 0.3]));
  });

  it('brings back how many epochs trained the stored weights, and none for weights stored without a count', async () => {
    const graph = seedExample();
    const weights = [{ name: 'dense_2/bias', shape: [3], dtype: 'float32' as const, values: new Float32Array(3) }];
    await set(AUTOSAVE_KEY, serializeProject({ ...emptyProject('trained'), graph }));
    await set(WEIGHTS_KEY, { key: graphKeyOf(graph), weights, source: 'trained', epochs: 2 });
    useStore.setState({ modelWeights: null });
    expect((await restoreAutosave()).kind).toBe('restored');
    expect(weightsFor(s().graph, s().modelWeights)?.epochs).toBe(2);

    // A record from before the count was kept (or a broken count): unknown, never a made-up 0.
    for (const epochs of [undefined, -1, 'two']) {
      await set(WEIGHTS_KEY, { key: graphKeyOf(graph), weights, source: 'imported', ...(epochs === undefined ? {} : { epochs }) });
      useStore.setState({ modelWeights: null });
      expect((await restoreAutosave()).kind).toBe('restored');
      const held = weightsFor(s().graph, s().modelWeights);
      expect(held?.weights).toHaveLength(1);
      expect(held && 'epochs' in held).toBe(false);
    }
  });

  it('writes the epoch count with the weights it keeps', async () => {
    stop = startAutosave();
    const graph = seedExample();
    s().loadProject({ ...emptyProject('trained'), graph });
    const weights = [{ name: 'dense_2/bias', shape: [3], dtype: 'float32' as const, values: new Float32Array(3) }];
    useStore.setState({ modelWeights: { key: graphKeyOf(graph), weights, source: 'trained', epochs: 5 } });
    await settle();
    expect(await get(WEIGHTS_KEY)).toMatchObject({ key: graphKeyOf(graph), epochs: 5 });
  });

  it('drops stored weights that belong to another model than the restored one', async () => {
    await set(AUTOSAVE_KEY, serializeProject({ ...emptyProject('edited'), graph: seedExample(4, 3) }));
    await set(WEIGHTS_KEY, { key: graphKeyOf(seedExample(5, 2)), weights: [], source: 'trained' });
    useStore.setState({ modelWeights: null });
    expect((await restoreAutosave()).kind).toBe('restored');
    expect(s().modelWeights).toBeNull();
  });

  it('lets a project opened while the stored copy is read stand, and saves it', async () => {
    await set(AUTOSAVE_KEY, serializeProject({ ...emptyProject('last session'), graph: seedExample() }));
    const start = s();
    const restoring = restoreAutosave();
    s().loadProject(emptyProject('opened meanwhile'));
    expect((await restoring).kind).toBe('superseded');
    expect(s().name).toBe('opened meanwhile');

    stop = startAutosave(0, AUTOSAVE_DELAY_MS, start);
    await settle();
    expect((await get<{ text: string }>(AUTOSAVE_KEY))?.text).toContain('opened meanwhile');
  });

  it('says so when nothing was saved', async () => {
    expect((await restoreAutosave()).kind).toBe('empty');
  });

  it('coalesces a burst of edits into one write', async () => {
    stop = startAutosave();
    const input = s().addLayer('Input', { x: 0, y: 0 });
    s().select([input]);
    s().addLayerAfterSelection('Dense');
    s().setName('burst');
    await settle();
    expect(writes.count).toBe(1);
    expect((await get<{ text: string }>(AUTOSAVE_KEY))?.text).toContain('"name": "burst"');
  });

  it('does not write on selection changes', async () => {
    s().addLayer('Input', { x: 0, y: 0 });
    stop = startAutosave();
    s().select([s().graph.nodes[0]?.id ?? '']);
    s().select([]);
    s().showNotice({ kind: 'info', text: 'hello' });
    await settle();
    expect(writes.count).toBe(0);
  });

  it('writes a pending save when stopped', async () => {
    stop = startAutosave();
    s().setName('closing');
    stop();
    stop = undefined;
    await vi.waitFor(async () => expect((await get<{ text: string }>(AUTOSAVE_KEY))?.text).toContain('"name": "closing"'));
  });

  it('keeps every corrupt stored project aside, each under its own key, and returns the error', async () => {
    const corrupt = '{"format": "netloom-project", "version": 1, "name": 3';
    await set(AUTOSAVE_KEY, corrupt);
    s().loadProject({ ...emptyProject('current'), graph: seedExample() });
    const result = await restoreAutosave();
    expect(result).toMatchObject({ kind: 'error', error: expect.stringMatching(/^autosaved project: .*; a copy is kept .*"netloom:project:broken:[^"]+"$/) });
    expect(s().name).toBe('current');
    await new Promise((r) => setTimeout(r, 5));
    await set(AUTOSAVE_KEY, 'second broken');
    await restoreAutosave();
    const broken = (await keys()).filter((k) => String(k).startsWith(`${BROKEN_AUTOSAVE_KEY}:`));
    expect(broken).toHaveLength(2);
    expect(new Set(await Promise.all(broken.map((k) => get(k))))).toEqual(new Set([corrupt, 'second broken']));
  });

  it('never writes what the reader would refuse over the last good copy', async () => {
    stop = startAutosave();
    s().setName('good');
    await settle();
    useStore.setState({ training: { ...s().training, learningRate: Number.NaN } });
    await settle();
    expect((await get<{ text: string }>(AUTOSAVE_KEY))?.text).toContain('"name": "good"');
    expect(s().notice?.text).toMatch(/^Autosave skipped this change, which would not load again \(.*learningRate/);
  });

  it('does not overwrite a newer save from another tab, and says so with a choice', async () => {
    stop = startAutosave(1);
    await set(AUTOSAVE_KEY, { revision: 5, tab: 'other-tab', savedAt: 1, text: serializeProject({ ...emptyProject('theirs'), graph: seedExample() }) });
    s().setName('mine');
    await settle();
    expect((await get<{ text: string }>(AUTOSAVE_KEY))?.text).toContain('"name": "theirs"');
    expect(s().notice?.text).toMatch(/^This project changed in another tab/);
    expect(s().notice?.actions?.map((a) => a.label)).toEqual(["Load the other tab's", 'Keep this one']);
    s().notice?.actions?.[1]?.run();
    await settle();
    expect(await get(AUTOSAVE_KEY)).toMatchObject({ revision: 6, text: expect.stringContaining('"name": "mine"') });
  });

  it('keeps an edit made just before the page goes away, through the journal, when IndexedDB misses it', async () => {
    stop = startAutosave();
    s().setName('before reload');
    writes.hang = true;
    window.dispatchEvent(new Event('pagehide'));
    expect(JSON.parse(localStorage.getItem(JOURNAL_KEY) ?? '{}')).toMatchObject({ text: expect.stringContaining('"name": "before reload"') });
    stop();
    stop = undefined;
    writes.hang = false;
    s().loadProject(emptyProject('other'));
    expect((await restoreAutosave()).kind).toBe('restored');
    expect(s().name).toBe('before reload');
    expect(localStorage.getItem(JOURNAL_KEY)).toBeNull();
    expect((await get<{ text: string }>(AUTOSAVE_KEY))?.text).toContain('"name": "before reload"');
  });

  it('keeps an edit whose IndexedDB write had started when the page went away, through the journal', async () => {
    stop = startAutosave();
    writes.hang = true;
    s().setName('write under way');
    await settle();
    expect(writes.count).toBe(1);
    expect(localStorage.getItem(JOURNAL_KEY)).toBeNull();
    window.dispatchEvent(new Event('pagehide'));
    expect(JSON.parse(localStorage.getItem(JOURNAL_KEY) ?? '{}')).toMatchObject({ text: expect.stringContaining('"name": "write under way"') });
    stop();
    stop = undefined;
    writes.hang = false;
    s().loadProject(emptyProject('other'));
    expect((await restoreAutosave()).kind).toBe('restored');
    expect(s().name).toBe('write under way');
  });

  it('commits a field still being typed in when the page goes away (its edit lands on blur)', () => {
    stop = startAutosave();
    const field = document.createElement('input');
    field.addEventListener('blur', () => s().setName(field.value));
    document.body.append(field);
    field.focus();
    field.value = 'typed, then reloaded';
    writes.hang = true;
    window.dispatchEvent(new Event('pagehide'));
    expect(document.activeElement).not.toBe(field);
    expect(JSON.parse(localStorage.getItem(JOURNAL_KEY) ?? '{}')).toMatchObject({ text: expect.stringContaining('"name": "typed, then reloaded"') });
    field.remove();
    writes.hang = false;
  });
});
