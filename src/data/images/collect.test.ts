import { describe, expect, it } from 'vitest';
import { UserFileError } from '../../lib/errors';
import { collectImageFiles, naturalCompare } from './collect';
import { entriesOf } from './test-images';

const img = new Uint8Array([1, 2, 3]);

function collect(paths: readonly string[], pickedFolder?: boolean) {
  return collectImageFiles(entriesOf(Object.fromEntries(paths.map((p) => [p, /\.(txt|csv)$/.test(p) ? 'x' : img]))), { pickedFolder });
}

describe('collectImageFiles', () => {
  it.each([
    ['under a root folder', ['digits/0/a.png', 'digits/1/b.png'], ['0', '1']],
    ['without a root folder', ['0/a.png', '1/b.png'], ['0', '1']],
    ['under a nested root', ['x/y/data/cat/a.png', 'x/y/data/dog/b.jpg'], ['cat', 'dog']],
    ['with images deeper inside a class', ['d/cat/2020/a.png', 'd/dog/b.png'], ['cat', 'dog']],
    ['with backslashes and ./', ['./d\\cat\\a.png', './d\\dog\\b.png'], ['cat', 'dog']],
  ])('finds the classes %s', (_name, paths, classes) => {
    expect(collect(paths).classes).toEqual(classes);
  });

  it('sorts classes and files naturally and groups files by class', () => {
    const { classes, files } = collect(['d/10/b.png', 'd/2/img10.png', 'd/2/img2.png', 'd/10/a.png']);
    expect(classes).toEqual(['2', '10']);
    expect(files.map((f) => f.path)).toEqual(['d/2/img2.png', 'd/2/img10.png', 'd/10/a.png', 'd/10/b.png']);
    expect(files.map((f) => f.className)).toEqual(['2', '2', '10', '10']);
  });

  it('accepts every image extension in any case', () => {
    const paths = ['d/a/1.PNG', 'd/a/2.Jpg', 'd/a/3.jpeg', 'd/b/4.WEBP', 'd/b/5.gif', 'd/b/6.bmp'];
    expect(collect(paths).files).toHaveLength(6);
  });

  it('skips other files with a reason and hidden files silently', () => {
    const { files, skipped } = collect([
      'd/a/1.png',
      'd/b/2.png',
      'd/notes.txt',
      'd/a/Makefile',
      'd/.DS_Store',
      'd/a/.hidden.png',
      '__MACOSX/d/a/._1.png',
      'd/.git/x.png',
      'd/b/Thumbs.db',
    ]);
    expect(files.map((f) => f.path)).toEqual(['d/a/1.png', 'd/b/2.png']);
    expect(skipped).toEqual([
      { path: 'd/a/Makefile', reason: 'not an image (no extension)' },
      { path: 'd/notes.txt', reason: 'not an image (.txt)' },
    ]);
  });

  it('skips images lying beside the class folders, and empty files', () => {
    const entries = [
      ...entriesOf({ 'd/a/1.png': img, 'd/b/2.png': img, 'd/loose.png': img }),
      { path: 'd/a/0.png', size: 0, read: () => Promise.resolve(new Uint8Array()) },
    ];
    const { skipped } = collectImageFiles(entries);
    expect(skipped).toEqual([
      { path: 'd/a/0.png', reason: 'empty file' },
      { path: 'd/loose.png', reason: 'not in a class subfolder' },
    ]);
  });

  it('reads files through the entry', async () => {
    const { files } = collect(['d/a/1.png', 'd/b/2.png']);
    await expect(files[0]?.read()).resolves.toEqual(img);
  });

  const noImages = 'the folder has no images (PNG, JPEG, WebP, GIF or BMP)';
  const noFolders = 'put the images in one subfolder per class, e.g. cats/1.png and dogs/2.png';
  it.each([
    ['nothing', [], undefined, noImages],
    ['only other files', ['d/a.txt', 'd/.DS_Store'], undefined, noImages],
    ['images at the top of a zip', ['1.png', '2.png'], undefined, noFolders],
    ['images directly in the picked folder', ['pets/1.png', 'pets/2.png'], true, noFolders],
    [
      'one class folder in the picked folder',
      ['pets/cats/1.png', 'pets/cats/2.png'],
      true,
      'the folder has only one class (cats); a classifier needs at least two',
    ],
    ['one class folder in a zip', ['cats/1.png'], undefined, 'the folder has only one class (cats); a classifier needs at least two'],
    ['one class plus loose images', ['pets/1.png', 'pets/dogs/2.png'], true, 'the folder has only one class (dogs); a classifier needs at least two'],
    ['an empty class folder', ['pets/cats/', 'pets/dogs/1.png', 'pets/birds/2.png'], true, 'class folder "cats" has no images: add some or remove the folder'],
    [
      'an empty class folder beside the only class',
      ['pets/cats/', 'pets/dogs/1.png'],
      true,
      'class folder "cats" has no images: add some or remove the folder',
    ],
    [
      'an empty class folder in a zip without a root',
      ['cats/', 'dogs/1.png', 'birds/1.png'],
      undefined,
      'class folder "cats" has no images: add some or remove the folder',
    ],
    [
      'a class folder of other files',
      ['pets/cats/notes.txt', 'pets/cats/list.csv', 'pets/dogs/1.png', 'pets/birds/2.png'],
      true,
      'class folder "cats" has no images (it holds only notes.txt and list.csv): add some or remove the folder',
    ],
    [
      'several empty class folders',
      ['pets/cats/', 'pets/ants/', 'pets/dogs/1.png', 'pets/birds/2.png'],
      true,
      'class folders "ants" and "cats" have no images: add some or remove them',
    ],
    [
      'a zip inside the zip, and nothing else',
      ['data/inner.zip', 'data/readme.txt'],
      undefined,
      'the folder has no images (PNG, JPEG, WebP, GIF or BMP); data/inner.zip is a zip inside it, and a zip inside an upload is not read: unzip it, or upload it on its own',
    ],
  ])('refuses %s', (_name, paths, picked, message) => {
    const run = () => collect(paths, picked);
    expect(run).toThrow(UserFileError);
    expect(run).toThrow(message);
  });

  it('says, for a picked folder, that an empty class folder beside the only class is never sent', () => {
    expect(() => collect(['pets/cats/1.png', 'pets/cats/2.png'], true)).toThrow(
      new UserFileError(
        "the folder has only one class (cats); a classifier needs at least two (the browser's folder picker leaves out empty folders: if another class folder is empty, add images to it)",
      ),
    );
  });

  it('names a zip inside the upload among the skipped files, as not read', () => {
    const { skipped } = collect(['d/a/1.png', 'd/b/2.png', 'd/b/more.zip']);
    expect(skipped).toEqual([{ path: 'd/b/more.zip', reason: 'a zip inside the upload, which is not read (unzip it, or upload it on its own)' }]);
  });

  it('does not count folders above the classes, or inside a class with images, as empty classes', () => {
    expect(collect(['x/', 'x/pets/', 'x/pets/cats/', 'x/pets/cats/old/', 'x/pets/cats/1.png', 'x/pets/dogs/2.png']).classes).toEqual(['cats', 'dogs']);
  });
});

describe('naturalCompare', () => {
  it('orders digit runs by value', () => {
    expect(['10', '2', 'b', 'a1', 'a10', 'a2'].sort(naturalCompare)).toEqual(['2', '10', 'a1', 'a2', 'a10', 'b']);
  });
});
