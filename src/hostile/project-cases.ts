/**
 * Hostile project files: values out of range or of the wrong type, deep and prototype-shaped
 * JSON, damaged headers and weights, a model too deep for TF.js, names that try to become code,
 * and files that are no JSON at all. Zips and the big inputs are in `project-cases-big.ts`.
 */
import type { CaseCommand, HostileCase, Kept, Outcome } from './case';
import { PROJECT_VERSION } from '../project/project-file';
import { fixed, jsonFile, jsonWithRaw, paramPath, seedDoc, withValue, type Doc } from './make';

type ProjectCommand = Extract<HostileCase, { kind: 'project' }>['command'];

export const P = 'hostile.netloom.json';
const summary: ProjectCommand = { name: 'summary', file: P };
const exportAs = (format: Extract<CaseCommand, { name: 'export' }>['format'], out = format === 'keras' ? 'out/model.py' : 'out/model'): ProjectCommand => ({
  name: 'export',
  file: P,
  format,
  out,
});

/** A project case whose file is `content` (a document or raw text), run by `command`. */
export function projectCase(
  id: string,
  what: string,
  content: Doc | string | Uint8Array,
  expect: Outcome,
  extra: { command?: ProjectCommand; app?: HostileCase['app']; known?: string } = {},
): HostileCase {
  const file = typeof content === 'string' || content instanceof Uint8Array ? fixed(P, content) : jsonFile(P, content);
  return {
    kind: 'project',
    id,
    what,
    files: [file],
    command: extra.command ?? summary,
    expect,
    ...(extra.app ? { app: extra.app } : {}),
    ...(extra.known ? { known: extra.known } : {}),
  };
}

const refused = (says: string | readonly string[], kept: readonly Kept[] = []): Outcome => ({ exit: 1, says, kept });
const notWritten = (path: string): Kept => ({ kind: 'not-written', path });
const opensApp = (says: string) => ({ input: 'open', shows: 'notice', says, opens: true }) as const;
const refusedApp = (says: string) => ({ input: 'open', shows: 'notice', says, opens: false }) as const;

const seed = seedDoc();
const units = paramPath(1, 'units');
const shape = paramPath(0, 'shape');
/** A layer node of a project document: a wrapper and its wrapped layer, say. */
const layerNode = (id: string, kind: string, name: string, params: Doc): Doc => ({ id, kind, name, params, position: { x: 0, y: 120 } });
const nested = (levels: number) => `${'{"a":'.repeat(levels)}0${'}'.repeat(levels)}`;
const DEPTH = 'the JSON nests arrays or objects more than 1,000 levels deep';

