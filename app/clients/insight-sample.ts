import type { FittedPreprocessing, SplitDataset } from '../../src/data/types';
import { featureOffset } from '../../src/data/preprocess';
import { featureSize, sampleRows } from '../../src/data/features';
import { textFeatureOf, textWidth } from '../../src/data/text-column';
import { sequenceOfIds } from '../../src/data/text';
import { viewedSamples } from '../../src/train/insight-probe';
import type { InsightSample } from '../store/insight-slice';
import type { SamplePositions } from '../../src/data/text';

/**
 * Where sample `index` of the views sits: among the validation samples (the training samples
 * when there are none, as the worker picks), its class name when the data is classified, and,
 * when `fitted` has a text column, the tokens its ids stand for (so attention maps name them).
 */
export function insightSampleOf(split: SplitDataset | undefined, index: number, fitted?: FittedPreprocessing): InsightSample {
  if (!split) return { count: 0 };
  const pool = viewedSamples(split);
  if (pool.count === 0) return { count: 0 };
  const i = Math.min(Math.max(0, index), pool.count - 1);
  const positions = fitted === undefined ? undefined : textPositions(pool, i, fitted);
  const withPositions = positions === undefined ? {} : { positions };
  if (pool.task !== 'classification') return { count: pool.count, ...withPositions };
  const width = pool.targetShape.reduce((a, b) => a * b, 1);
  const y = pool.y.subarray(i * width, (i + 1) * width);
  // One-hot targets name their class by the largest entry, integer targets by their value.
  let id = width === 1 ? Math.round(y[0] ?? 0) : 0;
  if (width > 1) for (let k = 1; k < width; k++) if ((y[k] ?? 0) > (y[id] ?? 0)) id = k;
  return { count: pool.count, label: pool.classNames?.[id] ?? `class ${id}`, ...withPositions };
}

/** The text column's tokens in sample `i`, when the samples are the ones `fitted` made (same width). */
function textPositions(pool: ReturnType<typeof viewedSamples>, i: number, fitted: FittedPreprocessing): SamplePositions | undefined {
  const feature = textFeatureOf(fitted);
  if (feature === undefined || featureSize(pool) !== fitted.featureNames.length) return undefined;
  const offset = featureOffset(fitted, feature.name);
  const row = sampleRows(pool, i, 1);
  const ids = row.subarray(offset, offset + textWidth(feature));
  return { sequence: sequenceOfIds(ids, feature.vectorizer), offset, featureNames: fitted.featureNames };
}
