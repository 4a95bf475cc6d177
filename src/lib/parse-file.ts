import type { z } from 'zod';
import { UserFileError } from './errors';

/**
 * Parses JSON text from a user file; a syntax error becomes a UserFileError naming the file. A
 * leading byte-order mark is skipped, as the page's decoders skip it, so text read by any
 * route (Node's `readFile(path, 'utf8')` keeps it) parses the same.
 */
export function parseJsonText(text: string, fileName?: string): unknown {
  try {
    return JSON.parse(text.startsWith('\ufeff') ? text.slice(1) : text) as unknown;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new UserFileError(`not valid JSON: ${reason}`, fileName);
  }
}

/** A zod issue path as a reader writes it, after `root` if given: `graph.nodes[2].params`. */
export function formatPath(path: readonly PropertyKey[], root = ''): string {
  return path.reduce<string>((out, key) => {
    if (typeof key === 'number') return `${out}[${key}]`;
    const name = String(key);
    return out === '' ? name : `${out}.${name}`;
  }, root);
}

/**
 * One readable sentence for the first problem zod found, naming where it is (its path under
 * `root`): users fix one thing at a time, and a list of every issue buries the one that matters.
 */
export function zodMessage(error: z.ZodError, root = ''): string {
  const issue = error.issues[0];
  const where = (issue && formatPath(issue.path, root)) || root || 'the file';
  if (issue === undefined) return `${where} is not valid`;
  if (issue.code === 'unrecognized_keys') {
    const keys = issue.keys.map((k) => `"${k}"`).join(', ');
    return `${where} has unknown field${issue.keys.length > 1 ? 's' : ''} ${keys}`;
  }
  if (issue.code === 'invalid_type' && issue.message.endsWith('received undefined')) return `${where} is missing`;
  // zod's own wording ("Invalid input: expected string, received number") minus its generic prefix.
  const detail = issue.message.replace(/^Invalid input: /, '');
  return `${where}: ${detail.charAt(0).toLowerCase()}${detail.slice(1)}`;
}
