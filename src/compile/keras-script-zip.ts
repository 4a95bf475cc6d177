/**
 * "Keras script + data": one zip with the exported script and, beside it, the data files it reads
 * that Netloom can supply (the built-in samples). Files only the user has (an uploaded CSV, an
 * image folder) cannot come from the page; they are named, for the user to put beside the script.
 * The app and the CLI both build the zip here.
 */
import { zipSync } from 'fflate';
import type { FetchBytes } from '../data/samples';
import { pyIdentifier } from './keras-python-util';
import type { KerasProject, KerasScriptOptions } from './to-keras-python';
import { kerasScriptExport } from './to-keras-python';

/** A zip of a script and its data, and what the user must add to it. */
export interface KerasScriptZip {
  /** The download name, e.g. `iris_classifier.zip`. */
  readonly fileName: string;
  readonly bytes: Uint8Array;
  /** Paths inside the zip, in order: the script first. */
  readonly entries: readonly string[];
  /** Files and folders the script reads that only the user has, to put beside the script. */
  readonly missing: readonly string[];
}

/**
 * The script and the sample files it reads, in one folder named after the project
 * (`iris_classifier/iris_classifier.py`, `iris_classifier/iris.csv`). `fetchBytes` reads a sample
 * by its site path (`samples/iris.csv`): from the site in the page, from `public/` in Node.
 */
export async function kerasScriptZip(project: KerasProject, options: KerasScriptOptions, fetchBytes: FetchBytes): Promise<KerasScriptZip> {
  const { fileName, script, files } = kerasScriptExport(project, options);
  const folder = pyIdentifier(project.name);
  const content: Record<string, Uint8Array> = { [`${folder}/${fileName}`]: new TextEncoder().encode(script) };
  const missing: string[] = [];
  for (const file of files) {
    if (file.kind === 'sample') content[`${folder}/${file.name}`] = await fetchBytes(file.path);
    else missing.push(file.name);
  }
  // Level 6 is fflate's default; the IDX digits shrink to a fifth.
  return { fileName: `${folder}.zip`, bytes: zipSync(content, { level: 6 }), entries: Object.keys(content), missing };
}
