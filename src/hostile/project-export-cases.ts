/**
 * Hostile projects met on the way out: weights that do not fit, a model deeper than TF.js builds
 * (generated, 5,000 layers), and names that try to become code in the Keras script.
 */
import type { HostileCase, Kept } from './case';
import { file, projectDoc, seedDoc, withValue, type Doc, type Json, type LayerLine } from './make';
import { P, projectCase } from './project-cases';

const notWritten = (path: string): Kept => ({ kind: 'not-written', path });
const seed = seedDoc();
const tfjs = { name: 'export', file: P, format: 'tfjs', out: 'out/model' } as const;
const keras = { name: 'export', file: P, format: 'keras', out: 'out/model.py' } as const;
const resave = { name: 'export', file: P, format: 'project', out: 'out/again.netloom.json' } as const;

/** Inline weights: `specs` as given, `bytes` of zeros as their data. */
const weights = (specs: readonly { name: string; shape: readonly number[] }[], bytes: number): Json => ({
  encoding: 'float32-le-base64',
  specs: specs.map((s) => ({ name: s.name, shape: [...s.shape] })),
  data: btoa('\0'.repeat(bytes)),
});
const SEED_SPECS = [
  { name: 'dense_1/kernel', shape: [4, 64] },
  { name: 'dense_1/bias', shape: [64] },
  { name: 'dense_2/kernel', shape: [64, 3] },
  { name: 'dense_2/bias', shape: [3] },
];
const withWeights = (w: Json) => withValue(seed, ['weights'], w);
const FIT = 'its weights do not fit its model: layer "dense_1" has 4 weight values in the file but the model needs 320';
const SHORT = "the project's weights hold 12 bytes but their shapes need 2060";

const weightCases: HostileCase[] = [
  projectCase(
    'weights-short',
    'weights of 12 bytes where their shapes need 2,060: refused before anything is replaced',
    withWeights(weights(SEED_SPECS, 12)),
    { exit: 1, says: SHORT, kept: [notWritten('out/model')] },
    {
      command: tfjs,
      app: { input: 'open', shows: 'notice', says: `${P}: ${SHORT}`, opens: false },
    },
  ),
  projectCase(
    'weights-short-resave',
    'the same weights re-saved as a project: refused, no file that would not open',
    withWeights(weights(SEED_SPECS, 12)),
    { exit: 1, says: SHORT, kept: [notWritten('out/again.netloom.json')] },
    { command: resave },
  ),
  projectCase(
    'weights-wrong-layer-size',
    'weights whose bytes fit their shapes but not the layers',
    withWeights(weights([{ name: 'dense_1/kernel', shape: [2, 2] }], 16)),
    { exit: 1, says: FIT, kept: [notWritten('out/model')] },
    {
      command: tfjs,
    },
  ),
  projectCase(
    'weights-no-layer',
    'a weight named for a layer the model does not have',
    withWeights(weights([...SEED_SPECS, { name: 'evil/kernel', shape: [1] }], 2064)),
    { exit: 1, says: 'its weights do not fit its model: the weight "evil/kernel" belongs to no layer of the model', kept: [notWritten('out/model')] },
    { command: tfjs },
  ),
  projectCase(
    'weights-huge-shape',
    'a weight shape of [1e9, 1e9]: said at once, nothing allocated',
    withWeights(weights([{ name: 'dense_1/kernel', shape: [1e9, 1e9] }], 8)),
    { exit: 1, says: "the project's weights hold 8 bytes but their shapes need", seconds: 5, megabytes: 200, kept: [notWritten('out/model')] },
    { command: tfjs },
  ),
  projectCase(
    'weights-not-base64',
    'weights data that is not base64',
    withWeights({ encoding: 'float32-le-base64', specs: SEED_SPECS, data: '!!not base64!!' }),
    { exit: 1, says: "the project's weights are not valid base64", kept: [notWritten('out/model')] },
    { command: tfjs },
  ),
  projectCase('weights-encoding', 'weights in an encoding Netloom does not write', withWeights({ encoding: 'pickle', specs: [], data: '' }), {
    exit: 1,
    says: 'weights.encoding: expected "float32-le-base64"',
  }),
];

/** A chain of `layers` Dense(2) layers after Input(2). */
function deepDoc(layers: number): Doc {
  const chain: LayerLine[] = [['Input', { shape: [2] }], ...Array.from({ length: layers - 1 }, (): LayerLine => ['Dense', { units: 2 }])];
  return projectDoc('five thousand layers', chain);
}
const DEEP = 'The model is more than 2,000 layers deep at dense_2000; TF.js builds models up to about 2,000 layers deep (too-large)';
const deepFile = () => file(P, () => JSON.stringify(deepDoc(5000)));
const deepCase = (
  id: string,
  what: string,
  command: Extract<HostileCase, { kind: 'project' }>['command'],
  expect: HostileCase['expect'],
  app?: HostileCase['app'],
): HostileCase => ({
  kind: 'project',
  id,
  what,
  files: [deepFile()],
  command,
  expect,
  ...(app ? { app } : {}),
});

