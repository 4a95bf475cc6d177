import { analyze } from '../analysis/analyze';
import { openModelFile } from '../compile/open-file';
import { formatSummary, summarize, summaryJson } from '../compile/summary';
import type { CliIo } from './run-cli';
import { printDiagnostics } from './print-diagnostics';

/**
 * `summary <file> [--json]`: the Keras-style table, or its JSON form. Warnings go to stderr and
 * the summary still prints; errors go to stderr and exit 1, since shapes after them are unknown.
 */
export async function summaryCommand(args: readonly string[], io: CliIo): Promise<number> {
  const json = args.includes('--json');
  const files = args.filter((a) => !a.startsWith('--'));
  const unknown = args.filter((a) => a.startsWith('--') && a !== '--json');
  if (files.length !== 1 || unknown.length > 0) {
    io.err('Usage: npm run cli -- summary <file.netloom.json|model.json> [--json]');
    return 2;
  }
  const path = files[0] as string;
  const opened = openModelFile(await io.readText(path), path);
  const analysis = analyze(opened.graph);
  printDiagnostics(opened.graph, analysis.diagnostics, io);
  if (analysis.hasErrors) {
    io.err(`${path}: the model has errors, so it has no complete summary`);
    return 1;
  }
  const summary = summarize(opened.graph, analysis, opened.name);
  io.out(json ? JSON.stringify(summaryJson(summary), null, 2) : formatSummary(summary));
  return 0;
}
