import type { SplitPlan } from '../../src/data/types';
import { withValidation } from '../../src/data/validation';
import { useStore } from '../store/store';
import { applyPlan, refuseDuringRun } from './data-plan';

/**
 * Changes the project's one validation setting, from the Data tab or the Train tab alike. A table
 * in memory is fitted again under the new split (its text vocabulary comes from the training rows
 * only); otherwise the data settings take it at once (images, a ready sample, or a table not
 * uploaded again yet, which is fitted under it once it is).
 */
export function setValidation(split: SplitPlan): void {
  if (refuseDuringRun()) return;
  const { data, loaded } = useStore.getState();
  const plan = data.kind === 'csv' || data.kind === 'sample' ? data.plan : undefined;
  if (plan !== undefined && loaded?.kind === 'table') {
    void applyPlan({ ...plan, split });
    return;
  }
  useStore.getState().setDataConfig(withValidation(data, split));
}
