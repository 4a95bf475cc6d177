/**
 * CSV loading for a Keras script: pandas reads the file and applies the preprocessing Netloom
 * fitted (fill values, shifts and scales, one-hot categories, class ids), number for number, so
 * the exported model sees exactly the inputs the browser model was trained on.
 */
import { assertNever } from '../lib/assert-never';
import { MISSING_MARKERS } from '../data/csv-cells';
import type { DataPlan, FittedFeature, FittedPreprocessing, SplitPlan } from '../data/types';
import type { TrainingConfig } from '../train/config';
import type { DataCode, PyModule } from './keras-python-util';
import { fractionSplit, pyNumber, pyString, pyStrings } from './keras-python-util';

/** A CSV to load and the plan Netloom prepared it with. */
export interface CsvSource {
  /** Path the script reads, e.g. `samples/iris.csv` or the uploaded file's name. */
  readonly path: string;
  /** Comment lines saying where the file comes from. */
  readonly about: readonly string[];
  /** Uploads may use another delimiter; built-in samples are comma-separated. */
  readonly sniffDelimiter: boolean;
  readonly plan: DataPlan | undefined;
  readonly fitted: FittedPreprocessing;
}

// Netloom's number syntax (csv-cells.ts DECIMAL), so a category like `01` or `1.0` becomes `1` here too.
const NUMBER = String.raw`NUMBER = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?")`;

const CATEGORY = [
  'def category(cell):',
  '    """A cell as Netloom spells a category: trimmed, numbers as JavaScript prints them ("1.0" -> "1")."""',
  '    cell = cell.strip()',
  '    if not NUMBER.fullmatch(cell):',
  '        return cell',
  '    number = float(cell)',
  '    return str(int(number)) if number.is_integer() else repr(number)',
];

const SCALED = [
  'def scaled(column, fill, offset, scale):',
  '    # Missing cells get the fill value fitted in Netloom, then the fitted shift and scale.',
  '    return ((column.fillna(fill) - offset) / scale).to_numpy(dtype="float32")',
];

const ONE_HOT = [
  'def one_hot(column, categories, fill):',
  '    # The fitted categories in their order: a file that lacks one still gets its (all-zero) column.',
  '    keys = column.map(category, na_action="ignore").fillna(fill)',
  '    return pd.get_dummies(pd.Categorical(keys, categories=categories), dtype="float32").to_numpy()',
];

const col = (name: string) => `table[${pyString(name)}]`;

function featureExpr(f: FittedFeature): string {
  switch (f.kind) {
    case 'scale':
      return `scaled(${col(f.name)}, ${pyNumber(f.fill)}, ${pyNumber(f.offset)}, ${pyNumber(f.scale)})`;
    case 'onehot':
      return `one_hot(${col(f.name)}, ${pyStrings(f.categories)}, ${pyString(f.fill)})`;
    default:
      return assertNever(f, 'fitted feature');
  }
}

/** The lines of `prepare()` that turn the target column into `y`, as the fitted encoding says. */
function targetLines(fitted: FittedPreprocessing): string[] {
  const { name, encoding, classes = [], offset = 0, scale = 1 } = fitted.target;
  if (encoding === 'regression') {
    const value = offset === 0 && scale === 1 ? col(name) : `((${col(name)} - ${pyNumber(offset)}) / ${pyNumber(scale)})`;
    return [`    y = ${value}.to_numpy(dtype="float32")`];
  }
  const ids = classes.map((c, i) => `${pyString(c)}: ${i}`).join(', ');
  const y = (() => {
    switch (encoding) {
      case 'onehot':
        return `keras.utils.to_categorical(ids, num_classes=${classes.length})`;
      case 'integer':
        return 'ids.to_numpy(dtype="int32")';
      case 'binary':
        return 'ids.to_numpy(dtype="float32")';
      default:
        return assertNever(encoding, 'target encoding');
    }
  })();
  return [
    `    ids = ${col(name)}.map(category).map({${ids}})`,
    '    if ids.isna().any():',
    `        raise ValueError(${pyString(`the ${name} column holds a class the model was not trained on`)})`,
    `    y = ${y}`,
  ];
}

