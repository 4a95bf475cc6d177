import { classificationReport, regressionReport } from '../../src/train/evaluate';
import type { ClassificationReport, RegressionReport } from '../../src/train/evaluate';
import type { SplitDataset } from '../../src/data/types';

/** The validation report for a finished run's outputs on the validation samples of the split it trained on. */
export function evaluateRun(split: SplitDataset | undefined, outputs: Float32Array): ClassificationReport | RegressionReport | null {
  const v = split?.validation;
  if (!v || v.count === 0) return null;
  const outputWidth = Math.max(1, Math.round(outputs.length / v.count));
  if (v.task === 'regression') return regressionReport(v.y, outputs);
  const yWidth = v.targetShape.reduce((a, b) => a * b, 1);
  const names = v.classNames ?? Array.from({ length: Math.max(outputWidth, 2) }, (_, i) => String(i));
  return classificationReport(v.y, yWidth, outputs, outputWidth, names);
}
