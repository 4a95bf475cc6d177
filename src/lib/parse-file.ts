import type { z } from 'zod';
import { UserFileError } from './errors';

/**
 * Deepest nesting of arrays and objects a user's JSON may have. A project or a model.json nests a
 * few dozen levels at most; every reader after `JSON.parse` (schema checks, messages that quote a
 * value, the Keras import) walks values recursively, and ten thousand levels overflow the stack.
 */
export const MAX_JSON_DEPTH = 1000;

const count = (n: number) => n.toLocaleString('en-US');

/**
 * Where `text` first nests deeper than `maxDepth`, as a character offset, or -1 when it does not.
 * A plain scan that skips strings: it must not recurse itself, and it runs before the parser.
 */
export function tooDeepAt(text: string, maxDepth = MAX_JSON_DEPTH): number {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92)
        i++; // a backslash: the next character is escaped
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      if (++depth > maxDepth) return i;
    } else if (c === 125 || c === 93) depth--;
  }
  return -1;
}

/**
 * Parses JSON text from a user file; a syntax error becomes a UserFileError naming the file. A
 * leading byte-order mark is skipped, as the page's decoders skip it, so text read by any
 * route (Node's `readFile(path, 'utf8')` keeps it) parses the same. Values nested deeper than
 * {@link MAX_JSON_DEPTH} and zip files are refused with what they are.
 */
export function parseJsonText(text: string, fileName?: string): unknown {
  const body = text.startsWith('\ufeff') ? text.slice(1) : text;
  // A zip starts with a local file header, or (empty) its end record, or a spanning mark.
  if (['PK\u0003\u0004', 'PK\u0005\u0006', 'PK\u0007\u0008'].some((mark) => body.startsWith(mark)))
    throw new UserFileError('this is a zip file, not JSON text: unzip it and use the .netloom.json or model.json inside', fileName);
  const deep = tooDeepAt(body);
  if (deep >= 0) {
    throw new UserFileError(
      `the JSON nests arrays or objects more than ${count(MAX_JSON_DEPTH)} levels deep (at character ${count(deep + 1)}); a project or model.json nests a few dozen at most`,
      fileName,
    );
  }
  try {
    return JSON.parse(body) as unknown;
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
