/** The Iris sample as the trainer's tests train on it: the default plan, 20% held out stratified, seed 42. Tests only. */
import { fileURLToPath } from 'node:url';
import { readCsvFile } from '../data/node-files';
import { defaultPlan } from '../data/plan';
import { fitPreprocessing, transformTable } from '../data/preprocess';
import { splitDataset } from '../data/split';
import type { SplitDataset } from '../data/types';

const IRIS = fileURLToPath(new URL('../../public/samples/iris.csv', import.meta.url));

/** public/samples/iris.csv, split 120 / 30 with 10 of each class held out. */
export async function loadIris(): Promise<SplitDataset> {
  const table = await readCsvFile(IRIS);
  const plan = defaultPlan(table);
  return splitDataset(transformTable(table, fitPreprocessing(table, plan), plan), { validation: 0.2, stratified: true, seed: 42 });
}
