import { UserFileError } from '../../lib/errors';
import { extensionOf, formatFromPath, isJunkName } from './formats';
import type { FileEntry, ImageFile, SkippedFile } from './types';

/** How to read the paths given to {@link collectImageFiles}. */
export interface CollectOptions {
  /**
   * True when every path starts with the one folder the user picked (`File.webkitRelativePath`,
   * a dropped folder). Images lying directly in it then mean "no class subfolders" rather than
   * "one class named after the folder". Zips leave it unset: some wrap their content in a folder
   * and some do not.
   */
  readonly pickedFolder?: boolean;
}

/** The images of a class-per-subfolder tree, grouped by class, plus the files left out. */
export interface CollectedImages {
  /** Class names, sorted naturally (`2` before `10`); a class id is an index into this. */
  readonly classes: readonly string[];
  /** Images in class order, then natural path order, so a dataset is the same on every load. */
  readonly files: readonly ImageFile[];
  readonly skipped: readonly SkippedFile[];
}

/** Compares like a file browser: digit runs as numbers, so `img2` sorts before `img10`. */
export const naturalCompare: (a: string, b: string) => number = (() => {
  const collator = new Intl.Collator('en', { numeric: true });
  return (a, b) => collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
})();

function splitPath(path: string): string[] {
  return path.replace(/\\/g, '/').split('/').filter((s) => s !== '' && s !== '.');
}

/**
 * Picks the images out of a folder with one subfolder per class (`digits/0/a.png`,
 * `digits/1/b.png` → classes `0` and `1`). The class is the first folder below the deepest folder
 * all images share, so a zip that wraps everything in `digits/` works the same as one that does
 * not. Other files are skipped with a reason; hidden files and `__MACOSX` are skipped silently.
 * Throws a UserFileError when no usable class structure is found.
 */
export function collectImageFiles(entries: readonly FileEntry[], opts: CollectOptions = {}): CollectedImages {
  const skipped: SkippedFile[] = [];
  const images: { entry: FileEntry; dirs: string[] }[] = [];
  for (const entry of entries) {
    const segments = splitPath(entry.path);
    if (segments.length === 0 || entry.path.endsWith('/') || segments.some(isJunkName)) continue;
    if (formatFromPath(entry.path) === undefined) {
      const ext = extensionOf(entry.path);
      skipped.push({ path: entry.path, reason: `not an image (${ext === '' ? 'no extension' : `.${ext}`})` });
    } else if (entry.size === 0) {
      skipped.push({ path: entry.path, reason: 'empty file' });
    } else {
      images.push({ entry, dirs: segments.slice(0, -1) });
    }
  }
  if (images.length === 0) throw new UserFileError('the folder has no images (PNG, JPEG, WebP, GIF or BMP)');

  const root = commonPrefix(images.map((i) => i.dirs));
  if (images.every((i) => i.dirs.length === root.length)) {
    // Every image lies in one folder: either the picked folder itself, or a lone class folder.
    const only = root.at(-1);
    if (only === undefined || (opts.pickedFolder === true && root.length === 1)) {
      throw new UserFileError('put the images in one subfolder per class, e.g. cats/1.png and dogs/2.png');
    }
    throw oneClassError(only);
  }

  const files: ImageFile[] = [];
  for (const { entry, dirs } of images) {
    const className = dirs[root.length];
    if (className === undefined) skipped.push({ path: entry.path, reason: 'not in a class subfolder' });
    else files.push({ path: entry.path, className, read: () => entry.read() });
  }
  const classes = [...new Set(files.map((f) => f.className))].sort(naturalCompare);
  const only = classes[0];
  if (classes.length < 2 && only !== undefined) throw oneClassError(only);
  const rank = new Map(classes.map((c, i) => [c, i]));
  files.sort((a, b) => (rank.get(a.className) ?? 0) - (rank.get(b.className) ?? 0) || naturalCompare(a.path, b.path));
  skipped.sort((a, b) => naturalCompare(a.path, b.path));
  return { classes, files, skipped };
}

/** The error for a dataset whose images all belong to one class. */
export function oneClassError(className: string): UserFileError {
  return new UserFileError(`the folder has only one class (${className}); a classifier needs at least two`);
}

function commonPrefix(lists: readonly (readonly string[])[]): string[] {
  const first = lists[0] ?? [];
  let n = first.length;
  for (const list of lists) {
    let k = 0;
    while (k < n && k < list.length && list[k] === first[k]) k++;
    n = k;
  }
  return first.slice(0, n);
}
