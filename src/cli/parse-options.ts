import { parseArgs } from 'node:util';

/** Positional arguments and `--name value` options of one command. */
export interface ParsedOptions {
  readonly files: readonly string[];
  readonly flags: ReadonlyMap<string, string>;
}

/**
 * Parses `--name value` / `--name=value` options (each from `allowed`) and positional files with
 * Node's own parser; returns what is wrong (an unknown option, a missing value) as a message.
 */
export function parseOptions(args: readonly string[], allowed: readonly string[]): ParsedOptions | string {
  try {
    const { values, positionals } = parseArgs({
      args: [...args],
      allowPositionals: true,
      strict: true,
      options: Object.fromEntries(allowed.map((name) => [name, { type: 'string' as const }])),
    });
    const flags = new Map(Object.entries(values).flatMap(([k, v]) => (typeof v === 'string' ? [[k, v] as const] : [])));
    return { files: positionals, flags };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const unknown = /Unknown option '([^']+)'/.exec(message);
    if (unknown) return `unknown option ${unknown[1]}`;
    const missing = /Option '(--[\w-]+)[^']*' argument missing/.exec(message);
    return missing ? `${missing[1]} needs a value` : message;
  }
}
