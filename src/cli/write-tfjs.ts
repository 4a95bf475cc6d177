/**
 * Writes a TF.js export into a folder, as `export --format tfjs` and `train --out` do: the
 * files `tfjsExportFiles` lists (netloom-layers.js among them when the model needs it).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { NETLOOM_LAYERS_JS } from '../compile/generated/netloom-layers-source';
import type { ModelFiles } from '../compile/model-files';
import { NETLOOM_LAYERS_NOTE, netloomClassesIn, tfjsExportFiles } from '../compile/netloom-layers';

/** What `writeTfjsExport` wrote, in words for the CLI's output. */
export interface WrittenExport {
  /** `out/model.json and model.weights.bin`, or `out/model.json, model.weights.bin and netloom-layers.js`. */
  readonly written: string;
  /** A `note:` line for stderr when the model needs netloom-layers.js, else undefined. */
  readonly note?: string;
}

/** Writes model.json, the weights and, when needed, netloom-layers.js into `dir` (made if missing). */
export async function writeTfjsExport(dir: string, files: ModelFiles): Promise<WrittenExport> {
  const list = tfjsExportFiles(files, NETLOOM_LAYERS_JS);
  await mkdir(dir, { recursive: true });
  for (const f of list) await writeFile(join(dir, f.name), f.contents);
  // The folder once, on the first name: `out/model.json, model.weights.bin and netloom-layers.js`.
  const names = list.map((f, i) => (i === 0 ? join(dir, f.name) : f.name));
  const written = `${names.slice(0, -1).join(', ')} and ${names.at(-1) ?? ''}`;
  const uses = netloomClassesIn(files.modelJson);
  return uses.length === 0 ? { written } : { written, note: `note: the model uses ${uses.join(', ')}, so it ${NETLOOM_LAYERS_NOTE}` };
}
