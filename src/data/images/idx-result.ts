import { idxToDataset } from '../idx';
import type { IdxPair } from '../idx-pair';
import type { ImageDatasetResult } from './image-dataset';

const PREVIEWS_PER_CLASS = 8;

/**
 * A checked IDX pair as the data panel shows an image folder: the dataset, images per class, and
 * the first few of each class as thumbnails (pixels scaled to [0, 1], HWC with one channel).
 */
export function idxDatasetResult(pair: IdxPair): ImageDatasetResult {
  const { images, labels, classNames } = pair;
  const size = images.rows * images.cols;
  const perClass = new Array<number>(classNames.length).fill(0);
  const previews: Record<string, Float32Array[]> = Object.fromEntries(classNames.map((c) => [c, []]));
  for (let i = 0; i < labels.length; i++) {
    const id = labels[i] ?? 0;
    perClass[id] = (perClass[id] ?? 0) + 1;
    const shown = previews[classNames[id] ?? ''];
    if (shown === undefined || shown.length >= PREVIEWS_PER_CLASS) continue;
    const preview = new Float32Array(size);
    for (let p = 0; p < size; p++) preview[p] = (images.pixels[i * size + p] ?? 0) / 255;
    shown.push(preview);
  }
  const counts = Object.fromEntries(classNames.map((c, id) => [c, perClass[id] ?? 0]));
  return { dataset: idxToDataset(images, labels, classNames), skipped: [], previews, counts, omitted: 0 };
}
