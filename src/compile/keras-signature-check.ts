/**
 * Checks a parsed Python call against the table of Keras 3 signatures that
 * `scripts/keras-signatures.py` writes (`keras3-signatures.json`): the callable exists, the
 * positional arguments fit, every keyword is a parameter, and each value has a shape the
 * parameter takes. Tests use it on every layer line Netloom writes.
 */
import { assertNever } from '../lib/assert-never';
import type { PyExpr } from './python-call';

/** A coarse shape of a Python value, as the signature table records them. */
export type ValueShape = 'int' | 'float' | 'bool' | 'str' | 'None' | 'tuple' | 'nested tuple' | 'callable/object' | 'layer';

/** One parameter of a Keras callable, as `inspect.signature` and its docstring describe it. */
export interface KerasParam {
  readonly name: string;
  readonly kind: 'positional-only' | 'positional-or-keyword' | 'keyword-only' | 'var-positional' | 'var-keyword';
  readonly default?: unknown;
  readonly default_repr?: string;
  readonly required?: boolean;
  /** The default's shape. */
  readonly shape?: ValueShape;
  /** Shapes the docstring names ("int or tuple/list of 2 integers"). */
  readonly doc_shapes?: readonly ValueShape[];
  /** The tuple length the docstring names. */
  readonly doc_length?: number;
  /** The strings the docstring lists as the choices. */
  readonly doc_options?: readonly string[];
  readonly doc?: string;
}

/** A Keras class or function: `layers.Dense`, `keras.Input`, `keras.regularizers.L2`... */
export interface KerasCallable {
  readonly kind: 'class' | 'function';
  readonly python: string;
  readonly alias_of?: string;
  readonly params: readonly KerasParam[];
}

/** The whole table. */
export interface KerasSignatures {
  readonly keras_version: string;
  readonly names: { readonly activations: readonly string[]; readonly initializers: readonly string[]; readonly losses: readonly string[] };
  /** Keyword arguments every layer takes (name, trainable, dtype...). */
  readonly base_layer: readonly KerasParam[];
  readonly callables: Readonly<Record<string, KerasCallable>>;
}

/** The shape of a parsed value; a call of a `layers.` class is a layer. */
export function shapeOf(expr: PyExpr): ValueShape {
  switch (expr.kind) {
    case 'int':
    case 'float':
    case 'bool':
    case 'str':
      return expr.kind;
    case 'none':
      return 'None';
    case 'tuple':
    case 'list':
      return expr.items.some((item) => item.kind === 'tuple' || item.kind === 'list') ? 'nested tuple' : 'tuple';
    case 'call':
      return expr.callee.startsWith('layers.') ? 'layer' : 'callable/object';
    case 'name':
      return 'callable/object';
    default:
      return assertNever(expr, 'Python expression');
  }
}

const POSITIONAL = new Set<KerasParam['kind']>(['positional-only', 'positional-or-keyword']);

/** What a value must be beyond its shape, by parameter name: Keras's registered names. */
function namedStrings(param: string, table: KerasSignatures): readonly string[] | undefined {
  if (param === 'activation' || param === 'recurrent_activation') return table.names.activations;
  if (param.endsWith('_initializer')) return table.names.initializers;
  if (param === 'loss') return table.names.losses;
  return undefined;
}

/** Does a value of shape `got` fit a parameter that takes `accepted`? An int is a fine float. */
function fits(got: ValueShape, accepted: ReadonlySet<ValueShape>): boolean {
  if (accepted.has(got)) return true;
  if (got === 'int' && accepted.has('float')) return true;
  return got === 'layer' && accepted.has('callable/object');
}

/** Options for {@link checkKerasCall}. */
export interface CheckOptions {
  /** Names the script defines (custom activation functions), which may stand where a callable goes. */
  readonly definedNames?: ReadonlySet<string>;
  /** Layer classes the script defines itself (Keras 3 lacks them), checked like Keras's own. */
  readonly definedClasses?: Readonly<Record<string, KerasCallable>>;
}

/**
 * The signature of a class a script defines, read from its `def __init__(self, ...)` line:
 * each argument is positional-or-keyword (required unless it has a default), `**kwargs` the
 * base layer's keywords.
 */
