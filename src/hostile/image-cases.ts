/**
 * Hostile image folders and zips, one subfolder per class, trained on for one epoch: images that
 * lie about their size or are no images, folder structures that cannot be classes, and zips that
 * nest, climb out of their folder or expand past any reason.
 */
import { claimSize, makeJpeg } from '../data/images/test-images';
import type { CaseFile, CaseFolder, HostileCase, Outcome } from './case';
import { claimJpegSize, classImages, file, filesOf, folder, forgeZipSizes, greyPng, imageDoc, jsonFile, zipOf } from './make';

const PROJECT = 'project.netloom.json';
/** Two classes of three images each: what a case adds its hostile files to. */
const good = (root = 'images') => classImages(root, ['a', 'b']);

function imageCase(
  id: string,
  what: string,
  files: readonly (CaseFile | CaseFolder)[],
  expect: Outcome,
  extra: { zip?: boolean; classes?: number; app?: HostileCase['app'] } = {},
): HostileCase {
  return {
    kind: 'images',
    id,
    what,
    files: [...files, jsonFile(PROJECT, imageDoc(extra.classes ?? 2))],
    command: { name: 'train', project: PROJECT, data: extra.zip ? 'images.zip' : 'images' },
    expect,
    ...(extra.app ? { app: extra.app } : {}),
  };
}
/** A zip case: `entries` zipped (when the case is written) as images.zip. */
const zipCase = (id: string, what: string, entries: () => Record<string, Uint8Array | string>, expect: Outcome, app?: HostileCase['app']): HostileCase =>
  imageCase(id, what, [file('images.zip', () => zipOf(entries()))], expect, { zip: true, ...(app ? { app } : {}) });

const trains = (skipped?: string): Outcome => ({ exit: 0, says: skipped === undefined ? '{"epoch":1' : [`note: skipped ${skipped}`, '{"epoch":1'] });
const refused = (says: string): Outcome => ({ exit: 1, says });
const HUGE = '10,000 x 10,000 pixels (100 megapixels), over the 40-megapixel limit for one image; shrink it to use it';
const text = (s: string) => new TextEncoder().encode(s);

const pictures: HostileCase[] = [
  imageCase(
    'png-claims-10000',
    'a PNG whose header claims 10,000 x 10,000 pixels: skipped with its size, before decoding',
    filesOf({ ...good(), 'images/a/huge.png': claimSize(greyPng(9), 10_000, 10_000) }),
    { ...trains(`images/a/huge.png: ${HUGE}`), seconds: 10, megabytes: 300 },
    { app: { input: 'folder', shows: 'skipped-files', says: `images/a/huge.png: ${HUGE}`, opens: true } },
  ),
  imageCase(
    'jpeg-claims-60000',
    'a JPEG whose frame header claims 60,000 x 60,000 pixels',
    filesOf({ ...good(), 'images/b/huge.jpg': claimJpegSize(makeJpeg(8, 8, [200, 200, 200]), 60_000, 60_000) }),
    { ...trains('images/b/huge.jpg: 60,000 x 60,000 pixels (3,600 megapixels), over the 40-megapixel limit'), seconds: 10, megabytes: 300 },
  ),
  imageCase(
    'png-truncated',
    'a PNG cut off after 40 bytes',
    filesOf({ ...good(), 'images/a/cut.png': greyPng(7).slice(0, 40) }),
    trains('images/a/cut.png: not a readable image'),
  ),
  imageCase(
    'png-zero-size',
    'a PNG whose header claims 0 x 0 pixels',
    filesOf({ ...good(), 'images/a/zero.png': claimSize(greyPng(7), 0, 0) }),
    trains('images/a/zero.png: not a readable image'),
  ),
  imageCase(
    'jpeg-zero-bytes',
    'a JPEG of zero bytes',
    filesOf({ ...good(), 'images/b/empty.jpg': new Uint8Array() }),
    trains('images/b/empty.jpg: empty file'),
  ),
  imageCase(
    'png-that-is-text',
    'a text file named .png',
    filesOf({ ...good(), 'images/a/notes.png': text('not a picture, just text') }),
    trains('images/a/notes.png: not a readable image'),
  ),
  imageCase(
    'jpeg-named-png',
    'a JPEG saved as .png (read by its bytes, as a browser does)',
    filesOf({ ...good(), 'images/a/photo.png': makeJpeg(8, 8, [30, 30, 30]) }),
    { exit: 0, says: '7 images in 2 classes', never: ['skipped images/a/photo.png'] },
  ),
  imageCase(
    'gif-webp-bmp',
    'GIF, WebP and BMP files, which the CLI cannot decode',
    filesOf({ ...good(), 'images/a/x.gif': text('GIF89a\u0001\u0000\u0001\u0000'), 'images/b/y.bmp': text('BM not really') }),
    trains('images/a/x.gif: cannot decode .gif files outside the browser'),
  ),
  imageCase(
    'non-images-mixed',
    'text, CSV, .DS_Store, __MACOSX and Thumbs.db among the images',
    filesOf({
      ...good(),
      'images/a/readme.txt': 'cats',
      'images/b/labels.csv': 'a,b\n1,2\n',
      'images/.DS_Store': 'x',
      'images/__MACOSX/a/._0.png': 'x',
      'images/b/Thumbs.db': 'x',
    }),
    { ...trains('images/a/readme.txt: not an image (.txt)'), never: ['.DS_Store', '__MACOSX', 'Thumbs.db'] },
  ),
  imageCase(
    'upper-case-extension',
    'images named .PNG and .JpEg',
    filesOf({ ...good(), 'images/a/BIG.PNG': greyPng(3), 'images/b/odd.JpEg': makeJpeg(8, 8, [250, 250, 250]) }),
    { exit: 0, says: '8 images in 2 classes' },
  ),
];

