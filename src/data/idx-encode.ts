/**
 * Writes IDX files (the format `idx.ts` reads): for tests, and for the scripts that generate
 * Fashion-MNIST-sized datasets at test time instead of downloading them.
 */
import { IDX_IMAGES_MAGIC, IDX_LABELS_MAGIC } from './idx';
import type { IdxImages } from './idx';

function withHeader(header: readonly number[], body: Uint8Array): Uint8Array {
  const out = new Uint8Array(4 * header.length + body.length);
  const view = new DataView(out.buffer);
  header.forEach((v, i) => view.setUint32(4 * i, v, false));
  out.set(body, 4 * header.length);
  return out;
}

/** An IDX image file (magic 2051, uncompressed) holding `images`. */
export function encodeIdxImages(images: IdxImages): Uint8Array {
  return withHeader([IDX_IMAGES_MAGIC, images.count, images.rows, images.cols], images.pixels);
}

/** An IDX label file (magic 2049, uncompressed): one uint8 class id per sample. */
export function encodeIdxLabels(labels: Uint8Array): Uint8Array {
  return withHeader([IDX_LABELS_MAGIC, labels.length], labels);
}
