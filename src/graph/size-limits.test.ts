import { describe, expect, it } from 'vitest';
import { analyze } from '../analysis/analyze';
import { GraphBuilder } from '../analysis/builder';

describe('size limits', () => {
  it('refuses a layer no browser can hold, on that layer, before anything is allocated', () => {
    const b = new GraphBuilder();
    const dense = b.add('Dense', { units: 1e9 }, b.input([8]));
    const a = analyze(b.graph);
    expect(a.nodes[dense]?.diagnostics).toEqual([
      expect.objectContaining({
        code: 'too-large',
        severity: 'error',
        message: 'dense_1 would have 9,000,000,000 parameters (36.0 GB); one layer can hold at most 268,435,456 (1 GB) in a browser: make it smaller',
      }),
    ]);
    expect(a.hasErrors).toBe(true);
  });

  it('warns on a model that may not train in a browser, on its largest layer', () => {
    const b = new GraphBuilder();
    const big = b.add('Dense', { units: 4096 }, b.input([8192]));
    b.chain(big, ['Dense', { units: 10 }]);
    const d = analyze(b.graph).nodes[big]?.diagnostics[0];
    expect(d).toMatchObject({ code: 'large-model', severity: 'warning' });
    expect(d?.message).toMatch(/^The model has 33,599,498 parameters \(134 MB of weights\); training it here needs about 538 MB/);
  });

  it('refuses a chain deeper than TF.js can build', () => {
    const b = new GraphBuilder();
    let x = b.input([4]);
    for (let i = 0; i < 2_001; i += 1) x = b.add('Activation', {}, x);
    const a = analyze(b.graph);
    expect(a.diagnostics.filter((d) => d.code === 'too-large').map((d) => d.message)).toEqual([
      'The model is more than 2,000 layers deep at activation_2000; TF.js builds models up to about 2,000 layers deep',
    ]);
  });
});