const deepCases: HostileCase[] = [
  deepCase(
    'layers-5000-summary',
    'a 5,000-layer project (generated): it opens, and says it is too deep for TF.js',
    { name: 'summary', file: P },
    { exit: 1, says: DEEP, never: ['Maximum call stack'] },
    {
      input: 'open',
      shows: 'notice',
      says: `Opened ${P}: 5,000 layers.`,
      opens: true,
    },
  ),
  deepCase('layers-5000-export-tfjs', 'the 5,000-layer project exported to TF.js: refused with the depth diagnostic', tfjs, {
    exit: 1,
    says: DEEP,
    never: ['Maximum call stack'],
    kept: [notWritten('out/model')],
  }),
  deepCase('layers-5000-export-keras', 'the 5,000-layer project as a Keras script: refused with the depth diagnostic', keras, {
    exit: 1,
    says: DEEP,
    kept: [notWritten('out/model.py')],
  }),
  deepCase('layers-5000-resave', 'the 5,000-layer project re-saved: every layer kept', resave, {
    exit: 0,
    says: 'without weights (the project holds none)',
    kept: [{ kind: 'written', path: 'out/again.netloom.json', holds: '"name": "dense_4999"' }],
  }),
];

const INJECTED = 'import os; os.system("echo NETLOOM-INJECTED")';
/** No line of the script starts with the injected code (it stays inside a string or comment). */
const clean: Kept[] = [
  { kind: 'written', path: 'out/model.py', holds: 'NETLOOM-INJECTED' },
  { kind: 'no-line', path: 'out/model.py', pattern: '^\\s*(import os;|os\\.system|__import__)' },
];
const iris = ['sepal_length', 'sepal_width', 'petal_length', 'petal_width', 'species'];
const plan = (columns: readonly string[]) => ({
  columns: columns.map((name, i) => ({
    name,
    role: i === columns.length - 1 ? 'target' : 'feature',
    transform: i === columns.length - 1 ? 'none' : 'standardize',
    missing: 'mean',
  })),
  target: 'onehot',
  split: { kind: 'fraction', validation: 0.2, stratified: true, seed: 42 },
});
const FORMULAS = ["=cmd|' /C calc'!A0", '+SUM(A1:A2)', '@SUM(1)'];
const FORMULA_LAYERS: LayerLine[] = [
  ['Input', { shape: [3] }],
  ['Dense', { units: 2, activation: 'softmax' }],
];
const IMAGE_LAYERS: LayerLine[] = [['Input', { shape: [28, 28, 1] }], ['Flatten'], ['Dense', { units: 2, activation: 'softmax' }]];

const nameCases: HostileCase[] = [
  projectCase(
    'name-newline-code',
    'a project name with a line break and os.system(...): the Keras script keeps it in its string',
    withValue(seed, ['name'], `x\n${INJECTED}`),
    { exit: 0, says: 'out/model.py', kept: clean },
    { command: keras },
  ),
  projectCase(
    'name-closing-call',
    'a project name that closes a Python call and opens another',
    withValue(seed, ['name'], '"); __import__("os").system("echo NETLOOM-INJECTED"); ("'),
    { exit: 0, says: 'out/model.py', kept: clean },
    {
      command: keras,
      app: { input: 'open', shows: 'notice', says: `Opened ${P}: 3 layers.`, opens: true },
    },
  ),
  projectCase(
    'name-crlf-u2028',
    'a project name with \\r, \\u2028 and a triple quote',
    withValue(seed, ['name'], `a\r${INJECTED}\u2028"""\n${INJECTED}`),
    { exit: 0, says: 'out/model.py', kept: clean },
    { command: keras },
  ),
  projectCase(
    'layer-name-code',
    'a layer named os.system(...): refused, no script written',
    withValue(seed, ['graph', 'nodes', 1, 'name'], `d\n${INJECTED}`),
    { exit: 1, says: 'is not a valid layer name', kept: [notWritten('out/model.py')] },
    { command: keras },
  ),
  projectCase(
    'csv-names-code',
    'a CSV file name and column names holding code',
    withValue(seed, ['data'], {
      kind: 'csv',
      fileName: `data.csv\n${INJECTED}`,
      plan: plan([...iris.slice(0, 3), `w\n${INJECTED}`, `species"""\n${INJECTED}`]),
    }),
    { exit: 0, says: 'out/model.py', kept: clean },
    { command: keras },
  ),
  projectCase(
    'image-names-code',
    'an image folder and class names holding code',
    withValue(projectDoc('images', IMAGE_LAYERS), ['data'], {
      kind: 'images',
      folderName: `pics\n${INJECTED}`,
      imageSize: [28, 28],
      channels: 1,
      fit: 'pad',
      classes: [`cat\n${INJECTED}`, "dog'''\n__import__('os')"],
    }),
    { exit: 0, says: 'out/model.py', kept: clean },
    { command: keras },
  ),
  projectCase(
    'formula-categories',
    "categories that are spreadsheet formulas (=cmd|' /C calc'!A0): plain strings in the script",
    withValue(projectDoc('formulas', FORMULA_LAYERS), ['data'], {
      kind: 'csv',
      fileName: 'cells.csv',
      plan: {
        ...plan(['cell', 'y']),
        columns: [
          { name: 'cell', role: 'feature', transform: 'onehot', missing: 'mode' },
          { name: 'y', role: 'target', transform: 'none', missing: 'drop' },
        ],
      },
      fitted: {
        version: 1,
        features: [{ kind: 'onehot', name: 'cell', categories: FORMULAS, fill: FORMULAS[0] as string }],
        featureNames: FORMULAS.map((f) => `cell=${f}`),
        target: { name: 'y', encoding: 'onehot', classes: ['0', '1'] },
      },
    }),
    {
      exit: 0,
      says: 'out/model.py',
      kept: [
        { kind: 'written', path: 'out/model.py', holds: '"=cmd|\' /C calc\'!A0"' },
        { kind: 'no-line', path: 'out/model.py', pattern: '^\\s*=cmd' },
      ],
    },
    { command: keras },
  ),
];

/** Project cases met on export. */
export const PROJECT_EXPORT_CASES: readonly HostileCase[] = [...weightCases, ...deepCases, ...nameCases];
