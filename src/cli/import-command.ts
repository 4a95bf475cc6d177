import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { checkWeightShapes, importLayersModel, type WeightFile } from '../compile/tfjs-import';
import { manifestFiles, readManifest } from '../compile/tfjs-weights';
import { packWeights } from '../graph/inline-weights';
import { analyze } from '../analysis/analyze';
import { emptyProject, serializeProject } from '../project/project-file';
import { parseJsonText } from '../lib/parse-file';
import { UserFileError } from '../lib/errors';
import type { CliIo } from './run-cli';
import { formatCount } from '../lib/format-count';
import { printDiagnostics } from './print-diagnostics';

const USAGE = 'Usage: npm run cli -- import <model.json> [--weights <files...>] --out <project.netloom.json>';

/** The parsed command line of `import`. */
export interface ImportArgs {
  readonly model: string;
  /** Weights files given on the command line; undefined means "look next to model.json". */
  readonly weights?: readonly string[];
  readonly out: string;
}

/** Parses `import`'s arguments (`--weights` takes every value up to the next option). */
export function parseImportArgs(args: readonly string[]): ImportArgs | string {
  const files: string[] = [];
  let weights: string[] | undefined;
  let out: string | undefined;
  let target: string[] = files;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (!arg.startsWith('--')) {
      target.push(arg);
      continue;
    }
    const [name, inline] = arg.split('=', 2) as [string, string | undefined];
    if (name === '--weights') {
      weights = inline === undefined ? [] : [inline];
      target = weights;
    } else if (name === '--out') {
      out = inline ?? args[++i];
      if (out === undefined || out.startsWith('--')) return '--out needs a value';
      target = files;
    } else {
      return `unknown option ${name}`;
    }
  }
  const [model, ...extra] = files;
  if (model === undefined || extra.length > 0) return 'give exactly one model.json (put weights files after --weights)';
  if (weights !== undefined && weights.length === 0) return '--weights needs at least one file';
  if (out === undefined) return '--out is required';
  return { model, out, ...(weights === undefined ? {} : { weights }) };
}

const readWeightFile = async (path: string): Promise<WeightFile> => ({ name: path, bytes: new Uint8Array(await readFile(path)) });

/**
 * The shards the manifest names, read from beside model.json; undefined (with a note) when any is
 * missing there, since the topology alone is still worth importing.
 */
async function weightsBeside(model: string, json: unknown, io: CliIo): Promise<WeightFile[] | undefined> {
  let manifest: ReturnType<typeof readManifest>;
  try {
    manifest = readManifest(json);
  } catch (error) {
    throw error instanceof UserFileError && error.file === undefined ? new UserFileError(error.message, model) : error;
  }
  const names = manifestFiles(manifest ?? []);
  if (names.length === 0) return undefined;
  const found: WeightFile[] = [];
  for (const name of names) {
    try {
      found.push(await readWeightFile(join(dirname(model), name)));
    } catch {
      io.err(`note: the weights file "${name}" is not next to ${model}; importing the layers only (give the files with --weights)`);
      return undefined;
    }
  }
  return found;
}

/**
 * `import <model.json> [--weights files...] --out project`: reads a TF.js layers model (Keras 2 or
 * 3, tfjs or converter output), checks its weights when there are any, and writes a Netloom
 * project with the imported graph and, when there are any, the weights inside it.
 */
export async function importCommand(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseImportArgs(args);
  if (typeof parsed === 'string') {
    io.err(`${parsed}\n${USAGE}`);
    return 2;
  }
  const json = parseJsonText(await io.readText(parsed.model), parsed.model);
  const weightFiles = parsed.weights ? await Promise.all(parsed.weights.map(readWeightFile)) : await weightsBeside(parsed.model, json, io);
  const imported = importLayersModel({ json, fileName: parsed.model, ...(weightFiles ? { weightFiles } : {}) });
  const name = imported.metadata?.project ?? imported.modelName;
  const analysis = analyze(imported.graph);
  printDiagnostics(imported.graph, analysis.diagnostics, io);
  // Not kept: settings the graph has no place for (constraints, activity regularizers...).
  for (const line of imported.unkept) io.err(`note: not kept from the file: ${line}`);

  if (imported.weights && imported.weights.length > 0 && !analysis.diagnostics.some((d) => d.severity === 'error')) {
    // A transposed kernel fits the counts importLayersModel checks; only tfjs knows each weight's shape.
    const tf = await import('@tensorflow/tfjs');
    await tf.setBackend('cpu');
    checkWeightShapes(tf, imported.graph, imported.weights);
  }

  await mkdir(dirname(parsed.out), { recursive: true });
  // The weights travel inside the project, so opening it gives the model its trained values back.
  const weights = imported.weights && imported.weights.length > 0 ? { weights: packWeights(imported.weights) } : {};
  await writeFile(parsed.out, serializeProject({ ...emptyProject(name), graph: imported.graph, ...weights }));
  const layers = imported.graph.nodes.length;
  const values = imported.weights?.reduce((n, w) => n + w.values.length, 0) ?? 0;
  const withWeights = imported.weights ? ` with ${formatCount(values)} trained weight values` : '';
  io.out(`imported ${layers} layer${layers === 1 ? '' : 's'}${withWeights} from ${parsed.model} into ${parsed.out}`);
  return 0;
}
