import type { BackendChoice } from '../../src/train/protocol';
import { UserFileError } from '../../src/lib/errors';
import { trainer } from '../services';
import { readinessOf } from '../store/analysis';
import { useStore } from '../store/store';
import { planSettled } from './data-plan';
import { fitTargetToModel, prepareSplit } from './prepare-split';

/**
 * Train's click: prepares the samples, then starts a run on them. A second click while the first
 * still prepares does nothing, even from a remounted button: the worker runs one run at a time.
 */
export async function train(): Promise<void> {
  if (useStore.getState().preparing) return;
  useStore.getState().setPreparing(true);
  try {
    await planSettled();
    // Train is off while these stand; a click that raced an edit gets the first reason, not tfjs's.
    const state = useStore.getState();
    const [blocker] = readinessOf(state.graph, state.dataSignature, state).problems;
    if (blocker !== undefined) throw new UserFileError(`Cannot train yet: ${blocker.message}`);
    const problem = fitTargetToModel();
    if (problem !== null) throw new UserFileError(problem);
    trainer.train(await prepareSplit());
  } catch (error) {
    useStore.getState().showNotice({ kind: 'error', text: error instanceof Error ? error.message : String(error) });
  } finally {
    useStore.getState().setPreparing(false);
  }
}

/**
 * Stop's click: the run stops within the batch it is in; a worker that does not answer within a
 * second is replaced and the run ends as stopped.
 */
export const stopTraining = (): void => trainer.stop();

/** A new backend choice: it applies to a new worker only, so the worker is replaced. */
export function chooseBackend(choice: BackendChoice): void {
  useStore.getState().setBackendChoice(choice);
  trainer.restart();
}

/** Starts the training worker early (the Train tab opened), so the backend is chosen and shown before the first run. */
export const warmUpTrainer = (): void => trainer.warmUp();
