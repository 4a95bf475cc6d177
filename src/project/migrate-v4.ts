/**
 * Project files of version 4 -> 5, as raw JSON: the metrics became the Train tab's picker. Version 4
 * compiled a regression with MAE whatever its list said and dropped accuracy there, so a v4
 * training config gets the list it really reported; a classification keeps its own (the schema
 * then drops what does not suit the loss). Kept runs' configs migrate the same way.
 */
const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

const REGRESSION_LOSSES = new Set(['mean_squared_error', 'mean_absolute_error', 'huber']);

/** A v4 `training` object with the metrics version 4 compiled it with. */
export function migrateTrainingV4(training: unknown): unknown {
  if (!isRecord(training)) return training;
  const metrics = Array.isArray(training.metrics) ? (training.metrics as unknown[]) : ['accuracy'];
  if (!REGRESSION_LOSSES.has(String(training.loss))) return { ...training, metrics };
  const kept = metrics.filter((m) => m !== 'accuracy');
  return { ...training, metrics: kept.includes('mae') ? kept : [...kept, 'mae'] };
}

/** A v4 document's training configs (the project's and its kept runs') as version 5 reads them. */
export function migrateDocumentV4(doc: Record<string, unknown>): Record<string, unknown> {
  const runs = Array.isArray(doc.runs)
    ? doc.runs.map((run: unknown) => (isRecord(run) ? { ...run, training: migrateTrainingV4(run.training) } : run))
    : doc.runs;
  return {
    ...doc,
    version: 5,
    ...('training' in doc ? { training: migrateTrainingV4(doc.training) } : {}),
    ...(runs === undefined ? {} : { runs }),
  };
}
