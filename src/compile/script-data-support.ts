/**
 * Test support: the data section of an exported Keras script as a program of its own (its imports
 * without Keras and TensorFlow, then `# %% Data` up to `# %% Model`), a python3 that can run it,
 * and a runner that prints the arrays it defines, so tests can compare them with Netloom's split.
 */
import { spawnSync } from 'node:child_process';
import { SCRIPT_SECTIONS } from './to-keras-python';

/** A numpy array as the runner prints it. */
export type PyArray = { shape: number[]; values: number[] };

/** The arrays a data section defines. */
export type DataArrays = Record<'x_train' | 'y_train' | 'x_val' | 'y_val', PyArray>;

/** The first python3 that imports `modules` (`numpy, pandas`), NETLOOM_PYTHON first; the candidates tried. */
export function findPython(modules: string): { python: string | undefined; candidates: readonly string[] } {
  const candidates = [...new Set([process.env.NETLOOM_PYTHON, 'python3', '/usr/bin/python3'].filter((p): p is string => Boolean(p)))];
  return { python: candidates.find((p) => spawnSync(p, ['-c', `import ${modules}`], { encoding: 'utf8' }).status === 0), candidates };
}

/** The script's imports (without Keras and TensorFlow) and its data section: what runs with numpy and pandas alone. */
export function dataProgram(script: string): string {
  const lines = script.split('\n');
  const start = lines.indexOf(SCRIPT_SECTIONS.data);
  const end = lines.indexOf(SCRIPT_SECTIONS.model);
  if (start <= 0 || end <= start) throw new Error('the script has no data section before its model section');
  const imports = lines.slice(0, start).filter((l) => /^(import|from) /.test(l) && !/\b(keras|tensorflow)\b/.test(l));
  return [...imports, ...lines.slice(start, end)].join('\n');
}

// argv: the number of leading samples whose values to print (0 for all), then the programs.
const RUNNER = `
import json, runpy, sys
rows = int(sys.argv[1]) or None
out = {}
for path in sys.argv[2:]:
    ns = runpy.run_path(path)
    out[path] = {k: {"shape": list(ns[k].shape), "values": ns[k][:rows].astype("float64").ravel().tolist()} for k in ("x_train", "y_train", "x_val", "y_val")}
json.dump(out, sys.stdout)
`;

/**
 * Runs each data program with `python` and returns the arrays each defined, by path (the values
 * of the first `rows` samples only, when given: a big sample prints slowly); stderr and the exit
 * status for the test to check.
 */
export function runDataPrograms(
  python: string,
  programs: readonly string[],
  rows = 0,
): { arrays: Record<string, DataArrays>; stderr: string; status: number | null } {
  const run = spawnSync(python, ['-c', RUNNER, String(rows), ...programs], { encoding: 'utf8', maxBuffer: 1 << 28 });
  return { arrays: run.status === 0 ? (JSON.parse(run.stdout) as Record<string, DataArrays>) : {}, stderr: run.stderr, status: run.status };
}
