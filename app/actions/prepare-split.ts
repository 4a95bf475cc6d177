import { prepareFromDataset } from '../../src/data/prepare';
import { fractionOf } from '../../src/data/validation';
import { signatureOfPlan } from '../../src/data/signature';
import { withTargetEncoding } from '../../src/data/target-encoding';
import type { SplitDataset, TargetEncoding } from '../../src/data/types';
import { lossProblem, targetEncodingFor } from '../../src/data/wiring';
import { analysisOf } from '../store/analysis';
import { UserFileError } from '../../src/lib/errors';
import { preparedSplits, tables } from '../services';
import { useStore } from '../store/store';
import { planSettled } from './data-plan';

/**
 * The training and validation samples for the data in memory, split by the data's one validation
 * setting: a table's plan (in the table worker), or the held-out share of images and ready
 * datasets. The same split comes back while nothing it depends on changed, so the training
 * worker keeps its copy.
 */
export async function prepareSplit(): Promise<SplitDataset> {
  await planSettled();
  const { loaded, data } = useStore.getState();
  if (!loaded) throw new UserFileError('choose data first, in the Data tab');
  const encoding = modelEncoding();
  // A failed preparation is not kept: the next Train asks again. The split lives in `data`.
  return preparedSplits.get([loaded, data, encoding], () => splitFor(loaded, data, encoding));
}

type State = ReturnType<typeof useStore.getState>;

function splitFor(loaded: NonNullable<State['loaded']>, data: State['data'], encoding: TargetEncoding | null): Promise<SplitDataset> {
  if (loaded.kind !== 'table') {
    // Ready datasets come one-hot; the model may want class ids or a 0/1 column instead.
    const split = prepareFromDataset(loaded.dataset, fractionOf(data));
    const classes = loaded.dataset.classNames?.length ?? loaded.dataset.targetShape[0] ?? 1;
    return Promise.resolve(encoding === null ? split : withTargetEncoding(split, 'onehot', encoding, classes));
  }
  if ((data.kind !== 'csv' && data.kind !== 'sample') || !data.plan || !data.fitted) {
    return Promise.reject(new UserFileError('the data plan has a problem; fix it in the Data tab first'));
  }
  return tables.prepare(loaded.tableId, data.plan, data.fitted, loaded.validation?.tableId);
}

/** The model's one output: its unit count, when the analysis knows it. */
function outputUnits(): number | null {
  const { graph, dataSignature } = useStore.getState();
  const analysis = analysisOf(graph, dataSignature);
  const shape = analysis.outputs.length === 1 ? analysis.nodes[analysis.outputs[0] as string]?.shape : null;
  return shape?.length === 2 ? (shape[1] ?? null) : null;
}

/** How the model wants its target, for the data in memory, or null when that is not known. */
function modelEncoding(): TargetEncoding | null {
  const { dataSignature, training } = useStore.getState();
  const units = outputUnits();
  return dataSignature === null || units === null ? null : targetEncodingFor(dataSignature, units, training.loss);
}

/**
 * Makes a table's target encoding follow the model before training (Keras's seed with two
 * classes trains `Dense(2, softmax)` on one-hot rows, `Dense(1, sigmoid)` on 0/1), so the data
 * plan and the exported preprocessing say what the model was trained on. Returns why the model
 * cannot train on this data with its loss, or null.
 */
export function fitTargetToModel(): string | null {
  const s = useStore.getState();
  const units = outputUnits();
  if (s.dataSignature === null || units === null) return null;
  const problem = lossProblem(s.dataSignature, units, s.training.loss);
  if (problem !== null) return `The model cannot train with this loss: ${problem} (change the loss in the Train settings)`;
  const want = targetEncodingFor(s.dataSignature, units, s.training.loss);
  const { data } = s;
  if ((data.kind !== 'csv' && data.kind !== 'sample') || !data.plan || !data.fitted || data.plan.target === want) return null;
  const plan = { ...data.plan, target: want };
  const fitted = { ...data.fitted, target: { ...data.fitted.target, encoding: want } };
  s.setDataConfig({ ...data, plan, fitted });
  s.setDataSignature(signatureOfPlan(plan, fitted));
  return null;
}
