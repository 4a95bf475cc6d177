import { parseOptions } from './parse-options';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { exportGraphModel } from '../compile/tfjs-export';
import { projectMetadata } from '../compile/project-metadata';

export { projectMetadata };
import { kerasScriptZip } from '../compile/keras-script-zip';
import { weightsProblem } from '../compile/weights-fit';
import { inlineWeightValues } from '../graph/inline-weights';
import { kerasScript } from '../compile/to-keras-python';
import { GraphError } from '../compile/to-tfjs';
import type { Diagnostic } from '../graph/diagnostics';
import { readCsvFile } from '../data/node-files';
import { defaultPlan } from '../data/plan';
import { fitPreprocessing } from '../data/preprocess';
import { sampleById } from '../data/samples';
import { analyze } from '../analysis/analyze';
import { parseProjectFile, serializeProject, type Project } from '../project/project-file';
import { assertNever } from '../lib/assert-never';
import type { Tf } from '../layers/layer-spec';
import { writeTfjsExport } from './write-tfjs';
import type { CliIo } from './run-cli';
import { formatCount } from '../lib/format-count';
import { UserFileError } from '../lib/errors';

const FORMATS = ['tfjs', 'keras', 'project'] as const;

/** What `export` can write. */
export type ExportFormat = (typeof FORMATS)[number];

const USAGE =
  `Usage: npm run cli -- export <project.netloom.json> --format ${FORMATS.join('|')} --out <path>\n` +
  '  (--format keras --out <name>.zip writes the script with the sample data it reads beside it)';

/** The built-in samples' files, as the site serves them: `samples/iris.csv` is public/samples/iris.csv. */
const PUBLIC = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'public');

/** The parsed command line of `export`. */
export interface ExportArgs {
  readonly project: string;
  readonly format: ExportFormat;
  readonly out: string;
}

/** Parses `export`'s arguments, or returns what is wrong with them. */
export function parseExportArgs(args: readonly string[]): ExportArgs | string {
  const parsed = parseOptions(args, ['format', 'out']);
  if (typeof parsed === 'string') return parsed;
  const { files, flags } = parsed;
  const [project, ...extra] = files;
  if (project === undefined || extra.length > 0) return 'give exactly one project file';
  const format = flags.get('format');
  if (!FORMATS.includes(format as ExportFormat)) return `--format must be ${FORMATS.join(', ')}`;
  const out = flags.get('out');
  if (out === undefined) return '--out is required';
  return { project, format: format as ExportFormat, out };
}

/**
 * The weights a project holds, unpacked, when their bytes fit their shapes and each layer gets as
 * many values as it has (as the app checks them on Open); else a UserFileError naming the file.
 */
function heldWeights(project: Project, file: string): ReturnType<typeof inlineWeightValues> | undefined {
  if (project.weights === undefined) return undefined;
  let values: ReturnType<typeof inlineWeightValues>;
  try {
    values = inlineWeightValues(project.weights);
  } catch (error) {
    if (error instanceof UserFileError && error.file === undefined) throw new UserFileError(error.message, file);
    throw error;
  }
  const problem = weightsProblem(project.graph, values);
  if (problem !== null) throw new UserFileError(`its weights do not fit its model: ${problem}`, file);
  return values;
}

/** tfjs on the cpu backend, loaded only by the formats that compile (other commands start fast). */
async function loadTf(): Promise<Tf> {
  const tf = await import('@tensorflow/tfjs');
  await tf.setBackend('cpu');
  await tf.ready();
  return tf;
}

/** Prints the model's errors, each with its layer name and code; exit code 1. */
function reportErrors(project: Project, errors: readonly Diagnostic[], args: ExportArgs, io: CliIo): number {
  const byId = new Map(project.graph.nodes.map((n) => [n.id, n.name]));
  for (const d of errors) io.err(`error${d.nodeId === undefined ? '' : ` [${byId.get(d.nodeId) ?? d.nodeId}]`}: ${d.message} (${d.code})`);
  io.err(`${args.project}: the model has errors, so it cannot be exported as ${args.format === 'keras' ? 'a Keras script' : 'a TF.js model'}`);
  return 1;
}

