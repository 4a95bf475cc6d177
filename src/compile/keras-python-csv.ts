/**
 * CSV loading for a Keras script: the file read as Netloom reads it (keras-python-reader.ts), the
 * preprocessing Netloom fitted applied number for number (fill values, shifts and scales, one-hot
 * categories, class ids), and Netloom's own split, so the exported model trains on exactly the
 * samples the browser model was trained on.
 */
import { assertNever } from '../lib/assert-never';
import type { FittedTextVectorizer } from '../data/text';
import type { DataPlan, FittedFeature, FittedPreprocessing, SplitPlan } from '../data/types';
import { csvReaderLines } from './keras-python-reader';
import { splitLines } from './keras-python-split';
import type { DataCode, PyModule, ScriptDataFile } from './keras-python-util';
import { HERE_LINES, pyCall, pyNumber, pyPath, pyString, pyStrings } from './keras-python-util';

/** A CSV to load and the plan Netloom prepared it with. */
export interface CsvSource {
  /** The file; the script reads it from its own folder (`iris.csv`, the uploaded file's name). */
  readonly file: ScriptDataFile;
  /** Comment lines saying where the file comes from. */
  readonly about: readonly string[];
  /** Uploads may use another delimiter, guessed as the app guesses it; built-in samples use commas. */
  readonly sniffDelimiter: boolean;
  readonly plan: DataPlan | undefined;
  readonly fitted: FittedPreprocessing;
}

const SCALED = [
  'def scaled(column, fill, offset, scale):',
  '    # Missing cells get the fill value fitted in Netloom, then the fitted shift and scale.',
  '    return ((pd.to_numeric(column).fillna(fill) - offset) / scale).to_numpy(dtype="float32")',
];

const ONE_HOT = [
  'def one_hot(column, categories, fill):',
  '    # The fitted categories in their order: a file that lacks one still gets its (all-zero) column.',
  '    keys = column.map(category, na_action="ignore").fillna(fill)',
  '    return pd.get_dummies(pd.Categorical(keys, categories=categories), dtype="float32").to_numpy()',
];

const TEXT_IDS = [
  'def text_ids(column, vocabulary, lower_and_strip, split, length):',
  '    # Keras TextVectorization(output_mode="int") with the vocabulary Netloom fitted on the training',
  '    # rows: ASCII lowercasing and punctuation only, ASCII whitespace; 0 pads, 1 is out of vocabulary.',
  '    index = {token: i for i, token in enumerate(vocabulary)}',
  '    out = np.zeros((len(column), length), dtype="float32")',
  '    for row, cell in enumerate(column):',
  '        text = "" if pd.isna(cell) else str(cell)',
  '        if lower_and_strip:',
  '            text = re.sub(r"[!-/:-@\\[-`{-~]", "", text.translate({c: c + 32 for c in range(65, 91)}))',
  '        tokens = list(text) if split == "character" else [t for t in re.split(r"[ \\t\\n\\v\\f\\r]+", text) if t]',
  '        ids = [index.get(token, 1) for token in tokens][:length]',
  '        out[row, : len(ids)] = ids',
  '    return out',
];

const col = (name: string) => `table[${pyString(name)}]`;

/** `text_ids(...)` of a column with the fitted vocabulary, which the script holds as `TEXT_VOCABULARY`. */
function textIdsCall(column: string, { options }: FittedTextVectorizer): string {
  const strip = options.standardize === null ? 'False' : 'True';
  return `text_ids(${column}, TEXT_VOCABULARY, ${strip}, ${pyString(options.split)}, ${options.outputSequenceLength ?? 1})`;
}

/**
 * After training: Keras's own TextVectorization with the vocabulary Netloom fitted, passed
 * explicitly, checked against text_ids() on the file's first rows, and used on new text.
 */
function textUseLines(fitted: FittedPreprocessing, f: Extract<FittedFeature, { kind: 'text' }>): string[] {
  const { options } = f.vectorizer;
  const length = options.outputSequenceLength ?? 1;
  const predict =
    fitted.target.encoding === 'regression'
      ? []
      : [
          'for text, p in zip(texts[:3], model.predict(np.asarray(vectorizer(texts[:3])), verbose=0)):',
          '    print(f"{text!r}: {CLASSES[int(np.argmax(p))] if len(p) > 1 else CLASSES[int(p[0] > 0.5)]}")',
        ];
  return [
    '# New text goes through Keras\'s own tokenizer with the vocabulary Netloom fitted (Keras adds "" for',
    '# padding and "[UNK]" for words it has not seen, as TEXT_VOCABULARY lists them first).',
    ...pyCall(
      'keras.layers.TextVectorization',
      [
        `standardize=${options.standardize === null ? 'None' : pyString(options.standardize)}`,
        `split=${pyString(options.split)}`,
        `output_sequence_length=${length}`,
        'vocabulary=TEXT_VOCABULARY[2:]',
      ],
      'vectorizer',
    ),
    `texts = read_table(DATA_FILE)[0][${pyString(f.name)}].fillna("").astype(str).head(100).tolist()`,
    `if not np.array_equal(np.asarray(vectorizer(texts)), ${textIdsCall('pd.Series(texts)', f.vectorizer)}):`,
    '    raise ValueError("Keras\'s TextVectorization and text_ids() disagree on this data")',
    ...predict,
  ];
}

