import { UserFileError } from '../../lib/errors';
import { extensionOf, formatFromPath, isJunkName } from './formats';
import type { FileEntry, ImageFile, SkippedFile } from './types';

/**
 * What a class folder holds, for {@link collectClassFiles}: which files count, and the words its
 * messages use. Images and sound clips share the walk, the class rules and the messages.
 */
export interface ClassFileKind {
  /** Whether a path names a file of this kind (by its extension). */
  accept(path: string): boolean;
  /** `images`, `sound clips`. */
  readonly plural: string;
  /** The formats, as the "has no images (...)" message lists them. */
  readonly formats: string;
  /** An example layout, `cats/1.png and dogs/2.png`. */
  readonly example: string;
  /** Why a file of another kind is skipped: `not an image (.txt)`. */
  notOne(ext: string): string;
}

/** Extensions of sound files: named in the message for a clip in an image folder, and the ones an audio folder keeps. */
export const SOUND_EXTENSIONS: ReadonlySet<string> = new Set(['wav', 'wave', 'ogg', 'oga', 'opus', 'mp3', 'webm', 'weba', 'm4a', 'aac', 'flac']);

/** The image files a folder may hold (see formats.ts). */
export const IMAGE_FILES: ClassFileKind = {
  accept: (path) => formatFromPath(path) !== undefined,
  plural: 'images',
  formats: 'PNG, JPEG, WebP, GIF or BMP',
  example: 'cats/1.png and dogs/2.png',
  notOne: (ext) =>
    SOUND_EXTENSIONS.has(ext)
      ? `a sound clip, not an image (load sound clips with "Sound folder" or "Sound .zip")`
      : `not an image (${ext === '' ? 'no extension' : `.${ext}`})`,
};

/** How to read the paths given to {@link collectClassFiles}. */
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
  return path
    .replace(/\\/g, '/')
    .split('/')
    .filter((s) => s !== '' && s !== '.');
}

/**
 * Picks the images out of a folder with one subfolder per class (`digits/0/a.png`,
 * `digits/1/b.png` → classes `0` and `1`). The class is the first folder below the deepest folder
 * all images share, so a zip that wraps everything in `digits/` works the same as one that does
 * not. Other files are skipped with a reason (a zip inside the upload says it is not read);
 * hidden files and `__MACOSX` are skipped silently. Throws a UserFileError when no usable class
 * structure is found, or when a class folder (listed as a `path/` entry, or holding only other
 * files) has no images.
 */
export function collectImageFiles(entries: readonly FileEntry[], opts: CollectOptions = {}): CollectedImages {
  return collectClassFiles(entries, IMAGE_FILES, opts);
}

/**
 * Picks the files of `kind` out of a folder with one subfolder per class, by the rules of
 * {@link collectImageFiles} and with its messages in the kind's words.
 */
export function collectClassFiles(entries: readonly FileEntry[], kind: ClassFileKind, opts: CollectOptions = {}): CollectedImages {
  const skipped: SkippedFile[] = [];
  const images: { entry: FileEntry; dirs: string[] }[] = [];
  // Folders and files that are no images: where an empty class folder shows itself.
  const elsewhere: { segments: string[]; file: boolean }[] = [];
  for (const entry of entries) {
    const segments = splitPath(entry.path);
    if (segments.length === 0 || segments.some(isJunkName)) continue;
    if (entry.path.endsWith('/')) {
      elsewhere.push({ segments, file: false });
    } else if (!kind.accept(entry.path)) {
      skipped.push({ path: entry.path, reason: notOne(entry.path, kind) });
      elsewhere.push({ segments, file: true });
    } else if (entry.size === 0) {
      skipped.push({ path: entry.path, reason: 'empty file' });
      elsewhere.push({ segments, file: true });
    } else {
      images.push({ entry, dirs: segments.slice(0, -1) });
    }
  }
  if (images.length === 0) throw noImagesError(skipped, kind);

  const root = commonPrefix(images.map((i) => i.dirs));
  // Only a folder picker sends files without their folders; the CLI, drops and zips list them.
  const foldersUnseen = opts.pickedFolder === true && !elsewhere.some((e) => !e.file);
  if (images.every((i) => i.dirs.length === root.length)) {
    // Every image lies in one folder: either the picked folder itself, or a lone class folder.
    const only = root.at(-1);
    if (only === undefined || (opts.pickedFolder === true && root.length === 1)) {
      throw new UserFileError(`put the ${kind.plural} in one subfolder per class, e.g. ${kind.example}`);
    }
    throw emptyClassesError(elsewhere, root.slice(0, -1), new Set([only]), kind) ?? oneClassError(only, foldersUnseen, kind);
  }

  const files: ImageFile[] = [];
  for (const { entry, dirs } of images) {
    const className = dirs[root.length];
    if (className === undefined) skipped.push({ path: entry.path, reason: 'not in a class subfolder' });
    else files.push({ path: entry.path, className, read: () => entry.read() });
  }
  const classes = [...new Set(files.map((f) => f.className))].sort(naturalCompare);
  const empty = emptyClassesError(elsewhere, root, new Set(classes), kind);
  if (empty !== undefined) throw empty;
  const only = classes[0];
  if (classes.length < 2 && only !== undefined) throw oneClassError(only, foldersUnseen, kind);
  const rank = new Map(classes.map((c, i) => [c, i]));
  files.sort((a, b) => (rank.get(a.className) ?? 0) - (rank.get(b.className) ?? 0) || naturalCompare(a.path, b.path));
  skipped.sort((a, b) => naturalCompare(a.path, b.path));
  return { classes, files, skipped };
}

