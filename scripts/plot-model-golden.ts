// Writes src/compile/fixtures/digits-cnn.plot.svg, the model picture of the digits CNN template
// that src/compile/plot-model.test.ts compares with: run it after changing how the picture is
// drawn, then look at the new picture before committing it.   npx tsx scripts/plot-model-golden.ts
import { writeFileSync } from 'node:fs';
import { digitsCnn } from '../src/analysis/templates';
import { plotModelSvg } from '../src/compile/plot-model';

const out = new URL('../src/compile/fixtures/digits-cnn.plot.svg', import.meta.url);
writeFileSync(out, plotModelSvg(digitsCnn()));
console.log(`wrote ${out.pathname}`);
