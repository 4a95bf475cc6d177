import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openModelFile } from './open-file';

const seed = readFileSync(new URL('../project/fixtures/seed-v3.netloom.json', import.meta.url), 'utf8');

describe('openModelFile', () => {
  it('reads a project whose format tag is damaged as a project, and says what the tag should be', () => {
    const text = seed.replace('"format": "netloom-project"', '"format": "netloom-projekt"');
    expect(() => openModelFile(text, 'p.netloom.json')).toThrow(
      'p.netloom.json: not a Netloom project: the file has format "netloom-projekt", expected "netloom-project"',
    );
  });

  it('tells a file that is neither apart', () => {
    expect(() => openModelFile('{"hello": 1}', 'x.json')).toThrow(
      'x.json: is neither a Netloom project (.netloom.json) nor a Keras / TF.js layers model (model.json)',
    );
  });
});
