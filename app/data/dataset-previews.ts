import { sampleRows } from '../../src/data/features';
import type { Dataset } from '../../src/data/types';

/** Up to `perClass` samples of each class of an image dataset, for the grid preview. */
export function previewsOf(dataset: Dataset, perClass = 8) {
  const names = dataset.classNames ?? [];
  const classes = names.length;
  const previews: Record<string, Float32Array[]> = Object.fromEntries(names.map((n) => [n, []]));
  const counts: Record<string, number> = Object.fromEntries(names.map((n) => [n, 0]));
  for (let i = 0; i < dataset.count; i += 1) {
    let label = 0;
    for (let c = 1; c < classes; c += 1) if ((dataset.y[i * classes + c] ?? 0) > (dataset.y[i * classes + label] ?? 0)) label = c;
    const name = names[label] as string;
    counts[name] = (counts[name] ?? 0) + 1;
    const list = previews[name];
    if (list && list.length < perClass) list.push(sampleRows(dataset, i, 1));
  }
  return { previews, counts };
}