/** Python that reads the CSV into `x_train, y_train[, x_val, y_val]` with Netloom's fitted preprocessing. */
export function csvData(source: CsvSource, training: TrainingConfig): DataCode {
  const { fitted, plan } = source;
  const classify = fitted.target.encoding !== 'regression';
  const oneHot = fitted.features.some((f) => f.kind === 'onehot');
  const usesCategory = classify || oneHot;
  const textColumns = [...fitted.features.filter((f) => f.kind === 'onehot').map((f) => f.name), ...(classify ? [fitted.target.name] : [])];
  const dropped = (plan?.columns ?? []).filter((c) => c.role === 'feature' && c.missing === 'drop').map((c) => c.name);
  const readArgs = [
    'path',
    ...(source.sniffDelimiter ? ['sep=None', 'engine="python"'] : []),
    ...(textColumns.length > 0 ? [`dtype={${textColumns.map((c) => `${pyString(c)}: str`).join(', ')}}`] : []),
    'keep_default_na=False',
    'na_values=MISSING',
    'skipinitialspace=True',
  ];
  const split: SplitPlan = plan?.split ?? { kind: 'fraction', validation: training.validationSplit, stratified: classify, seed: training.seed };
  const files = [`DATA_FILE = ${pyString(source.path)}`, ...(split.kind === 'file' ? [`VALIDATION_FILE = ${pyString(split.fileName)}`] : [])];
  const lines = [
    ...source.about,
    ...files,
    '# Cells Netloom reads as missing, and only those.',
    `MISSING = ${pyStrings([...MISSING_MARKERS])}`,
    ...(usesCategory ? [NUMBER] : []),
    '',
    '',
    'def read_table(path):',
    ...(source.sniffDelimiter ? ['    # sep=None guesses the delimiter, as Netloom did.'] : []),
    ...(textColumns.length > 0 ? ['    # Class and category columns are read as text and spelled as Netloom spells them.'] : []),
    `    return pd.read_csv(${readArgs.join(', ')})`,
    '',
    '',
    ...(usesCategory ? [...CATEGORY, '', ''] : []),
    ...(fitted.features.some((f) => f.kind === 'scale') ? [...SCALED, '', ''] : []),
    ...(oneHot ? [...ONE_HOT, '', ''] : []),
    'def prepare(table):',
    '    """x and y with the preprocessing fitted in Netloom: fill values, scales, categories, classes."""',
    `    table = table.dropna(subset=${pyStrings([fitted.target.name, ...dropped])})`,
    '    x = np.column_stack(',
    '        [',
    ...fitted.features.map((f) => `            ${featureExpr(f)},`),
    '        ]',
    '    )',
    ...targetLines(fitted),
    '    return x, y',
    '',
    '',
  ];
  const needs = new Set<PyModule>(['numpy', 'pandas', ...(usesCategory ? (['re'] as const) : [])]);
  const pip = ['pandas'];
  switch (split.kind) {
    case 'file':
      lines.push(
        '# Validation rows come from their own file, through the same fitted preprocessing.',
        'x_train, y_train = prepare(read_table(DATA_FILE))',
        'x_val, y_val = prepare(read_table(VALIDATION_FILE))',
      );
      return { lines, needs, pip, fit: { kind: 'arrays', validation: true } };
    case 'fraction': {
      const parts = fractionSplit(split.validation, split.seed, split.stratified && classify ? 'y' : null);
      lines.push('x, y = prepare(read_table(DATA_FILE))', ...parts.lines);
      if (parts.sklearn) needs.add('sklearn');
      return { lines, needs, pip: parts.sklearn ? [...pip, 'scikit-learn'] : pip, fit: parts.fit };
    }
    default:
      return assertNever(split, 'split');
  }
}
