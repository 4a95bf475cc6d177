import type { Store } from '../store/store';
import { START_HERE_SAMPLE } from '../actions/start-here';

/** Where one step of the Start here card stands. */
export type StepStatus = 'waiting' | 'ready' | 'busy' | 'done';

/** One step as the card shows it: what its button says, where it stands, and a line about it. */
export interface StartStep {
  readonly id: 'data' | 'model' | 'train';
  readonly label: string;
  readonly status: StepStatus;
  readonly detail: string;
}

/** What the card itself remembers: the steps the user clicked (the store says what happened since). */
export interface StartClicks {
  readonly built: boolean;
  /** The id of the latest run when Train was clicked (0 for none), so that only a later run counts. */
  readonly trainedAfter: number | null;
}

type StepState = Pick<Store, 'loaded' | 'data' | 'dataStatus' | 'dataSignature' | 'graph' | 'training' | 'run' | 'preparing' | 'report'>;

const pct = (x: number) => `${Math.round(x * 100)}%`;

function dataStep(s: StepState): StartStep {
  const label = 'Load the Iris sample';
  if (s.loaded !== null && s.data.kind === 'sample' && s.data.sampleId === START_HERE_SAMPLE && s.dataSignature !== null) {
    const features = s.dataSignature.featureShape.join(' × ');
    return { id: 'data', label, status: 'done', detail: `Loaded ${s.loaded.sourceName}: ${features} measurements, ${s.dataSignature.classes} species.` };
  }
  if (s.dataStatus.kind === 'loading') return { id: 'data', label, status: 'busy', detail: 'Loading the sample…' };
  return { id: 'data', label, status: 'ready', detail: '150 flowers, 4 measurements each, 3 species: the classic first classifier.' };
}

function modelStep(s: StepState, clicks: StartClicks, dataDone: boolean): StartStep {
  const label = 'Build the Keras example';
  const features = s.dataSignature?.featureShape.join(', ') ?? '4';
  const classes = s.dataSignature?.classes ?? 3;
  const shape = `Input(${features}) → Dense(64, relu) → Dense(${classes}, softmax)`;
  if (clicks.built && s.graph.nodes.length > 0) return { id: 'model', label, status: 'done', detail: `On the canvas: ${shape}.` };
  return { id: 'model', label, status: dataDone ? 'ready' : 'waiting', detail: `${shape}, the first model of Keras’s guide, fitted to the data.` };
}

function trainStep(s: StepState, clicks: StartClicks, modelDone: boolean): StartStep {
  const label = 'Train it';
  const t = s.training;
  const settings = `${t.optimizer}, ${t.loss}, batch ${t.batchSize}, ${t.epochs} epochs, accuracy`;
  const run = clicks.trainedAfter !== null && s.run !== null && s.run.runId > clicks.trainedAfter ? s.run : null;
  if (run === null) {
    if (clicks.trainedAfter !== null && s.preparing) return { id: 'train', label, status: 'busy', detail: 'Preparing the samples…' };
    return { id: 'train', label, status: modelDone ? 'ready' : 'waiting', detail: `Keras’s defaults: ${settings}.` };
  }
  if (run.status === 'starting' || run.status === 'running') {
    return {
      id: 'train',
      label,
      status: 'done',
      detail: `Training: epoch ${Math.min(run.epoch + 1, run.initialEpoch + run.epochs)} of ${run.initialEpoch + run.epochs}…`,
    };
  }
  if (s.report?.kind === 'classification') {
    return {
      id: 'train',
      label,
      status: 'done',
      detail: `Validation accuracy ${pct(s.report.accuracy)} after ${run.epoch} epochs. More epochs train it further.`,
    };
  }
  // A run that failed leaves the step to try again; one stopped or ended early still trained.
  return { id: 'train', label, status: run.status === 'failed' ? 'ready' : 'done', detail: run.message ?? `The run ended: ${run.status}.` };
}

/** The card's three steps from the store and the clicks: each is ready once the one before is done. */
export function startSteps(s: StepState, clicks: StartClicks): readonly [StartStep, StartStep, StartStep] {
  const data = dataStep(s);
  const model = modelStep(s, clicks, data.status === 'done');
  return [data, model, trainStep(s, clicks, model.status === 'done')];
}
