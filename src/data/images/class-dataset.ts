import { UserFileError } from '../../lib/errors';
import type { SkippedFile } from './types';

/**
 * Refuses a class-per-subfolder load whose readable files leave fewer than two classes, or a class
 * with none (it would be an output unit no sample ever trains), naming the first failure.
 * `plural` is `images` or `sound clips`; `reasons[i]` is why `files[i]` could not be read.
 */
export function refuseUnreadClasses(
  classes: readonly string[],
  counts: Readonly<Record<string, number>>,
  files: readonly { readonly className: string }[],
  reasons: readonly (SkippedFile | undefined)[],
  plural: string,
): void {
  const present = classes.filter((c) => (counts[c] ?? 0) > 0);
  if (present.length === 0) {
    const first = reasons.find((r) => r !== undefined);
    throw new UserFileError(`none of the ${files.length} ${plural} could be read${first ? ` (${first.path}: ${first.reason})` : ''}`);
  }
  if (present.length === 1) throw new UserFileError(`only the class ${present[0] ?? ''} has readable ${plural}; a classifier needs at least two`);
  const unread = classes.find((c) => (counts[c] ?? 0) === 0 && files.some((f) => f.className === c));
  if (unread !== undefined) {
    const first = reasons.find((r, i) => r !== undefined && files[i]?.className === unread);
    const why = first === undefined ? '' : ` (${first.path}: ${first.reason})`;
    throw new UserFileError(`class folder "${unread}" has no readable ${plural}${why}: replace them or remove the folder`);
  }
}

/** Class ids as one-hot rows over `classCount` classes. */
export function oneHotRows(labels: readonly number[], classCount: number): Float32Array {
  const y = new Float32Array(labels.length * classCount);
  for (let n = 0; n < labels.length; n++) y[n * classCount + (labels[n] ?? 0)] = 1;
  return y;
}
