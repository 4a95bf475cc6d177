/**
 * Array data for a Keras script that is not a CSV: the IDX digits sample, the toy sets
 * regenerated with numpy, and random stand-in data of the model's shapes when there is no data.
 */
import { assertNever } from '../lib/assert-never';
import type { IdxSample, ToySample } from '../data/samples';
import type { FractionSplit } from '../data/validation';
import type { Loss, TrainingConfig } from '../settings/training';
import { splitLines } from './keras-python-split';
import type { DataCode, PyModule, ScriptDataFile } from './keras-python-util';
import { HERE_LINES, pyCommentText, pyNumber, pyPath, pyTuple } from './keras-python-util';

/** What the data must fit: one entry per model input and output, shapes without the batch axis. */
export interface ModelShapes {
  /** `vocabulary` is set when the input feeds an Embedding, which wants token ids below it. */
  readonly inputs: readonly { readonly shape: readonly number[]; readonly vocabulary: number | null }[];
  readonly outputs: readonly (readonly number[])[];
}

/** One-hot rows of `ids` (numpy, as keras.utils.to_categorical does), so data code needs no Keras. */
const oneHot = (ids: string, classes: number) => `np.eye(${classes}, dtype="float32")[${ids}]`;

/** `y` from integer class ids, in the form the loss expects. */
function targets(labels: string, classes: number, loss: Loss, outputWidth: number): string {
  if (loss === 'sparse_categorical_crossentropy') return labels;
  if (loss === 'binary_crossentropy' && outputWidth === 1) return `${labels}.astype("float32")`;
  return oneHot(labels, classes);
}

/** Labelled samples split as Netloom splits them, by the data's held-out share: seeded, each class keeping its share when stratified. */
export function labelled(
  lines: readonly string[],
  files: readonly ScriptDataFile[],
  classes: number,
  training: TrainingConfig,
  shapes: ModelShapes,
  held: FractionSplit,
): DataCode {
  const width = shapes.outputs[0]?.at(-1) ?? classes;
  const split = splitLines(held.validation, held.seed, held.stratified);
  return {
    lines: [
      ...lines,
      `y = ${targets('labels', classes, training.loss, width)}`,
      ...(split.definitions.length > 0 ? ['', '', ...split.definitions] : []),
      ...split.lines,
    ],
    files,
    needs: new Set<PyModule>(['numpy', ...(files.length > 0 ? (['os'] as const) : [])]),
    pip: [],
    fit: split.fit,
  };
}

/** The digits sample: IDX files read with numpy, pixels scaled to [0, 1] as in Netloom. */
export function idxData(sample: IdxSample, training: TrainingConfig, shapes: ModelShapes, split: FractionSplit): DataCode {
  const files: ScriptDataFile[] = [sample.path, sample.labelsPath].map((path) => ({ kind: 'sample', name: baseName(path), path }));
  const [images, labels] = files;
  const lines = [
    // Built-in text, escaped all the same: comments take nothing unescaped.
    `# Netloom's "${pyCommentText(sample.title)}" sample: IDX files (MNIST format), which the "Keras script`,
    `# + data" export puts beside this script. Source: ${pyCommentText(sample.source)}.`,
    `# Licence: ${pyCommentText(sample.licence)}.`,
    ...HERE_LINES,
    `IMAGES_FILE = ${pyPath(images?.name ?? '')}`,
    `LABELS_FILE = ${pyPath(labels?.name ?? '')}`,
    '',
    '',
    'def read_idx(path, header_bytes):',
    '    # IDX: a big-endian header (magic number, sizes), then one uint8 per pixel or label.',
    '    with open(path, "rb") as f:',
    '        return np.frombuffer(f.read(), dtype=np.uint8, offset=header_bytes)',
    '',
    '',
    `x = read_idx(IMAGES_FILE, 16).reshape(${pyTuple([-1, ...sample.imageShape])}).astype("float32") / 255.0`,
    'labels = read_idx(LABELS_FILE, 8)',
  ];
  return labelled(lines, files, sample.classNames.length, training, shapes, split);
}

/** IDX files the user uploaded (`.gz` or not), read with numpy, each image's size from its header. */
export function uploadedIdxData(
  data: { readonly imagesFile: string; readonly labelsFile: string; readonly classes: number },
  training: TrainingConfig,
  shapes: ModelShapes,
  split: FractionSplit,
): DataCode {
  const files: ScriptDataFile[] = [data.imagesFile, data.labelsFile].map((name) => ({ kind: 'user', name }));
  const lines = [
    `# ${pyCommentText(data.imagesFile)} and ${pyCommentText(data.labelsFile)}: the IDX files (MNIST format) loaded in Netloom, which`,
    '# the export cannot attach: put them beside this script (or change IMAGES_FILE and LABELS_FILE below).',
    ...HERE_LINES,
    `IMAGES_FILE = ${pyPath(data.imagesFile)}`,
    `LABELS_FILE = ${pyPath(data.labelsFile)}`,
    '',
    '',
    'def read_idx(path):',
    '    # IDX, gzipped or not: a big-endian header (magic number, then one uint32 per dimension),',
    '    # then one uint8 per pixel or label.',
    '    with open(path, "rb") as f:',
    '        data = f.read()',
    '    if data[:2] == b"\\x1f\\x8b":',
    '        data = gzip.decompress(data)',
    '    dims = np.frombuffer(data, dtype=">u4", count=data[3], offset=4)',
    '    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * len(dims)).reshape(tuple(int(n) for n in dims))',
    '',
    '',
    'x = read_idx(IMAGES_FILE)[..., np.newaxis].astype("float32") / 255.0',
    'labels = read_idx(LABELS_FILE)',
  ];
  const code = labelled(lines, files, data.classes, training, shapes, split);
  return { ...code, needs: new Set<PyModule>([...code.needs, 'gzip']) };
}

