import { analyze } from '../../src/analysis/analyze';
import { seedExample, TEMPLATES } from '../../src/analysis/templates';
import { outputFor, wireModel } from '../../src/data/wiring';
import { sampleById } from '../../src/data/samples';
import { emptyProject } from '../../src/project/project-file';
import { invariant } from '../../src/lib/invariant';
import { useStore } from '../store/store';
import { loadSample } from './load-data';
import { train } from './train';

/** The sample the Start here card trains on: the classic first classifier. */
export const START_HERE_SAMPLE = 'iris';

const SEED_TITLE = TEMPLATES.find((t) => t.id === 'seed')?.title ?? 'Dense classifier (Keras seed)';

/** Step 1: the Iris sample, shown in the Data view as it loads. */
export function loadStartSample(): Promise<void> {
  const sample = sampleById(START_HERE_SAMPLE);
  invariant(sample !== undefined, 'the Iris sample is built in');
  useStore.getState().setView('data');
  return loadSample(sample);
}

/**
 * Step 2: the Keras seed example, Dense(64, relu) then a softmax Dense, fitted to the data in
 * memory (Iris: 4 inputs, 3 classes, and the loss the target asks for) and shown on the canvas.
 * The data stays; Undo brings back the graph it replaced.
 */
export function buildStartModel(): void {
  const s = useStore.getState();
  const seed = seedExample();
  const signature = s.dataSignature;
  const graph = signature ? wireModel(seed, analyze(seed), signature) : seed;
  const project = emptyProject(SEED_TITLE);
  s.loadProject({ ...project, graph, data: s.data, training: signature ? { ...project.training, loss: outputFor(signature).loss } : project.training });
  s.setView('model');
}

/** Step 3: the Train view, and a run with the project's settings (Keras's defaults: adam, batch 32, 10 epochs). */
export function trainStartModel(): Promise<void> {
  useStore.getState().setView('train');
  return train();
}
