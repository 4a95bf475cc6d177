// The first-names sample as the app prepares it, and the models compared on it: Node only (it reads
// the sample from public/), for the accuracy test and the text bench.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { analyze } from '../analysis/analyze';
import { GraphBuilder } from '../analysis/builder';
import { lstmTextClassifier, transformerTextClassifier } from '../analysis/templates';
import { parseCsvText } from '../data/csv';
import { prepareFromTable } from '../data/prepare';
import { fitPreprocessing } from '../data/preprocess';
import { sampleById } from '../data/samples';
import type { CsvSample } from '../data/samples';
import { signatureOfPlan } from '../data/signature';
import { wireModel } from '../data/wiring';
import type { Graph } from '../graph/types';
import { trainingConfigSchema } from '../settings/training';
import type { TrainingConfig } from '../settings/training';
import { runTraining } from './run-training';

const sample = sampleById('first-names') as CsvSample;
const table = parseCsvText(readFileSync(join(import.meta.dirname, '../../public', sample.path), 'utf8'), 'first-names.csv');
const plan = sample.plan;
if (plan === undefined) throw new Error('the first-names sample has no plan');
const fitted = fitPreprocessing(table, plan);
const data = prepareFromTable(table, plan, fitted);
/** The sample's data signature: 15 character ids from a vocabulary of 28, two classes. */
export const namesSignature = signatureOfPlan(plan, fitted);

/** Keras's bag-of-words baseline on the same token ids: a multi-hot of the characters, then Dense. */
export function bagOfCharacters(vocabulary: number, length: number): Graph {
  const b = new GraphBuilder();
  b.chain(
    b.input([length]),
    ['CategoryEncoding', { num_tokens: vocabulary, output_mode: 'multi_hot' }],
    ['Dense', { units: 64, activation: 'relu' }],
    ['Dropout', { rate: 0.5 }],
    ['Dense', { units: 2, activation: 'softmax' }],
  );
  return b.graph;
}

/** The baseline and the two text templates, unwired. */
export function textModels(): Record<'bag_of_characters' | 'transformer' | 'lstm', Graph> {
  const [vocabulary = 0, length = 0] = [namesSignature.text?.vocabularySize, namesSignature.featureShape[0]];
  return { bag_of_characters: bagOfCharacters(vocabulary, length), transformer: transformerTextClassifier(), lstm: lstmTextClassifier() };
}

/** Wires a template to the sample as "fit the model to this data" does, trains it, and reports. */
export async function trainTextModel(template: Graph, settings: Partial<TrainingConfig>): Promise<{ valAccuracy: number; curve: number[]; seconds: number }> {
  const graph = wireModel(template, analyze(template), namesSignature);
  if (analyze(graph).hasErrors) throw new Error('the wired model has errors');
  const t0 = performance.now();
  const result = await runTraining(tf, { graph, config: trainingConfigSchema.parse(settings), data });
  const seconds = (performance.now() - t0) / 1000;
  result.model.dispose();
  if (result.status !== 'completed') throw new Error(`training ended ${result.status}`);
  const curve = result.history.val_accuracy ?? [];
  return { valAccuracy: curve.at(-1) ?? 0, curve, seconds };
}
