import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { seedExample } from '../analysis/templates';
import { packWeights, unpackWeights } from '../graph/inline-weights';
import { UserFileError } from '../lib/errors';
import { sampleRun } from '../runs/run-test-support';
import { emptyProject, parseProjectFile, serializeProject } from './project-file';

const weights = [
  { name: 'dense_1/kernel', shape: [2, 1], values: Float32Array.of(0.5, -1) },
  { name: 'dense_1/bias', shape: [1], values: Float32Array.of(0.25) },
];
const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const withWeights = (epochs?: number) => ({ ...emptyProject('trained'), graph: seedExample(), weights: packWeights(weights, epochs) });

describe('the epochs that trained a project’s weights', () => {
  it('travel with the weights through saving and opening, written before the long data', () => {
    const text = serializeProject(withWeights(2));
    const reopened = parseProjectFile(text);
    expect(reopened.weights?.epochs).toBe(2);
    expect(reopened.weights && unpackWeights(reopened.weights)).toEqual(weights);
    expect(Object.keys((JSON.parse(text) as { weights: object }).weights)).toEqual(['encoding', 'epochs', 'specs', 'data']);
    // Saving what was opened gives the same bytes.
    expect(serializeProject(reopened)).toBe(text);
  });

  it('keep 0 for untrained weights, apart from unknown', () => {
    expect(parseProjectFile(serializeProject(withWeights(0))).weights?.epochs).toBe(0);
    const unknown = parseProjectFile(serializeProject(withWeights()));
    expect(unknown.weights).toBeDefined();
    expect(unknown.weights && 'epochs' in unknown.weights).toBe(false);
  });

  it('are unknown in a file saved before the count was kept (version 5 and, through the migrations, version 4)', () => {
    const { weights: packed } = withWeights();
    for (const name of ['seed-v5.netloom.json', 'seed-v4.netloom.json']) {
      const old = { ...(JSON.parse(fixture(name)) as Record<string, unknown>), weights: packed };
      const opened = parseProjectFile(JSON.stringify(old), name);
      expect(opened.weights?.epochs).toBeUndefined();
      expect(opened.weights && unpackWeights(opened.weights)).toEqual(weights);
      expect(serializeProject(opened)).not.toContain('"epochs": 0');
    }
  });

  it('refuse a count that is not a whole number of at least 0, naming the field', () => {
    for (const epochs of [-1, 1.5, '2']) {
      const text = serializeProject(withWeights(2)).replace('"epochs": 2', `"epochs": ${JSON.stringify(epochs)}`);
      expect(() => parseProjectFile(text, 'bad.netloom.json')).toThrow(UserFileError);
      expect(() => parseProjectFile(text, 'bad.netloom.json')).toThrow(/weights\.epochs/);
    }
  });

  it("are kept with a saved run's weights too", () => {
    const run = { ...sampleRun(), weightData: packWeights(weights, 4) };
    const reopened = parseProjectFile(serializeProject({ ...emptyProject('runs'), graph: seedExample(), runs: [run] }));
    expect(reopened.runs?.[0]?.weightData?.epochs).toBe(4);
  });
});
