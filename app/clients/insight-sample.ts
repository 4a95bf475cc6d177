import type { SplitDataset } from '../../src/data/types';
import { viewedSamples } from '../../src/train/insight-probe';
import type { InsightSample } from '../store/insight-slice';

/**
 * Where sample `index` of the views sits: among the validation samples (the training samples
 * when there are none, as the worker picks), and its class name when the data is classified.
 */
export function insightSampleOf(split: SplitDataset | undefined, index: number): InsightSample {
  if (!split) return { count: 0 };
  const pool = viewedSamples(split);
  if (pool.count === 0) return { count: 0 };
  const i = Math.min(Math.max(0, index), pool.count - 1);
  if (pool.task !== 'classification') return { count: pool.count };
  const width = pool.targetShape.reduce((a, b) => a * b, 1);
  const y = pool.y.subarray(i * width, (i + 1) * width);
  // One-hot targets name their class by the largest entry, integer targets by their value.
  let id = width === 1 ? Math.round(y[0] ?? 0) : 0;
  if (width > 1) for (let k = 1; k < width; k++) if ((y[k] ?? 0) > (y[id] ?? 0)) id = k;
  return { count: pool.count, label: pool.classNames?.[id] ?? `class ${id}` };
}
