import { describe, expect, it } from 'vitest';
import { UserFileError } from '../lib/errors';
import { packWeights, unpackWeights } from './inline-weights';
import { emptyProject, parseProjectFile, serializeProject } from '../project/project-file';
import { seedExample } from '../analysis/templates';

const weights = [
  { name: 'dense_1/kernel', shape: [4, 2], values: Float32Array.from({ length: 8 }, (_, i) => i / 7 - 0.5) },
  { name: 'dense_1/bias', shape: [2], values: Float32Array.of(0.25, -1e-7) },
];

describe('weights inside a project file', () => {
  it('round-trips float32 values exactly through base64', () => {
    expect(unpackWeights(packWeights(weights))).toEqual(weights);
  });

  it('survives saving and opening the project', () => {
    const project = { ...emptyProject('with weights'), graph: seedExample(), weights: packWeights(weights) };
    const reopened = parseProjectFile(serializeProject(project));
    expect(reopened.weights && unpackWeights(reopened.weights)).toEqual(weights);
  });

  it('refuses weights whose bytes do not match their shapes', () => {
    const packed = packWeights(weights);
    const broken = { ...packed, specs: [...packed.specs, { name: 'extra/kernel', shape: [3] }] };
    expect(() => unpackWeights(broken)).toThrow(UserFileError);
    expect(() => unpackWeights(broken)).toThrow("the project's weights hold 40 bytes but their shapes need 52");
  });
});