export function definedClassSignature(lines: readonly string[]): KerasCallable {
  const init = lines.map((l) => /def __init__\(self,?\s*(.*)\):/.exec(l)?.[1]).find((m) => m !== undefined) ?? '';
  const params = init
    .split(',')
    .map((a) => a.trim())
    .filter((a) => a !== '')
    .map((arg): KerasParam => {
      if (arg.startsWith('**')) return { name: arg.slice(2), kind: 'var-keyword' };
      const [name = '', value] = arg.split('=').map((s) => s.trim());
      return value === undefined
        ? { name, kind: 'positional-or-keyword', required: true }
        : { name, kind: 'positional-or-keyword', default: value === 'None' ? null : value };
    });
  return { kind: 'class', python: 'defined by the script', params };
}

function checkValue(value: PyExpr, param: KerasParam, where: string, table: KerasSignatures, options: CheckOptions): string[] {
  const problems: string[] = [];
  const got = shapeOf(value);
  const accepted = new Set<ValueShape>([...(param.doc_shapes ?? []), ...(param.shape && param.shape !== 'None' ? [param.shape] : [])]);
  if (accepted.size > 0) {
    if (param.default === null) accepted.add('None');
    if (!fits(got, accepted)) problems.push(`${where} is ${got}, but Keras takes ${[...accepted].join(' or ')}`);
  }
  if ((value.kind === 'tuple' || value.kind === 'list') && param.doc_length !== undefined && value.items.length !== param.doc_length) {
    problems.push(`${where} has ${value.items.length} items, but Keras takes ${param.doc_length}`);
  }
  if (value.kind === 'str') {
    const names = namedStrings(param.name, table) ?? (param.doc_options && param.doc_options.length > 0 ? param.doc_options : undefined);
    if (names !== undefined && !names.includes(value.value))
      problems.push(`${where} is "${value.value}", which Keras 3 does not know (it knows ${names.join(', ')})`);
  }
  if (value.kind === 'name' && !(options.definedNames?.has(value.name) ?? false))
    problems.push(`${where} names ${value.name}, which the script does not define`);
  if (value.kind === 'call') problems.push(...checkKerasCall(value, table, options));
  if (value.kind === 'tuple' || value.kind === 'list') {
    for (const item of value.items)
      if (item.kind === 'call' || item.kind === 'name') problems.push(...checkValue(item, { name: param.name, kind: param.kind }, where, table, options));
  }
  return problems;
}

/**
 * The ways a call does not fit its Keras 3 signature, in words (empty when it fits): an unknown
 * callable, too many positional arguments, unknown or repeated keywords, missing required
 * arguments, and values whose shape, length or name Keras does not take. Nested calls are checked
 * too.
 */
export function checkKerasCall(expr: PyExpr, table: KerasSignatures, options: CheckOptions = {}): string[] {
  if (expr.kind !== 'call') return [`expected a call, got ${shapeOf(expr)}`];
  const defined = options.definedClasses?.[expr.callee];
  const callable = table.callables[expr.callee] ?? defined;
  if (callable === undefined) return [`${expr.callee} is not in Keras ${table.keras_version}`];
  const problems: string[] = [];
  const params = callable.params;
  const positional = params.filter((p) => POSITIONAL.has(p.kind));
  const varKeyword = params.some((p) => p.kind === 'var-keyword');
  const filled = new Set<string>();
  if (expr.args.length > positional.length && !params.some((p) => p.kind === 'var-positional')) {
    problems.push(`${expr.callee} takes at most ${positional.length} positional arguments, got ${expr.args.length}`);
  }
  expr.args.forEach((arg, i) => {
    const param = positional[i];
    if (param === undefined) return;
    filled.add(param.name);
    problems.push(...checkValue(arg, param, `${expr.callee} argument ${i + 1} (${param.name})`, table, options));
  });
  const isLayer = expr.callee.startsWith('layers.') || defined !== undefined;
  for (const { name, value } of expr.kwargs) {
    const param =
      params.find((p) => p.name === name && p.kind !== 'var-keyword' && p.kind !== 'var-positional' && p.kind !== 'positional-only') ??
      (isLayer && varKeyword ? table.base_layer.find((p) => p.name === name) : undefined);
    if (param === undefined) {
      problems.push(`${expr.callee} has no parameter ${name}`);
      continue;
    }
    if (filled.has(name)) problems.push(`${expr.callee} gets ${name} twice`);
    filled.add(name);
    problems.push(...checkValue(value, param, `${expr.callee}(${name}=...)`, table, options));
  }
  for (const p of params) if (p.required === true && !filled.has(p.name)) problems.push(`${expr.callee} needs ${p.name}`);
  return problems;
}