function notOne(path: string, kind: ClassFileKind): string {
  const ext = extensionOf(path);
  if (ext === 'zip') return 'a zip inside the upload, which is not read (unzip it, or upload it on its own)';
  return kind.notOne(ext);
}

function noImagesError(skipped: readonly SkippedFile[], kind: ClassFileKind): UserFileError {
  const zips = skipped.filter((s) => extensionOf(s.path) === 'zip').map((s) => s.path);
  const base = `the folder has no ${kind.plural} (${kind.formats})`;
  if (zips.length === 0) return new UserFileError(base);
  const named = listNames(zips);
  const verb = zips.length === 1 ? 'is a zip' : 'are zips';
  return new UserFileError(`${base}; ${named} ${verb} inside it, and a zip inside an upload is not read: unzip it, or upload it on its own`);
}

/**
 * The error naming the class folders under `parent` that hold no image, or undefined when every
 * one holds some. A folder holding only other files says which, since that is the usual mistake.
 */
function emptyClassesError(
  elsewhere: readonly { segments: string[]; file: boolean }[],
  parent: readonly string[],
  withImages: ReadonlySet<string>,
  kind: ClassFileKind,
): UserFileError | undefined {
  const contents = new Map<string, string[]>();
  for (const { segments, file } of elsewhere) {
    const name = segments[parent.length];
    const deep = file ? segments.length > parent.length + 1 : segments.length > parent.length;
    if (name === undefined || !deep || withImages.has(name) || !parent.every((p, i) => segments[i] === p)) continue;
    const list = contents.get(name) ?? [];
    if (file) list.push(segments.slice(parent.length + 1).join('/'));
    contents.set(name, list);
  }
  if (contents.size === 0) return undefined;
  const names = [...contents.keys()].sort(naturalCompare);
  const holds =
    names.length === 1 && (contents.get(names[0] as string)?.length ?? 0) > 0 ? ` (it holds only ${listNames(contents.get(names[0] as string) ?? [])})` : '';
  if (names.length === 1) return new UserFileError(`class folder "${names[0] ?? ''}" has no ${kind.plural}${holds}: add some or remove the folder`);
  return new UserFileError(`class folders ${listNames(names.map((n) => `"${n}"`))} have no ${kind.plural}: add some or remove them`);
}

/** `a`, `a and b`, `a, b and c`, `a, b, c and 2 more`. */
function listNames(names: readonly string[]): string {
  const shown = names.slice(0, 3);
  const more = names.length - shown.length;
  if (more > 0) return `${shown.join(', ')} and ${more} more`;
  return shown.length <= 1 ? (shown[0] ?? '') : `${shown.slice(0, -1).join(', ')} and ${shown.at(-1) ?? ''}`;
}

/**
 * The error for a dataset whose images all belong to one class; `foldersUnseen` (a folder picker's
 * upload, which lists no folders) adds why another class may seem to be missing.
 */
export function oneClassError(className: string, foldersUnseen = false, kind: ClassFileKind = IMAGE_FILES): UserFileError {
  // A folder picker sends files only, so an empty class folder beside this one never arrives.
  const hint = foldersUnseen ? ` (the browser's folder picker leaves out empty folders: if another class folder is empty, add ${kind.plural} to it)` : '';
  return new UserFileError(`the folder has only one class (${className}); a classifier needs at least two${hint}`);
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