const structure: HostileCase[] = [
  imageCase(
    'empty-class-folder',
    'an empty class folder beside two full ones',
    [...filesOf(good()), folder('images/c')],
    refused('class folder "c" has no images: add some or remove the folder'),
    { classes: 3 },
  ),
  imageCase(
    'one-class',
    'one class only',
    filesOf(classImages('images', ['a'])),
    refused('the folder has only one class (a); a classifier needs at least two'),
  ),
  imageCase(
    'no-class-folders',
    'images directly in the folder, no class subfolders',
    filesOf({ 'images/0.png': greyPng(1), 'images/1.png': greyPng(200) }),
    refused('put the images in one subfolder per class, e.g. cats/1.png and dogs/2.png'),
  ),
  imageCase(
    'no-images',
    'class folders holding only text files',
    filesOf({ 'images/a/1.txt': 'x', 'images/b/2.txt': 'y' }),
    refused('the folder has no images (PNG, JPEG, WebP, GIF or BMP)'),
  ),
  imageCase(
    'class-unreadable',
    'a third class whose every image is unreadable',
    filesOf({ ...good(), 'images/c/0.png': text('no'), 'images/c/1.png': text('nope') }),
    refused('class folder "c" has no readable images (images/c/0.png: not a readable image): replace them or remove the folder'),
    { classes: 3 },
  ),
  imageCase(
    'one-class-readable',
    'two classes, one of them all unreadable',
    filesOf({ ...classImages('images', ['a']), 'images/b/0.png': text('no') }),
    refused('only the class a has readable images; a classifier needs at least two'),
  ),
  imageCase(
    'all-unreadable',
    'no image that can be read at all',
    filesOf({ 'images/a/0.png': text('no'), 'images/b/0.png': text('nope') }),
    refused('none of the 2 images could be read (images/a/0.png: not a readable image)'),
  ),
  imageCase(
    'prototype-class-names',
    'classes named __proto__, constructor and toString',
    filesOf(classImages('images', ['__proto__', 'constructor', 'toString'])),
    { exit: 0, says: '9 images in 3 classes' },
    { classes: 3 },
  ),
  imageCase(
    'odd-class-names',
    'class names with spaces, accents, emoji and an escape sequence',
    filesOf(classImages('images', ['grey cat', 'café 😀', 'x\u001b[2J'])),
    { exit: 0, says: '9 images in 3 classes', never: ['\u001b'] },
    { classes: 3 },
  ),
];

