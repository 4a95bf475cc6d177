import { del, get, getMany, keys, set } from 'idb-keyval';
import type { WeightValues } from '../../src/compile/tfjs-weights';
import { inlineWeightValues, packWeights } from '../../src/graph/inline-weights';
import { parseRunRecord, type RunRecord, type SavedRun } from '../../src/runs/run-record';
import { useStore } from './store';
import { messageOf } from '../../src/lib/errors';

/** Prefix of the IndexedDB keys of kept runs, one key per run (`netloom:run:<id>`), apart from the project's autosave. */
export const RUN_KEY_PREFIX = 'netloom:run:';
/** Prefix of the keys of runs' weights (`netloom:run-weights:<id>`): typed arrays, read only when a run is restored or saved. */
export const RUN_WEIGHTS_PREFIX = 'netloom:run-weights:';

const warn = (text: string) => useStore.getState().showNotice({ kind: 'error', text });

/**
 * Reads the kept runs into the store's history (a run recorded meanwhile stays); returns the ids
 * storage holds. A stored run that no longer reads is skipped and said.
 */
export async function restoreRuns(): Promise<ReadonlySet<string>> {
  try {
    const runKeys = (await keys()).filter((k): k is string => typeof k === 'string' && k.startsWith(RUN_KEY_PREFIX));
    const values = await getMany<unknown>(runKeys);
    const runs: RunRecord[] = [];
    let unreadable = 0;
    for (const value of values) {
      try {
        runs.push(parseRunRecord(value));
      } catch {
        unreadable += 1;
      }
    }
    useStore.getState().addRuns(runs);
    if (unreadable > 0) warn(`${unreadable} kept run${unreadable === 1 ? '' : 's'} could not be read and ${unreadable === 1 ? 'is' : 'are'} not listed.`);
    return new Set(runs.map((r) => r.id));
  } catch (error) {
    warn(`The run history could not be read from this browser's storage (${messageOf(error)}).`);
    return new Set();
  }
}

/**
 * Keeps the store's run history in IndexedDB: a run recorded, renamed or added is written, a
 * deleted one (and its weights) removed, a run's kept weights written beside it. `stored` are the
 * ids storage already holds; the others in the store are written now. Returns a stop function.
 */
export function startRunHistory(stored: ReadonlySet<string> = new Set()): () => void {
  const write = (run: RunRecord) =>
    set(`${RUN_KEY_PREFIX}${run.id}`, run).catch((e: unknown) => warn(`${run.name} could not be kept in this browser (${messageOf(e)}).`));
  const remove = (id: string) =>
    Promise.all([del(`${RUN_KEY_PREFIX}${id}`), del(`${RUN_WEIGHTS_PREFIX}${id}`)]).catch((e: unknown) =>
      warn(`A deleted run could not be removed from storage (${messageOf(e)}).`),
    );
  for (const run of useStore.getState().runs) if (!stored.has(run.id)) void write(run);
  return useStore.subscribe((state, prev) => {
    if (state.runWeights !== prev.runWeights && state.runWeights !== null) {
      const { id, weights } = state.runWeights;
      set(`${RUN_WEIGHTS_PREFIX}${id}`, weights.weights).catch((e: unknown) => warn(`A run's weights could not be kept in this browser (${messageOf(e)}).`));
    }
    if (state.runs === prev.runs) return;
    const before = new Map(prev.runs.map((r) => [r.id, r]));
    for (const run of state.runs) if (before.get(run.id) !== run) void write(run);
    const now = new Set(state.runs.map((r) => r.id));
    for (const id of before.keys()) if (!now.has(id)) void remove(id);
  });
}

const isWeightList = (value: unknown): value is WeightValues[] =>
  Array.isArray(value) && value.every((w: unknown) => typeof w === 'object' && w !== null && (w as { values?: unknown }).values instanceof Float32Array);

/** A kept run's weights, or null when it kept none (or storage lost them). */
export async function loadRunWeights(id: string): Promise<readonly WeightValues[] | null> {
  const stored = await get<unknown>(`${RUN_WEIGHTS_PREFIX}${id}`);
  return isWeightList(stored) ? stored : null;
}

/** The kept runs with their weights packed, as Save as puts them in a project file. */
export async function savedRuns(): Promise<SavedRun[]> {
  return Promise.all(
    useStore.getState().runs.map(async (run): Promise<SavedRun> => {
      const weights = run.weights.state === 'kept' ? await loadRunWeights(run.id) : null;
      return weights ? { ...run, weightData: packWeights(weights) } : run;
    }),
  );
}

/** Adds an opened project's runs to the history, their weights to storage first. */
export async function importRuns(runs: readonly SavedRun[]): Promise<void> {
  const have = new Set(useStore.getState().runs.map((r) => r.id));
  const fresh = runs.filter((r) => !have.has(r.id));
  await Promise.all(
    fresh.map((r) =>
      r.weightData
        ? set(`${RUN_WEIGHTS_PREFIX}${r.id}`, inlineWeightValues(r.weightData)).catch((e: unknown) =>
            warn(`${r.name}'s weights could not be kept in this browser (${messageOf(e)}).`),
          )
        : undefined,
    ),
  );
  useStore.getState().addRuns(fresh.map(({ weightData: _w, ...record }) => record));
}
