import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, extname } from 'node:path';
import { analyze } from '../analysis/analyze';
import { openModelFile } from '../compile/open-file';
import { plotModelSvg, type PlotOptions } from '../compile/plot-model';
import type { RankDir } from '../compile/plot-layout';
import { parseOptions } from './parse-options';
import { svgToPng } from './write-png';
import type { CliIo } from './run-cli';
import { printDiagnostics } from './print-diagnostics';

const EXTENSIONS = ['.svg', '.png'] as const;
const RANKDIRS: readonly RankDir[] = ['TB', 'LR'];
const SWITCHES = ['no-shapes', 'no-activations', 'no-trainable', 'no-names', 'no-groups'] as const;

const USAGE =
  'Usage: npm run cli -- plot <file.netloom.json|model.json> --out <model.svg|model.png> [--rankdir TB|LR]\n' +
  '         [--no-shapes] [--no-activations] [--no-trainable] [--no-names] [--no-groups]';

/** The parsed command line of `plot`. */
export interface PlotArgs {
  readonly file: string;
  readonly out: string;
  readonly format: 'svg' | 'png';
  readonly options: PlotOptions;
}

/** Parses `plot`'s arguments, or returns what is wrong with them. */
export function parsePlotArgs(args: readonly string[]): PlotArgs | string {
  const parsed = parseOptions(args, ['out', 'rankdir'], SWITCHES);
  if (typeof parsed === 'string') return parsed;
  const { files, flags, switches } = parsed;
  const [file, ...extra] = files;
  if (file === undefined || extra.length > 0) return 'give exactly one project or model.json file';
  const out = flags.get('out');
  if (out === undefined) return '--out is required';
  const extension = extname(out).toLowerCase();
  if (!(EXTENSIONS as readonly string[]).includes(extension)) {
    return `--out must end in ${EXTENSIONS.join(' or ')} (the picture is written as SVG or PNG), not "${extension || out}"`;
  }
  const rankdir = (flags.get('rankdir') ?? 'TB').toUpperCase();
  if (!(RANKDIRS as readonly string[]).includes(rankdir)) return `--rankdir must be ${RANKDIRS.join(' or ')}`;
  const options: PlotOptions = {
    rankdir: rankdir as RankDir,
    showShapes: !switches.has('no-shapes'),
    showActivations: !switches.has('no-activations'),
    showTrainable: !switches.has('no-trainable'),
    showLayerNames: !switches.has('no-names'),
    groups: switches.has('no-groups') ? 'flat' : 'cluster',
  };
  return { file, out, format: extension === '.png' ? 'png' : 'svg', options };
}

/**
 * `plot <file> --out model.svg|model.png`: the picture `keras.utils.plot_model` draws, as SVG or
 * as PNG (at twice the size). Warnings go to stderr and the picture is still written; errors go
 * to stderr and exit 1, as for `summary`, since the shapes after them are unknown.
 */
export async function plotCommand(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = parsePlotArgs(args);
  if (typeof parsed === 'string') {
    io.err(`${parsed}\n${USAGE}`);
    return 2;
  }
  const { graph } = openModelFile(await io.readText(parsed.file), parsed.file);
  if (graph.nodes.length === 0) {
    io.err(`${parsed.file}: the model has no layers to draw`);
    return 1;
  }
  const analysis = analyze(graph);
  printDiagnostics(graph, analysis.diagnostics, io);
  if (analysis.hasErrors) {
    io.err(`${parsed.file}: the model has errors, so it has no complete picture`);
    return 1;
  }
  const svg = plotModelSvg(graph, { ...parsed.options, analysis });
  const bytes = parsed.format === 'png' ? await svgToPng(svg) : svg;
  await mkdir(dirname(parsed.out), { recursive: true });
  await writeFile(parsed.out, bytes);
  io.out(`wrote ${parsed.out}`);
  return 0;
}