function featureExpr(f: FittedFeature): string {
  switch (f.kind) {
    case 'scale':
      return `scaled(${col(f.name)}, ${pyNumber(f.fill)}, ${pyNumber(f.offset)}, ${pyNumber(f.scale)})`;
    case 'onehot':
      return `one_hot(${col(f.name)}, ${pyStrings(f.categories)}, ${pyString(f.fill)})`;
    case 'text':
      return textIdsCall(col(f.name), f.vectorizer);
    default:
      return assertNever(f, 'fitted feature');
  }
}

/** The lines of `prepare()` that turn the target column into `y`, as the fitted encoding says. */
function targetLines(fitted: FittedPreprocessing): string[] {
  const { name, encoding, classes = [], offset = 0, scale = 1 } = fitted.target;
  if (encoding === 'regression') {
    const value = offset === 0 && scale === 1 ? `pd.to_numeric(${col(name)})` : `((pd.to_numeric(${col(name)}) - ${pyNumber(offset)}) / ${pyNumber(scale)})`;
    return [`    y = ${value}.to_numpy(dtype="float32")`];
  }
  const y = (() => {
    switch (encoding) {
      case 'onehot':
        return `np.eye(${classes.length}, dtype="float32")[ids.to_numpy(dtype="int64")]`;
      case 'integer':
        return 'ids.to_numpy(dtype="int32")';
      case 'binary':
        return 'ids.to_numpy(dtype="float32")';
      default:
        return assertNever(encoding, 'target encoding');
    }
  })();
  return [
    '    keys = [str(i) for i in range(len(CLASSES))] if named else CLASSES',
    `    ids = ${col(name)}.map(category).map({key: i for i, key in enumerate(keys)})`,
    '    if ids.isna().any():',
    `        raise ValueError(${pyString(`the ${name} column holds a class the model was not trained on`)})`,
    `    y = ${y}`,
  ];
}

function prepareLines(fitted: FittedPreprocessing, dropped: readonly string[]): string[] {
  const classify = fitted.target.encoding !== 'regression';
  const target = col(fitted.target.name);
  return [
    ...(classify ? ['# The classes in class-id order, as Netloom numbered them.', `CLASSES = ${pyStrings(fitted.target.classes ?? [])}`, '', ''] : []),
    'def prepare(table, class_names):',
    '    """x and y with the preprocessing fitted in Netloom: fill values, scales, categories, classes."""',
    ...(classify
      ? [
          '    # An sklearn-style first line names the classes of a column of numbers: "0" is the first class.',
          `    named = class_names == CLASSES and ${target}.dropna().map(NUMBER.fullmatch).notna().all()`,
        ]
      : []),
    `    table = table.dropna(subset=${pyStrings([fitted.target.name, ...dropped])})`,
    '    x = np.column_stack(',
    '        [',
    ...fitted.features.map((f) => `            ${featureExpr(f)},`),
    '        ]',
    '    )',
    ...targetLines(fitted),
    '    return x, y',
  ];
}

/**
 * Python that reads the CSV into `x_train, y_train[, x_val, y_val]` with Netloom's fitted
 * preprocessing, validating as the data's `split` says (its held-out rows, or the separate file).
 */
export function csvData(source: CsvSource, split: SplitPlan): DataCode {
  const { fitted, plan } = source;
  const classify = fitted.target.encoding !== 'regression';
  const dropped = (plan?.columns ?? []).filter((c) => c.role === 'feature' && c.missing === 'drop').map((c) => c.name);
  const validationFile: readonly ScriptDataFile[] = split.kind === 'file' ? [{ kind: 'user', name: split.fileName }] : [];
  const files = [source.file, ...validationFile];
  const paths = [`DATA_FILE = ${pyPath(source.file.name)}`, ...validationFile.map((f) => `VALIDATION_FILE = ${pyPath(f.name)}`)];
  const blank = ['', ''];
  const text = fitted.features.find((f): f is Extract<FittedFeature, { kind: 'text' }> => f.kind === 'text');
  const use = text ? { use: textUseLines(fitted, text) } : {};
  const helpers = [
    ...csvReaderLines(source.sniffDelimiter),
    ...blank,
    ...(fitted.features.some((f) => f.kind === 'scale') ? [...SCALED, ...blank] : []),
    ...(fitted.features.some((f) => f.kind === 'onehot') ? [...ONE_HOT, ...blank] : []),
    ...(text ? [`TEXT_VOCABULARY = ${pyStrings(text.vectorizer.vocabulary)}`, ...blank, ...TEXT_IDS, ...blank] : []),
    ...prepareLines(fitted, dropped),
    ...blank,
  ];
  const lines = [...source.about, ...HERE_LINES, ...paths, ...helpers];
  const needs = new Set<PyModule>(['csv', 'io', 'os', 're', 'numpy', 'pandas']);
  switch (split.kind) {
    case 'file':
      lines.push(
        '# Validation rows come from their own file, through the same fitted preprocessing.',
        'x_train, y_train = prepare(*read_table(DATA_FILE))',
        'x_val, y_val = prepare(*read_table(VALIDATION_FILE))',
      );
      return { lines, files, needs, pip: ['pandas'], fit: { kind: 'arrays', validation: true }, ...use };
    case 'fraction': {
      const parts = splitLines(split.validation, split.seed, split.stratified && classify);
      lines.push(...parts.definitions, 'x, y = prepare(*read_table(DATA_FILE))', ...parts.lines);
      return { lines, files, needs, pip: ['pandas'], fit: parts.fit, ...use };
    }
    default:
      return assertNever(split, 'split');
  }
}