/** Values where they do not belong, each caught with its place named. */
const values: HostileCase[] = [
  projectCase(
    'units-fraction',
    'Dense units 1.5: opens, the layer says what is wrong',
    withValue(seed, units, 1.5),
    refused('error [dense_1]: dense_1: units must be a whole number at least 1 (invalid-param)'),
    { app: { ...opensApp(`Opened ${P}: 3 layers.`), diagnostic: { layer: 'dense_1', says: 'units must be a whole number at least 1' } } },
  ),
  projectCase(
    'units-1e400',
    'Dense units 1e400 (Infinity once parsed)',
    jsonWithRaw(seed, units, '1e400'),
    refused('graph.nodes[1] (dense_1): parameter "units" should be a whole number, not Infinity'),
  ),
  projectCase('units-1e9-summary', 'Dense units 1e9: too large, said before anything is allocated', withValue(seed, units, 1e9), {
    ...refused(
      'dense_1 would have 5,000,000,000 parameters (20.0 GB); one layer can hold at most 268,435,456 (1 GB) in a browser: make it smaller (too-large)',
    ),
    seconds: 5,
    megabytes: 200,
  }),
  projectCase(
    'units-1e9-export-tfjs',
    'Dense units 1e9, exported to TF.js: refused quickly, nothing written',
    withValue(seed, units, 1e9),
    { ...refused('cannot be exported as a TF.js model', [notWritten('out/model')]), seconds: 5, megabytes: 200 },
    { command: exportAs('tfjs') },
  ),
  projectCase(
    'units-1e9-export-keras',
    'Dense units 1e9, exported as a Keras script: refused, nothing written',
    withValue(seed, units, 1e9),
    {
      ...refused(['dense_1 would have 5,000,000,000 parameters (20.0 GB)', 'cannot be exported as a Keras script'], [notWritten('out/model.py')]),
      seconds: 5,
      megabytes: 200,
    },
    { command: exportAs('keras') },
  ),
  projectCase(
    'units-string',
    'Dense units "64", a number as text',
    withValue(seed, units, '64'),
    refused('parameter "units" should be a whole number, not "64"'),
  ),
  projectCase('units-negative', 'Dense units -5', withValue(seed, units, -5), refused('dense_1: units must be a whole number at least 1 (invalid-param)')),
  projectCase('units-null', 'Dense units null', withValue(seed, units, null), refused('parameter "units" should be a whole number, not null')),
  projectCase(
    'shape-string-dim',
    'Input shape ["4"], a dimension as text',
    withValue(seed, shape, ['4']),
    refused('parameter "shape" should be a list of whole numbers (null for an unknown size), not ["4"]'),
  ),
  projectCase(
    'shape-negative-dim',
    'Input shape [-4]',
    withValue(seed, shape, [-4]),
    refused('input_1: shape must be whole numbers of at least 1 (or None) (invalid-param)'),
  ),
  projectCase('shape-huge-dims', 'Input shape [1e9, 1e9]: a layer after it would be astronomically large', withValue(seed, shape, [1e9, 1e9]), {
    ...refused('dense_1 would have 64,000,000,064 parameters (256.0 GB)'),
    seconds: 5,
    megabytes: 200,
  }),
  projectCase(
    'activation-unknown',
    'Dense activation "os.system"',
    withValue(seed, paramPath(1, 'activation'), 'os.system'),
    refused('dense_1: activation must be one of linear, relu, sigmoid,'),
  ),
  projectCase(
    'activation-constructor',
    'Dense activation "constructor", a name every JS object has',
    withValue(seed, paramPath(1, 'activation'), 'constructor'),
    refused('dense_1: activation must be one of linear, relu, sigmoid,'),
  ),
  projectCase(
    'position-infinite',
    'a node position of 1e400',
    jsonWithRaw(seed, ['graph', 'nodes', 0, 'position', 'x'], '1e400'),
    refused('graph.nodes[0].position.x: expected number, received Infinity'),
  ),
  projectCase(
    'batch-size-zero',
    'training.batchSize 0',
    withValue(seed, ['training'], { batchSize: 0 }),
    refused('training.batchSize: too small: expected number to be >=1'),
  ),
  projectCase(
    'epochs-1e12',
    "training.epochs 1e12: the user's to choose (a run can be stopped), so it opens",
    withValue(seed, ['training'], { epochs: 1e12 }),
    { exit: 0, says: 'Total params: 515 (2.01 KB)' },
  ),
  projectCase(
    'params-not-object',
    'a node whose params are a list',
    withValue(seed, ['graph', 'nodes', 1, 'params'], [64]),
    refused('graph.nodes[1].params: expected an object of parameters'),
  ),
  projectCase(
    'unknown-param',
    'a Dense parameter Dense does not have',
    withValue(seed, paramPath(1, 'exec'), 'rm -rf /'),
    refused('graph.nodes[1] (dense_1): Dense has no parameter "exec"'),
  ),
  projectCase(
    'unknown-kind',
    'a layer kind Netloom does not have (Lambda)',
    withValue(seed, ['graph', 'nodes', 1, 'kind'], 'Lambda'),
    refused('graph.nodes[1] has unknown layer kind "Lambda"'),
  ),
  projectCase(
    'kind-constructor',
    'a layer kind "constructor"',
    withValue(seed, ['graph', 'nodes', 1, 'kind'], 'constructor'),
    refused('graph.nodes[1] has unknown layer kind "constructor"'),
  ),
  projectCase(
    'kind-tostring',
    'a layer kind "toString"',
    withValue(seed, ['graph', 'nodes', 1, 'kind'], 'toString'),
    refused('graph.nodes[1] has unknown layer kind "toString"'),
  ),
  projectCase(
    'wrapped-unknown-kind',
    'a Bidirectional layer wrapping an unknown kind',
    withValue(seed, ['graph', 'nodes', 1], layerNode('n2', 'Bidirectional', 'bidirectional_1', { layer: { kind: 'Evil', params: {} } })),
    refused('parameter "layer" wraps unknown layer kind "Evil"'),
  ),
  projectCase('duplicate-node-id', 'two nodes with one id', withValue(seed, ['graph', 'nodes', 2, 'id'], 'n1'), refused('graph.nodes[2] reuses the id "n1"')),
  projectCase(
    'edge-to-nowhere',
    'an edge to a node that does not exist',
    withValue(seed, ['graph', 'edges', 0, 'target'], 'ghost'),
    refused('graph.edges[0] has target "ghost", which is not a node'),
  ),
  projectCase(
    'cycle',
    'edges that make a cycle',
    withValue(seed, ['graph', 'edges', 2], { id: 'e3', source: 'n3', target: 'n2', targetSlot: 1 }),
    refused('The graph has a cycle through dense_1 -> dense_2 -> dense_1; remove one of these connections (cycle)'),
  ),
  projectCase(
    'name-100k',
    'a layer name of 100,000 characters (a valid identifier): it opens',
    withValue(seed, ['graph', 'nodes', 1, 'name'], 'd'.repeat(100_000)),
    { exit: 0, says: 'Total params: 515 (2.01 KB)' },
  ),
];

