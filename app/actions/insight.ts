import { insightAsks, trainer } from '../services';
import { weightsFor } from '../store/model-weights';
import { useStore } from '../store/store';

const isLive = (status: string | undefined) => status === 'running' || status === 'starting';

/**
 * The user picked another sample for the views' pictures: a live run samples it from its next
 * sample on; with no run, the trained model is asked for its views of that sample at once.
 */
export async function chooseInsightSample(sample: number): Promise<void> {
  const s = useStore.getState();
  s.setInsightSample(sample);
  const chosen = useStore.getState().insightSample;
  if (isLive(s.run?.status)) {
    trainer.insightOptions({ sample: chosen });
    return;
  }
  await refreshInsight();
}

/**
 * Asks the worker for the views of the current model on the chosen sample, when the views are on
 * and there is a trained model for this graph; a newer ask makes an older answer stale.
 */
export async function refreshInsight(): Promise<void> {
  const s = useStore.getState();
  if (!s.insightOn || isLive(s.run?.status) || weightsFor(s.graph, s.modelWeights) === null) return;
  const current = insightAsks.begin();
  try {
    const latest = await insightAsks.track(trainer.insight({ sample: s.insightSample }));
    if (current()) useStore.getState().showInsight(latest);
  } catch (error) {
    if (current()) useStore.getState().insightFailed(`The views inside the model could not be read: ${error instanceof Error ? error.message : String(error)}`);
  }
}