/** The last part of a site path: `samples/digits/labels` -> `labels`. */
export const baseName = (path: string) => path.slice(path.lastIndexOf('/') + 1);

const GENERATORS: Readonly<Record<ToySample['generator'], readonly string[]>> = {
  xor: [
    'def make_xor(n, rng):',
    '    # Class 0 where x and y share a sign, class 1 where they differ, 0.05 away from the axes.',
    '    labels = np.arange(n) % 2',
    '    size = rng.uniform(0.05, 1.0, size=(n, 2))',
    '    sx = np.where(rng.random(n) < 0.5, -1.0, 1.0)',
    '    sy = np.where(labels == 0, sx, -sx)',
    '    return np.stack([sx * size[:, 0], sy * size[:, 1]], axis=1), labels',
  ],
  circles: [
    'def make_circles(n, rng):',
    '    # Class 0 fills a disc of radius 0.5, class 1 a ring from 0.7 to 1, uniform over the area.',
    '    labels = np.arange(n) % 2',
    '    r = np.sqrt(rng.uniform(np.where(labels == 0, 0.0, 0.49), np.where(labels == 0, 0.25, 1.0)))',
    '    angle = rng.uniform(0.0, 2 * np.pi, size=n)',
    '    return np.stack([r * np.cos(angle), r * np.sin(angle)], axis=1), labels',
  ],
  spirals: [
    'def make_spirals(n, rng):',
    '    # Two interleaved arms of 1.75 turns, radius growing from 0 to 1, one class per arm.',
    '    labels = np.arange(n) % 2',
    '    t = rng.random(n)',
    '    angle = t * 1.75 * 2 * np.pi + labels * np.pi',
    '    return np.stack([t * np.cos(angle), t * np.sin(angle)], axis=1), labels',
  ],
};

/** A toy sample regenerated with numpy: the same recipe, sizes and noise, not the same points. */
export function toyData(sample: ToySample, training: TrainingConfig, shapes: ModelShapes, split: FractionSplit): DataCode {
  const lines = [
    `# Netloom's "${pyCommentText(sample.title)}" toy set, generated here by the same recipe (size, noise, classes`,
    "# taking turns). numpy's random numbers differ from Netloom's, so the points do too.",
    '',
    '',
    ...GENERATORS[sample.generator],
    '',
    '',
    `rng = np.random.default_rng(${training.seed})`,
    `points, labels = make_${sample.generator}(${sample.rows}, rng)`,
    `x = (points + ${pyNumber(sample.noise)} * rng.standard_normal(points.shape)).astype("float32")`,
  ];
  return labelled(lines, [], sample.classNames?.length ?? 2, training, shapes, split);
}

function randomTarget(shape: readonly number[], loss: Loss): string {
  const classes = shape.at(-1) ?? 1;
  const lead = ['count', ...shape.slice(0, -1)];
  const all = ['count', ...shape];
  switch (loss) {
    case 'categorical_crossentropy':
      return oneHot(`rng.integers(0, ${classes}, size=${pyTuple(lead)})`, classes);
    case 'sparse_categorical_crossentropy':
      return `rng.integers(0, ${classes}, size=${pyTuple(lead)})`;
    case 'binary_crossentropy':
      return `rng.integers(0, 2, size=${pyTuple(all)}).astype("float32")`;
    case 'mean_squared_error':
    case 'mean_absolute_error':
    case 'huber':
      return `rng.standard_normal(${pyTuple(all)}, dtype=np.float32)`;
    default:
      return assertNever(loss, 'loss');
  }
}

/** `name = item`, or `name = [...]` over several lines for several items, inside a function. */
function assign(name: string, items: readonly string[]): string[] {
  if (items.length === 1) return [`    ${name} = ${items[0]}`];
  return [`    ${name} = [`, ...items.map((i) => `        ${i},`), '    ]'];
}

/**
 * Random samples of the model's input and output shapes, so the script runs as it is: token ids
 * below the vocabulary for an Embedding, numbers in [0, 1) otherwise, targets the loss accepts.
 */
export function randomData(why: readonly string[], training: TrainingConfig, shapes: ModelShapes): DataCode {
  const xs = shapes.inputs.map(({ shape, vocabulary }) =>
    vocabulary === null
      ? `rng.random(${pyTuple(['count', ...shape])}, dtype=np.float32)`
      : `rng.integers(0, ${vocabulary}, size=${pyTuple(['count', ...shape])})`,
  );
  const ys = shapes.outputs.map((shape) => randomTarget(shape, training.loss));
  const lines = [
    ...why,
    "# Random samples of the model's shapes stand in for it, so that the script runs as it is.",
    '# Replace random_data() with your own data.',
    `rng = np.random.default_rng(${training.seed})`,
    '',
    '',
    'def random_data(count):',
    ...assign('x', xs),
    ...assign('y', ys),
    '    return x, y',
    '',
    '',
    'x_train, y_train = random_data(256)',
    'x_val, y_val = random_data(64)',
  ];
  return { lines, files: [], needs: new Set<PyModule>(['numpy']), pip: [], fit: { kind: 'arrays', validation: true } };
}
