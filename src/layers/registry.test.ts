import { describe, expect, it } from 'vitest';
import { conv2d } from './conv2d';
import { dense } from './dense';
import { LAYER_KINDS } from '../graph/layer-kinds';
import { maxPooling2d } from './max-pooling2d';
import { registry } from './registry';
import type { Registry } from './registry';

describe('the layer registry', () => {
  it('holds each kind under its own name', () => {
    for (const kind of LAYER_KINDS) expect(registry[kind].kind).toBe(kind);
  });

  it('does not type-check a spec registered under another kind', () => {
    // The typecheck step (tsc, part of npm test) fails if these lines stop being errors.
    // @ts-expect-error: a Conv2D spec under Dense
    const wrong: Registry = { ...registry, Dense: conv2d };
    // @ts-expect-error: a spec from a shared factory keeps its own kind (MaxPooling2D, not AveragePooling2D)
    const alsoWrong: Registry = { ...registry, AveragePooling2D: maxPooling2d };
    const right: Registry = { ...registry, Dense: dense };
    expect([wrong.Dense.kind, alsoWrong.AveragePooling2D.kind, right.Dense.kind]).toEqual(['Conv2D', 'MaxPooling2D', 'Dense']);
  });
});
