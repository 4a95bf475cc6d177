/**
 * The vocabulary of the hostile-input corpus: one case is one input someone could hand Netloom
 * (a project, a model.json, a CSV, a folder or zip of images), the CLI command that reads it, and
 * what must come of it. Paths are relative to the case's own folder.
 */
import { assertNever } from '../lib/assert-never';

/** One file of a case. `content` runs when the file is written, so big inputs are never stored. */
export interface CaseFile {
  readonly path: string;
  readonly content: () => string | Uint8Array;
}

/** An empty folder of a case (an empty class folder, say). */
export interface CaseFolder {
  readonly folder: string;
}

/** The CLI command a case runs. */
export type CaseCommand =
  | { readonly name: 'summary'; readonly file: string }
  | { readonly name: 'export'; readonly file: string; readonly format: 'tfjs' | 'keras' | 'project'; readonly out: string }
  | { readonly name: 'import'; readonly file: string; readonly out: string; readonly weights?: readonly string[] }
  | { readonly name: 'train'; readonly project: string; readonly data: string; readonly target?: string; readonly out?: string };

/**
 * "Nothing lost" checks on the files after the command. Every case also checks that the CLI left
 * each of its input files as it was.
 */
export type Kept =
  /** A refusal writes nothing: the output path does not exist. */
  | { readonly kind: 'not-written'; readonly path: string }
  /** The output exists, and holds `holds` when given. */
  | { readonly kind: 'written'; readonly path: string; readonly holds?: string }
  /** No line of a written file matches `pattern` (a regex source): a name did not become code. */
  | { readonly kind: 'no-line'; readonly path: string; readonly pattern: string };

/** What must come of running a case. */
export interface Outcome {
  /** 0 fine, 1 the input has problems (see `EXIT` in src/cli/run-cli.ts). */
  readonly exit: 0 | 1 | 2;
  /** Fragments of what the CLI prints (stdout and stderr together): the specific message. */
  readonly says: string | readonly string[];
  /** Fragments it must not print. */
  readonly never?: readonly string[];
  readonly kept?: readonly Kept[];
  /** A sanity limit on the run's time (seconds; default {@link DEFAULT_SECONDS}). */
  readonly seconds?: number;
  /** A sanity limit on the memory the run leaves allocated, in MB (default {@link DEFAULT_MEGABYTES}). */
  readonly megabytes?: number;
}

/** The generous default time limit: a refusal takes milliseconds, a one-epoch run a few seconds. */
export const DEFAULT_SECONDS = 20;
/** The generous default memory limit: a refused 1e9-unit layer would need 20 GB. */
export const DEFAULT_MEGABYTES = 800;

/** Where the page shows what became of the file. */
export type AppShows = 'notice' | 'data-error' | 'skipped-files' | 'preview-table';

/**
 * The same input through the app (for a representative subset): picked with the toolbar's Open
 * (`open`), the CSV upload (`csv`), the image zip upload (`zip`) or the folder picker (`folder`).
 */
export interface AppCheck {
  readonly input: 'open' | 'csv' | 'zip' | 'folder';
  readonly shows: AppShows;
  /** The text the page shows there. */
  readonly says: string;
  /** True when the input is taken (it must survive a reload); false when refused (what was there must). */
  readonly opens: boolean;
  /** A layer of what opened whose node shows this diagnostic, before the reload and after. */
  readonly diagnostic?: { readonly layer: string; readonly says: string };
}

interface CaseBase {
  /** Unique within its kind, kebab-case: the case is in the folder `<kind>/<id>`. */
  readonly id: string;
  /** What the input is, in one line. */
  readonly what: string;
  readonly files: readonly (CaseFile | CaseFolder)[];
  readonly expect: Outcome;
  /**
   * A bad outcome the code gives today (a crash, an unspecific message, lost work), described:
   * the case's test is expected to fail until it is fixed (and then fails until this is removed).
   */
  readonly known?: string;
  readonly app?: AppCheck;
}

/** One hostile input, by the kind of input it is. */
export type HostileCase =
  | (CaseBase & { readonly kind: 'project'; readonly command: Extract<CaseCommand, { name: 'summary' | 'export' | 'train' }> })
  | (CaseBase & { readonly kind: 'model'; readonly command: Extract<CaseCommand, { name: 'summary' | 'import' }> })
  | (CaseBase & { readonly kind: 'csv'; readonly command: Extract<CaseCommand, { name: 'train' }> })
  | (CaseBase & { readonly kind: 'images'; readonly command: Extract<CaseCommand, { name: 'train' }> });

/** The kinds of input, in the order the corpus lists them. */
export const CASE_KINDS = ['project', 'model', 'csv', 'images'] as const satisfies readonly HostileCase['kind'][];

/** Each kind as the README counts it. */
export const KIND_LABELS: Readonly<Record<HostileCase['kind'], string>> = {
  project: 'project files (zips among them)',
  model: 'model.json files',
  csv: 'CSVs',
  images: 'image folders and zips',
};

/** The sentence the README counts the corpus with: `179 hostile inputs: 78 project files (...), ...`. */
export function corpusCount(cases: readonly HostileCase[]): string {
  const parts = CASE_KINDS.map((k) => `${cases.filter((c) => c.kind === k).length} ${KIND_LABELS[k]}`);
  return `${cases.length} hostile inputs: ${parts.join(', ')}`;
}

/** The command line of `command`, with its paths under `dir` (the case's folder). */
export function cliArgs(command: CaseCommand, dir: string): string[] {
  const at = (path: string) => `${dir}/${path}`;
  switch (command.name) {
    case 'summary':
      return ['summary', at(command.file)];
    case 'export':
      return ['export', at(command.file), '--format', command.format, '--out', at(command.out)];
    case 'import':
      return ['import', at(command.file), ...(command.weights ? ['--weights', ...command.weights.map(at)] : []), '--out', at(command.out)];
    case 'train':
      return [
        'train',
        at(command.project),
        '--data',
        at(command.data),
        '--epochs',
        '1',
        ...(command.target === undefined ? [] : ['--target', command.target]),
        ...(command.out === undefined ? [] : ['--out', at(command.out)]),
      ];
    default:
      return assertNever(command, 'case command');
  }
}

/** The hostile input of a case: the file (or folder) the command is about. */
export function inputOf(c: HostileCase): string {
  switch (c.kind) {
    case 'project':
      return c.command.name === 'train' ? c.command.project : c.command.file;
    case 'model':
      return c.command.file;
    case 'csv':
    case 'images':
      return c.command.data;
    default:
      return assertNever(c, 'case kind');
  }
}

/** The folder of a case under the corpus's root, and its name in test output: `csv/bom`. */
export const casePath = (c: HostileCase): string => `${c.kind}/${c.id}`;

/** The fragments an outcome's `says` lists. */
export const fragments = (says: Outcome['says']): readonly string[] => (typeof says === 'string' ? [says] : says);