/** JSON built to break a parser or a reader: nesting, prototype keys, wrong headers. */
const shapes: HostileCase[] = [
  projectCase('deep-object-param', 'a parameter value nested 100,000 objects deep', jsonWithRaw(seed, units, nested(100_000)), refused(DEPTH), {
    app: refusedApp(`${P}: ${DEPTH}`),
  }),
  projectCase(
    'deep-array-shape',
    'an Input shape nested 100,000 arrays deep',
    jsonWithRaw(seed, shape, `${'['.repeat(100_000)}${']'.repeat(100_000)}`),
    refused(DEPTH),
  ),
  projectCase(
    'deep-under-limit',
    'a parameter value nested 990 objects deep, just under the limit',
    jsonWithRaw(seed, units, nested(990)),
    refused('parameter "units" should be a whole number, not {"a":{"a":'),
  ),
  projectCase(
    'deep-export-keras',
    'a nested value 10,000 deep in a file given to export',
    jsonWithRaw(seed, ['data'], nested(10_000)),
    refused(DEPTH, [notWritten('out/model.py')]),
    { command: exportAs('keras') },
  ),
  projectCase(
    'proto-param',
    'a "__proto__" key among a layer\'s params',
    withValue(seed, paramPath(1, '__proto__'), { units: 7 }),
    refused('graph.nodes[1] (dense_1): Dense has no parameter "__proto__"'),
    { app: refusedApp(`${P}: graph.nodes[1] (dense_1): Dense has no parameter "__proto__"`) },
  ),
  projectCase(
    'proto-top',
    'a "__proto__" key at the top of the file',
    withValue(seed, ['__proto__'], { polluted: true }),
    refused('the file has unknown field "__proto__"'),
  ),
  projectCase(
    'proto-wrapped',
    'a "__proto__" key in a wrapped layer\'s params',
    withValue(
      seed,
      ['graph', 'nodes', 1],
      layerNode('n2', 'TimeDistributed', 'time_distributed_1', { layer: { kind: 'Dense', params: JSON.parse('{"__proto__": {"units": 1}}') as Doc } }),
    ),
    refused('Dense has no parameter "__proto__"'),
  ),
  projectCase(
    'constructor-param',
    'a "constructor" key among a layer\'s params',
    withValue(seed, paramPath(1, 'constructor'), { prototype: { polluted: true } }),
    refused('graph.nodes[1] (dense_1): Dense has no parameter "constructor"'),
  ),
  projectCase(
    'constructor-top',
    'a "constructor" key at the top of the file',
    withValue(seed, ['constructor'], { prototype: { polluted: true } }),
    refused('the file has unknown field "constructor"'),
  ),
  projectCase(
    'callback-factor-one',
    'callbacks.reduceLrOnPlateau.factor 1, which would never lower the rate',
    withValue(seed, ['callbacks'], { reduceLrOnPlateau: { enabled: true, factor: 1 } }),
    refused('callbacks.reduceLrOnPlateau.factor: too big: expected number to be <1'),
  ),
  projectCase(
    'callback-unknown',
    'a callback Netloom does not run (ModelCheckpoint)',
    withValue(seed, ['callbacks'], { modelCheckpoint: { enabled: true } }),
    refused('callbacks has unknown field "modelCheckpoint"'),
  ),
  projectCase(
    'prototype-training',
    'a "prototype" key in the training settings',
    withValue(seed, ['training'], { prototype: 1 }),
    refused('training has unknown field "prototype"'),
  ),
  projectCase(
    'format-wrong',
    'a wrong format tag',
    withValue(seed, ['format'], 'netloom-projekt'),
    refused('not a Netloom project: the file has format "netloom-projekt", expected "netloom-project"'),
  ),
  projectCase(
    'format-missing',
    'no format tag',
    withValue(seed, ['format'], undefined),
    refused('not a Netloom project: the file has no "format", expected "netloom-project"'),
  ),
  projectCase(
    'version-newer',
    'version 99',
    withValue(seed, ['version'], 99),
    refused(`this project was saved by a newer Netloom (version 99); this version reads up to version ${PROJECT_VERSION}`),
  ),
  projectCase('version-string', 'version "3", as text', withValue(seed, ['version'], '3'), refused('the project\'s version is "3", not a version number')),
  projectCase('version-fraction', 'version 2.5', withValue(seed, ['version'], 2.5), refused("the project's version is 2.5, not a version number")),
  projectCase(
    'top-array',
    'a JSON list instead of an object',
    '[]',
    refused('is neither a Netloom project (.netloom.json) nor a Keras / TF.js layers model (model.json)'),
  ),
  projectCase('top-null', 'the JSON value null', 'null', refused('is neither a Netloom project')),
  projectCase('top-string', 'a JSON string', '"netloom-project"', refused('is neither a Netloom project')),
];

