import { weightsProblem } from '../../src/compile/weights-fit';
import { runsToCsv } from '../../src/runs/runs-csv';
import { graphKeyOf } from '../store/model-weights';
import { loadRunWeights } from '../store/run-history';
import { useStore } from '../store/store';
import { messageOf } from '../../src/lib/errors';
import { download, downloadBaseName } from './save-file';

/**
 * Puts a kept run's graph back on the canvas (one undo step) and its weights, when it kept them,
 * into the store as the model's, so Try it, export and "continue" use them.
 */
export async function restoreRun(id: string): Promise<void> {
  const s = useStore.getState();
  const run = s.runs.find((r) => r.id === id);
  if (!run) return;
  let weights = null;
  try {
    weights = run.weights.state === 'kept' ? await loadRunWeights(id) : null;
  } catch (error) {
    s.showNotice({ kind: 'error', text: `${run.name}'s weights could not be read (${messageOf(error)}); restoring its graph only.` });
  }
  const problem = weights ? weightsProblem(run.graph, weights) : null;
  useStore.getState().setGraph(run.graph);
  if (weights && problem === null) {
    // A run that goes on from them counts on from the epochs they had.
    const epochs = (run.initialEpoch ?? 0) + run.epochs.length;
    useStore.getState().setModelWeights({ key: graphKeyOf(run.graph), weights, source: 'trained', epochs });
    useStore.getState().setContinueFrom('current');
  }
  const how =
    problem !== null
      ? `; its weights do not fit it (${problem}), so they were left out`
      : weights
        ? ' with its trained weights'
        : run.weights.state === 'over-cap'
          ? '; its weights were too large to keep, so train it again for them'
          : '; it kept no weights';
  useStore.getState().showNotice({ kind: 'info', text: `Restored ${run.name}'s graph${how}. Undo brings the previous graph back.` });
}

/** Downloads every kept run's per-epoch metrics as `<project>-runs.csv`. */
export function exportRunsCsv(): void {
  const { runs, name } = useStore.getState();
  download(`${downloadBaseName(name)}-runs.csv`, runsToCsv(runs), 'text/csv');
}