/** Zeros that deflate a thousandfold: a 20 MB entry in a zip of about 20 KB. */
const zeros = () => new Uint8Array(20 * 1024 * 1024);
/** `count` tiny entries, each a folder's worth of nothing. */
const many = (count: number) => Object.fromEntries(Array.from({ length: count }, (_, i) => [`images/a/${i}.txt`, '']));

const zips: HostileCase[] = [
  zipCase('zip-good', 'a zip of two class folders (the baseline)', () => good(), { exit: 0, says: '6 images in 2 classes' }),
  zipCase(
    'zip-in-zip',
    'a zip holding only another zip',
    () => ({ 'images/inner.zip': zipOf(good()) }),
    refused(
      'images.zip: the folder has no images (PNG, JPEG, WebP, GIF or BMP); images/inner.zip is a zip inside it, and a zip inside an upload is not read: unzip it, or upload it on its own',
    ),
    {
      input: 'zip',
      shows: 'data-error',
      says: 'the folder has no images (PNG, JPEG, WebP, GIF or BMP); images/inner.zip is a zip inside it, and a zip inside an upload is not read: unzip it, or upload it on its own',
      opens: false,
    },
  ),
  zipCase(
    'zip-in-zip-mixed',
    'a zip inside the zip beside good images: skipped with the reason',
    () => ({ ...good(), 'images/a/more.zip': zipOf(good()) }),
    trains('images/a/more.zip: a zip inside the upload, which is not read (unzip it, or upload it on its own)'),
  ),
  zipCase(
    'zip-path-traversal',
    'entries named ../../evil.png, /etc/evil.png and a/../../evil.png beside good images',
    () => ({
      ...good(),
      '../../evil.png': greyPng(5),
      '/etc/evil.png': greyPng(5),
      'images/a/../../../evil.png': greyPng(5),
    }),
    {
      exit: 0,
      says: '{"epoch":1',
      kept: [
        { kind: 'not-written', path: '../../evil.png' },
        { kind: 'not-written', path: '../evil.png' },
      ],
    },
  ),
  zipCase(
    'zip-bomb',
    'an image entry of 20 MB of zeros, deflated a thousandfold: refused before inflating',
    () => ({ ...good(), 'images/a/bomb.png': zeros() }),
    { ...refused('images/a/bomb.png in the zip would expand'), seconds: 10, megabytes: 200 },
    {
      input: 'zip',
      shows: 'data-error',
      says: 'images/a/bomb.png in the zip would expand',
      opens: false,
    },
  ),
  imageCase(
    'zip-forged-size',
    'a zip whose headers claim 4 GB per entry',
    [file('images.zip', () => forgeZipSizes(zipOf(good()), 0xfff0_0000))],
    { ...refused('the zip would expand to 25.8 GB, over the 1 GB limit'), seconds: 10, megabytes: 200 },
    { zip: true },
  ),
  zipCase('zip-20001-entries', 'a zip of 20,001 entries', () => many(20_001), refused('the zip has more than 20,000 files, over the limit'), undefined),
  imageCase('zip-not-a-zip', 'a text file named images.zip', [file('images.zip', () => 'PK? no, just text')], refused('images.zip: this is not a zip file'), {
    zip: true,
  }),
  imageCase('zip-empty', 'a zip with nothing in it', [file('images.zip', () => zipOf({}))], refused('images.zip: the folder has no images'), { zip: true }),
  zipCase(
    'zip-empty-class',
    'a zip with an empty class folder',
    () => ({ ...good(), 'images/c/': '' }),
    refused('class folder "c" has no images: add some or remove the folder'),
  ),
  zipCase(
    'zip-backslashes',
    'entries with Windows backslashes (images\\a\\0.png)',
    () => Object.fromEntries(Object.entries(good()).map(([p, b]) => [p.replaceAll('/', '\\'), b])),
    { exit: 0, says: '6 images in 2 classes' },
  ),
];

/** The image cases. */
export const IMAGE_CASES: readonly HostileCase[] = [...pictures, ...structure, ...zips];
