/**
 * A small parser for the Python expressions Netloom writes for a layer: calls with positional and
 * keyword arguments (`layers.Bidirectional(layers.LSTM(32), name="x")`), tuples, lists, strings,
 * numbers, True/False/None and names. Enough to check the export against Keras's signatures
 * without running Python; anything else is a syntax error with its position.
 */
import { assertNever } from '../lib/assert-never';
import { readPyString } from '../lib/py-source';

/** A parsed Python expression. */
export type PyExpr =
  | { readonly kind: 'call'; readonly callee: string; readonly args: readonly PyExpr[]; readonly kwargs: readonly PyKeyword[] }
  | { readonly kind: 'tuple'; readonly items: readonly PyExpr[] }
  | { readonly kind: 'list'; readonly items: readonly PyExpr[] }
  | { readonly kind: 'str'; readonly value: string }
  | { readonly kind: 'int'; readonly value: number }
  | { readonly kind: 'float'; readonly value: number }
  | { readonly kind: 'bool'; readonly value: boolean }
  | { readonly kind: 'none' }
  /** A bare or dotted name that is not called: a function defined in the script, `np.float32`. */
  | { readonly kind: 'name'; readonly name: string };

/** One `name=value` argument of a call. */
export interface PyKeyword {
  readonly name: string;
  readonly value: PyExpr;
}

type Token =
  | { readonly kind: 'name'; readonly text: string; readonly at: number }
  | { readonly kind: 'number'; readonly text: string; readonly at: number }
  | { readonly kind: 'string'; readonly value: string; readonly at: number }
  | { readonly kind: 'punct'; readonly text: string; readonly at: number };

/** Python source Netloom cannot read back, with where the problem is. */
export class PySyntaxError extends Error {
  constructor(message: string, source: string, at: number) {
    super(`${message} at column ${at + 1} of ${source}`);
    this.name = 'PySyntaxError';
  }
}

const NAME = /[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*/y;
const NUMBER = /-?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/y;
const STRING = /"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'/y;

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let at = 0;
  const match = (re: RegExp) => {
    re.lastIndex = at;
    return re.exec(source)?.[0];
  };
  while (at < source.length) {
    const c = source[at] as string;
    if (c === ' ') {
      at += 1;
      continue;
    }
    const name = match(NAME);
    const number = name === undefined ? match(NUMBER) : undefined;
    const string = name === undefined && number === undefined ? match(STRING) : undefined;
    if (name !== undefined) tokens.push({ kind: 'name', text: name, at });
    else if (number !== undefined) tokens.push({ kind: 'number', text: number, at });
    else if (string !== undefined) tokens.push({ kind: 'string', value: readPyString(string), at });
    else if ('()[],='.includes(c)) tokens.push({ kind: 'punct', text: c, at });
    else throw new PySyntaxError(`unexpected ${JSON.stringify(c)}`, source, at);
    at += (name ?? number ?? string ?? c).length;
  }
  return tokens;
}

/** Parses one Python expression; throws {@link PySyntaxError} on anything else. */
export function parsePython(source: string): PyExpr {
  const tokens = tokenize(source);
  let i = 0;
  const peek = () => tokens[i];
  const fail = (message: string): never => {
    throw new PySyntaxError(message, source, peek()?.at ?? source.length);
  };
  const isPunct = (text: string) => {
    const t = peek();
    return t?.kind === 'punct' && t.text === text;
  };
  const expect = (text: string) => {
    if (!isPunct(text)) fail(`expected ${JSON.stringify(text)}`);
    i += 1;
  };

  /** Comma-separated items up to `close`, a trailing comma allowed; reports whether one was seen. */
  function sequence<T>(close: string, item: () => T): { items: T[]; comma: boolean } {
    const items: T[] = [];
    let comma = false;
    while (!isPunct(close)) {
      items.push(item());
      comma = isPunct(',');
      if (!comma) break;
      i += 1;
    }
    expect(close);
    return { items, comma };
  }

  function argument(): PyKeyword | PyExpr {
    const t = peek();
    const next = tokens[i + 1];
    if (t?.kind === 'name' && !t.text.includes('.') && next?.kind === 'punct' && next.text === '=') {
      i += 2;
      return { name: t.text, value: expression() };
    }
    return expression();
  }

  function call(callee: string): PyExpr {
    const args: PyExpr[] = [];
    const kwargs: PyKeyword[] = [];
    for (const arg of sequence(')', argument).items) {
      if ('kind' in arg) {
        if (kwargs.length > 0) fail('a positional argument follows a keyword argument');
        args.push(arg);
      } else kwargs.push(arg);
    }
    return { kind: 'call', callee, args, kwargs };
  }

  function expression(): PyExpr {
    const t = peek();
    if (t === undefined) return fail('unexpected end');
    i += 1;
    switch (t.kind) {
      case 'string':
        return { kind: 'str', value: t.value };
      case 'number':
        return /[.eE]/.test(t.text) ? { kind: 'float', value: Number(t.text) } : { kind: 'int', value: Number(t.text) };
      case 'name': {
        if (t.text === 'True' || t.text === 'False') return { kind: 'bool', value: t.text === 'True' };
        if (t.text === 'None') return { kind: 'none' };
        if (!isPunct('(')) return { kind: 'name', name: t.text };
        i += 1;
        return call(t.text);
      }
      case 'punct':
        if (t.text === '[') return { kind: 'list', items: sequence(']', expression).items };
        if (t.text === '(') {
          const { items, comma } = sequence(')', expression);
          // `(x)` is x itself; `(x,)` and `()` are tuples.
          return items.length === 1 && !comma ? (items[0] as PyExpr) : { kind: 'tuple', items };
        }
        return fail(`unexpected ${JSON.stringify(t.text)}`);
      default:
        return assertNever(t, 'token');
    }
  }

  const expr = expression();
  if (i < tokens.length) fail('unexpected text after the expression');
  return expr;
}
