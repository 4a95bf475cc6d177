import type { Dataset, DataPlan, FittedPreprocessing } from './types';
import type { DataSignature } from './wiring';

/** What a ready dataset (images, IDX, toy) asks of the model: its y is one-hot or a number. */
export function signatureOfDataset(dataset: Dataset): DataSignature {
  const classes = dataset.classNames?.length ?? dataset.targetShape[0] ?? 1;
  return {
    featureShape: dataset.featureShape,
    task: dataset.task,
    classes,
    encoding: dataset.task === 'regression' ? 'regression' : 'onehot',
  };
}

/** What a table under a plan asks of the model, from the preprocessing fitted on it. */
export function signatureOfPlan(plan: DataPlan, fitted: FittedPreprocessing): DataSignature {
  const classes = fitted.target.classes?.length ?? 1;
  const text = fitted.features.find((f) => f.kind === 'text');
  return {
    featureShape: [fitted.featureNames.length],
    task: plan.target === 'regression' ? 'regression' : 'classification',
    classes,
    encoding: plan.target,
    ...(text ? { text: { column: text.name, vocabularySize: text.vectorizer.vocabulary.length } } : {}),
  };
}
