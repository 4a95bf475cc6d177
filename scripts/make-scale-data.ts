// Writes the scale datasets of scripts/scale-data.ts into a folder, for trying them in the app or
// the CLI: `npx tsx scripts/make-scale-data.ts out/scale [--images 60000] [--pngs 10000] [--csv-rows 1000000]`.
// Nothing is downloaded; the same command writes the same bytes.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { writeBenchCsv, writeScaleIdx, writeScalePngFolder, writeScalePngZip } from './scale-data';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { images: { type: 'string', default: '60000' }, pngs: { type: 'string', default: '10000' }, 'csv-rows': { type: 'string', default: '0' } },
});
const dir = positionals[0];
if (dir === undefined) {
  console.error('Usage: npx tsx scripts/make-scale-data.ts DIR [--images N] [--pngs N] [--csv-rows N]');
  process.exit(2);
}
await mkdir(dir, { recursive: true });
const started = performance.now();
const took = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;
const images = Number(values.images);
if (images > 0) {
  const pair = await writeScaleIdx(dir, images);
  console.log(`${pair.images} + ${pair.labels}: ${images} images (${took()})`);
}
const pngs = Number(values.pngs);
if (pngs > 0) {
  console.log(`${await writeScalePngFolder(dir, pngs)}: ${pngs} PNGs in 10 class folders (${took()})`);
  console.log(`${await writeScalePngZip(join(dir, 'shapes.zip'), pngs)}: the same, zipped (${took()})`);
}
const rows = Number(values['csv-rows']);
if (rows > 0) {
  const bytes = await writeBenchCsv(join(dir, 'rows.csv'), { rows });
  console.log(`${join(dir, 'rows.csv')}: ${rows} rows, ${(bytes / 1e6).toFixed(1)} MB (${took()})`);
}
