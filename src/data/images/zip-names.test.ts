import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { mostlySound } from '../audio/formats';
import { zipNames } from './zip-names';
import type { ReadRange } from './zip-names';

/** A reader over `bytes` that counts what it was asked for. */
function reader(bytes: Uint8Array): { read: ReadRange; bytesRead: () => number } {
  let n = 0;
  return {
    read: (start, end) => {
      n += end - start;
      return Promise.resolve(bytes.slice(start, end));
    },
    bytesRead: () => n,
  };
}

describe("a zip's names, read from its end", () => {
  it('lists the entries of a zip made by fflate, reading only its directory, not its contents', async () => {
    const big = new Uint8Array(2_000_000).map((_, i) => (i * 2654435761) >>> 24);
    const zip = zipSync({ 'yes/1.wav': [big, { level: 0 }], 'no/2.wav': strToU8('RIFF'), 'ünïcode/3.wav': strToU8('x') });
    const r = reader(zip);
    expect(await zipNames(zip.length, r.read)).toEqual(['yes/1.wav', 'no/2.wav', 'ünïcode/3.wav']);
    expect(r.bytesRead()).toBeLessThan(70_000);
  });

  it('finds the end record behind a zip comment', async () => {
    const zip = zipSync({ 'a/x.png': strToU8('png') });
    const comment = strToU8('made by a tool that writes comments, with PK\x05\x06 in it'.repeat(20));
    const withComment = new Uint8Array([...zip, ...comment]);
    // The end record's last field is the comment's length.
    new DataView(withComment.buffer).setUint16(zip.length - 2, comment.length, true);
    expect(await zipNames(withComment.length, reader(withComment).read)).toEqual(['a/x.png']);
  });

  it('says null for what it cannot read: not a zip, too short, a directory out of range', async () => {
    const text = strToU8('name,value\n1,2\n');
    expect(await zipNames(text.length, reader(text).read)).toBeNull();
    expect(await zipNames(3, reader(new Uint8Array(3)).read)).toBeNull();
    const zip = zipSync({ 'a.wav': strToU8('x') });
    const cut = zip.slice(zip.length - 22);
    expect(await zipNames(cut.length, reader(cut).read)).toBeNull();
  });

  it('sends a zip of mostly sound clips to the sound loader, any other to the images', () => {
    expect(mostlySound(['yes/', 'yes/1.wav', 'no/2.ogg', 'readme.txt'])).toBe(true);
    expect(mostlySound(['cat/1.png', 'dog/2.jpg', 'dog/bark.wav'])).toBe(false);
    expect(mostlySound(['__MACOSX/yes/._1.wav', 'a/1.png'])).toBe(false);
    expect(mostlySound([])).toBe(false);
  });
});
