import { parseArgs } from 'node:util';

/** Positional arguments, `--name value` options and `--name` switches of one command. */
export interface ParsedOptions {
  readonly files: readonly string[];
  readonly flags: ReadonlyMap<string, string>;
  /** The switches given (from `switches`), e.g. `fit` for `--fit`. */
  readonly switches: ReadonlySet<string>;
}

/**
 * Parses `--name value` / `--name=value` options (each from `allowed`), `--name` switches (from
 * `switches`) and positional files with Node's own parser; returns what is wrong (an unknown
 * option, a missing value) as a message.
 */
export function parseOptions(args: readonly string[], allowed: readonly string[], switches: readonly string[] = []): ParsedOptions | string {
  try {
    const { values, positionals } = parseArgs({
      args: [...args],
      allowPositionals: true,
      strict: true,
      options: {
        ...Object.fromEntries(allowed.map((name) => [name, { type: 'string' as const }])),
        ...Object.fromEntries(switches.map((name) => [name, { type: 'boolean' as const }])),
      },
    });
    const flags = new Map(Object.entries(values).flatMap(([k, v]) => (typeof v === 'string' ? [[k, v] as const] : [])));
    const on = new Set(Object.entries(values).flatMap(([k, v]) => (v === true ? [k] : [])));
    return { files: positionals, flags, switches: on };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const unknown = /Unknown option '([^']+)'/.exec(message);
    if (unknown) return `unknown option ${unknown[1]}`;
    const missing = /Option '(--[\w-]+)[^']*' argument missing/.exec(message);
    return missing ? `${missing[1]} needs a value` : message;
  }
}