/** Text that is no JSON, or JSON in a form the reader must see through. */
const text: HostileCase[] = [
  projectCase('truncated', 'a project cut off in the middle', JSON.stringify(seed, null, 2).slice(0, 700), refused(`${P}: not valid JSON:`)),
  projectCase('empty', 'an empty file', '', refused(`${P}: not valid JSON: Unexpected end of JSON input`)),
  projectCase('whitespace', 'only spaces and line breaks', ' \n\t\r\n ', refused(`${P}: not valid JSON`)),
  projectCase(
    'binary',
    'binary garbage: NUL, escape sequences and invalid UTF-8',
    new Uint8Array([0x00, 0x1b, 0x5b, 0x32, 0x4a, 0x1b, 0x5d, 0x30, 0x3b, 0x70, 0x07, 0xff, 0xfe, 0x80, 0xc3, 0x28, 0x00]),
    { ...refused(`${P}: not valid JSON`), never: ['\u001b'] },
    { app: refusedApp(`${P}: not valid JSON`) },
  ),
  projectCase(
    'ansi-in-name',
    'a layer name with terminal escape sequences',
    withValue(seed, ['graph', 'nodes', 1, 'name'], 'dense\u001b]0;pwned\u0007\u001b[2J'),
    { ...refused('"dense\\u001b]0;pwned\\u0007\\u001b[2J" is not a valid layer name'), never: ['\u001b'] },
  ),
  projectCase(
    'bom',
    'a project saved with a UTF-8 byte-order mark (Windows Notepad)',
    `\ufeff${JSON.stringify(seed, null, 2)}`,
    { exit: 0, says: 'Total params: 515 (2.01 KB)' },
    { app: opensApp(`Opened ${P}: 3 layers.`) },
  ),
  projectCase('utf16', 'a project saved as UTF-16 with its byte-order mark', utf16(JSON.stringify(seed)), refused(`${P}: not valid JSON`)),
  projectCase(
    'duplicate-key',
    'units given twice (JSON.parse keeps the last: 1e9)',
    JSON.stringify(seed).replace('"units":64', '"units":64,"units":1000000000'),
    refused('dense_1 would have 5,000,000,000 parameters'),
  ),
];

/** `text` as UTF-16 little-endian bytes with a byte-order mark. */
function utf16(text: string): Uint8Array {
  const out = new Uint8Array(2 + text.length * 2);
  out.set([0xff, 0xfe]);
  for (let i = 0; i < text.length; i++) out.set([text.charCodeAt(i) & 0xff, text.charCodeAt(i) >> 8], 2 + i * 2);
  return out;
}

/** The small project cases. */
export const PROJECT_CASES: readonly HostileCase[] = [...values, ...shapes, ...text];