async function exportTfjs(project: Project, args: ExportArgs, io: CliIo): Promise<number> {
  const errors = analyze(project.graph).diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) return reportErrors(project, errors, args, io);
  // The weights the project holds (trained, or imported with a model) are the model's; without
  // any, the model starts from its initializers.
  const weights = heldWeights(project, args.project);
  const files = await exportGraphModel(await loadTf(), project.graph, { metadata: projectMetadata(project), ...(weights ? { weights } : {}) });
  const { written, note } = await writeTfjsExport(args.out, files);
  const count = weights?.reduce((n, w) => n + w.values.length, 0) ?? 0;
  io.out(`wrote ${written} with ${weights ? `the ${formatCount(count)} weight values the project holds` : 'freshly initialised weights'}`);
  if (note !== undefined) io.err(note);
  if (!weights) io.err('note: the project holds no weights, so these are freshly initialised; `train --out DIR` saves trained ones');
  return 0;
}

/**
 * The project with its CSV sample fitted, as the app fits it when it loads the sample (the saved
 * plan if it names the sample's columns, else the default plan), so that a project saved before
 * its data was loaded still exports the real loading code rather than random stand-ins.
 */
async function withFittedSample(project: Project, io: CliIo): Promise<Project> {
  const { data } = project;
  const sample = data.kind === 'sample' ? sampleById(data.sampleId) : undefined;
  if (data.kind !== 'sample' || data.fitted !== undefined || sample?.kind !== 'csv') return project;
  const table = await readCsvFile(join(PUBLIC, sample.path));
  const names = table.columns.map((c) => c.name).join('\n');
  const plan = data.plan !== undefined && data.plan.columns.map((c) => c.name).join('\n') === names ? data.plan : defaultPlan(table);
  io.err(`note: fitted the ${data.plan === plan ? "project's" : 'default'} data plan to ${sample.path}, as the app does when it loads the sample`);
  return { ...project, data: { ...data, plan, fitted: fitPreprocessing(table, plan) } };
}

/** A `.py` file, or with `--out x.zip` the script and its sample data in one zip. */
async function exportKeras(given: Project, args: ExportArgs, io: CliIo): Promise<number> {
  const zip = args.out.toLowerCase().endsWith('.zip');
  const project = await withFittedSample(given, io);
  let bytes: string | Uint8Array;
  let missing: readonly string[] = [];
  try {
    if (zip) {
      const read = async (path: string) => new Uint8Array(await readFile(join(PUBLIC, path)));
      const bundle = await kerasScriptZip(project, { strategy: 'none' }, read);
      ({ bytes, missing } = bundle);
    } else bytes = kerasScript(project, { strategy: 'none' });
  } catch (error) {
    if (error instanceof GraphError) return reportErrors(project, error.diagnostics, args, io);
    throw error;
  }
  await mkdir(dirname(args.out), { recursive: true });
  await writeFile(args.out, bytes);
  io.out(`wrote ${args.out}`);
  for (const name of missing) io.err(`note: the script reads ${name}, which only you have: put it beside the script`);
  return 0;
}

/**
 * `export <project> --format tfjs|keras|project --out <path>`: `tfjs` writes model.json and
 * model.weights.bin (and netloom-layers.js when the model needs it) into the folder `out`;
 * `keras` a runnable Keras 3 training script (with its sample data in a zip when `out` ends in
 * `.zip`); `project` the project again in the current format (an upgrade of older files).
 */
export async function exportCommand(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseExportArgs(args);
  if (typeof parsed === 'string') {
    io.err(`${parsed}\n${USAGE}`);
    return 2;
  }
  const project = parseProjectFile(await io.readText(parsed.project), parsed.project);
  switch (parsed.format) {
    case 'tfjs':
      return exportTfjs(project, parsed, io);
    case 'keras':
      return exportKeras(project, parsed, io);
    case 'project': {
      // Checked before writing: weights that do not fit would make a file that does not open.
      const weights = heldWeights(project, parsed.project);
      await mkdir(dirname(parsed.out), { recursive: true });
      await writeFile(parsed.out, serializeProject(project));
      const count = weights?.reduce((n, w) => n + w.values.length, 0) ?? 0;
      io.out(`wrote ${parsed.out} ${weights ? `with the ${formatCount(count)} weight values the project holds` : 'without weights (the project holds none)'}`);
      return 0;
    }
    default:
      return assertNever(parsed.format, 'export format');
  }
}
