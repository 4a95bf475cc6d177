import { invariant } from '../lib/invariant';
import type { Dataset, SplitDataset, TargetEncoding } from './types';

const width = (encoding: TargetEncoding, classes: number) => (encoding === 'onehot' ? classes : 1);

function classOf(y: Float32Array, at: number, encoding: TargetEncoding, classes: number): number {
  if (encoding === 'binary') return (y[at] ?? 0) > 0.5 ? 1 : 0;
  if (encoding === 'integer') return Math.round(y[at] ?? 0);
  let best = 0;
  for (let c = 1; c < classes; c += 1) if ((y[at + c] ?? 0) > (y[at + best] ?? 0)) best = c;
  return best;
}

function reencode(d: Dataset, from: TargetEncoding, to: TargetEncoding, classes: number): Dataset {
  const w = width(to, classes);
  const y = new Float32Array(d.count * w);
  const step = width(from, classes);
  for (let i = 0; i < d.count; i += 1) {
    const c = classOf(d.y, i * step, from, classes);
    if (to === 'onehot') y[i * w + c] = 1;
    else y[i] = c;
  }
  return { ...d, y, targetShape: [w] };
}

/**
 * The same samples with their class targets in another encoding (one-hot rows, class ids, or
 * 0/1 for two classes), so one dataset trains `Dense(1, sigmoid)` and `Dense(2, softmax)` alike.
 * Regression targets stay as they are.
 */
export function withTargetEncoding(split: SplitDataset, from: TargetEncoding, to: TargetEncoding, classes: number): SplitDataset {
  if (from === to || from === 'regression' || to === 'regression') return split;
  invariant(to !== 'binary' || classes === 2, `a 0/1 target needs 2 classes, not ${classes}`);
  return { train: reencode(split.train, from, to, classes), validation: reencode(split.validation, from, to, classes) };
}
