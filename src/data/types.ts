import type { FittedTextVectorizer, TextSplit, TextStandardize } from './text/types';

/**
 * The shared vocabulary of the data pipeline: tables read from CSV, the per-column plan the user
 * chooses, the fitted preprocessing that travels with the model, and the tensors-to-be.
 */

/** What a column holds, as inferred from its values. */
export type ColumnType = 'numeric' | 'categorical' | 'text' | 'constant' | 'id';

/** What analysis of one column found; drives the schema view and the default plan. */
export interface ColumnSummary {
  readonly name: string;
  readonly type: ColumnType;
  /** Empty cells (and NA, NaN, null, ?). */
  readonly missing: number;
  /** Distinct non-missing values (exact up to a cap, then a lower bound). */
  readonly distinct: number;
  /** Class names of a categorical column (or a numeric one with few integer values), sorted. */
  readonly classes?: readonly string[];
  /** Numeric statistics over non-missing values. */
  readonly min?: number;
  readonly max?: number;
  readonly mean?: number;
  readonly std?: number;
}

/**
 * One column's cells, stored compactly: numbers in a Float64Array (NaN = missing), anything else
 * as codes into a dictionary (-1 = missing). About 8 bytes a cell, whatever the CSV's size.
 */
export type Column =
  | { readonly kind: 'numeric'; readonly name: string; readonly values: Float64Array }
  | { readonly kind: 'codes'; readonly name: string; readonly codes: Int32Array; readonly dictionary: readonly string[] };

/** A parsed CSV: columns of equal length plus what was learned while reading it. */
export interface Table {
  readonly columns: readonly Column[];
  readonly rowCount: number;
  readonly summaries: readonly ColumnSummary[];
  /** The first rows as read (strings), for the preview table. */
  readonly preview: readonly (readonly string[])[];
  readonly delimiter: string;
  readonly hasHeader: boolean;
  /** Class names from an sklearn-style first line (`150,4,setosa,versicolor,virginica`), if any. */
  readonly headerClassNames?: readonly string[];
  /** Rows skipped while reading (ragged or empty), with the reason, for the UI to list. */
  readonly skippedRows: number;
}

/** A column as the page knows it: its name and how it is stored, without its cells. */
export interface ColumnHead {
  readonly kind: Column['kind'];
  readonly name: string;
}

/**
 * A table as the page sees it: everything the table worker learned, but not the cells, which stay
 * in the worker (a 1,000,000-row CSV's columns are over 100 MB the page never reads).
 */
export interface TableOutline extends Omit<Table, 'columns'> {
  readonly columns: readonly ColumnHead[];
}

/** How a feature column is scaled or encoded. `text` tokenizes it Keras-style into token ids. */
export type FeatureTransform = 'standardize' | 'minmax' | 'none' | 'onehot' | 'text';

/**
 * The tokenizer options of a `text` column: Keras `TextVectorization` arguments, with a fixed
 * sequence length (a dataset's samples all have one shape).
 */
export interface ColumnTextOptions {
  readonly standardize: TextStandardize;
  readonly split: TextSplit;
  /** Vocabulary size with the padding and OOV entries, at least 3; null for no limit. */
  readonly maxTokens: number | null;
  /** Token ids per row: shorter rows are padded with 0, longer ones cut at the end. */
  readonly outputSequenceLength: number;
}

/** What to do with a missing cell. `drop` drops the row. */
export type MissingPolicy = 'mean' | 'median' | 'mode' | 'zero' | 'drop';

/** How the target becomes `y`: one-hot or integer class ids, a 0/1 column, or a real number. */
export type TargetEncoding = 'onehot' | 'integer' | 'binary' | 'regression';

/** The user's choice for one column. */
export interface ColumnPlan {
  readonly name: string;
  readonly role: 'feature' | 'target' | 'ignore';
  readonly transform: FeatureTransform;
  readonly missing: MissingPolicy;
  /** The tokenizer options when `transform` is `text` (the defaults of `DEFAULT_COLUMN_TEXT` when absent). */
  readonly text?: ColumnTextOptions;
}

/** How the validation data is chosen: a held-out fraction, or a separate file. */
export type SplitPlan =
  | { readonly kind: 'fraction'; readonly validation: number; readonly stratified: boolean; readonly seed: number }
  | { readonly kind: 'file'; readonly fileName: string };

/** Everything the user chose for turning a table into a dataset. JSON, saved in the project. */
export interface DataPlan {
  readonly columns: readonly ColumnPlan[];
  readonly target: TargetEncoding;
  readonly split: SplitPlan;
}

/** One fitted feature: the numbers that make its transform repeatable on new rows. */
export type FittedFeature =
  | { readonly kind: 'scale'; readonly name: string; readonly fill: number; readonly offset: number; readonly scale: number }
  | { readonly kind: 'onehot'; readonly name: string; readonly categories: readonly string[]; readonly fill: string }
  /** A text column: `vectorizer.options.outputSequenceLength` token ids; a missing cell is the empty text (all padding). */
  | { readonly kind: 'text'; readonly name: string; readonly vectorizer: FittedTextVectorizer };

/**
 * The fitted preprocessing: column order, scalers, categories and class names. JSON; saved in
 * the project and exported with the model, so a prediction on a new row uses the same transform.
 */
export interface FittedPreprocessing {
  readonly version: 1;
  readonly features: readonly FittedFeature[];
  /** Names of the columns of `x`, in order (one per one-hot category, `name[i]` per token position of a text column). */
  readonly featureNames: readonly string[];
  readonly target: {
    readonly name: string;
    readonly encoding: TargetEncoding;
    /** Class names for classification, in class-id order. */
    readonly classes?: readonly string[];
    /** Regression targets are standardised when offset/scale are set. */
    readonly offset?: number;
    readonly scale?: number;
  };
}

/**
 * Feature values as a dataset stores them: float32, or, for pictures, uint8 grey levels of values
 * in [0, 1] (value = byte / 255), a quarter of the memory. Read them through `src/data/features.ts`.
 */
export type FeatureValues = Float32Array | Uint8Array;

/** Samples ready for tfjs: row-major `x` and `y`, with their per-sample shapes. */
export interface Dataset {
  readonly x: FeatureValues;
  readonly y: Float32Array;
  readonly count: number;
  /** Shape of one sample of x, e.g. [4] or [28, 28, 1]. */
  readonly featureShape: readonly number[];
  /** Shape of one sample of y, e.g. [3] one-hot, [1] integer/binary/regression. */
  readonly targetShape: readonly number[];
  readonly task: 'classification' | 'regression';
  /** Class names in class-id order, for classification. */
  readonly classNames?: readonly string[];
}

/** Training and validation data. */
export interface SplitDataset {
  readonly train: Dataset;
  readonly validation: Dataset;
}
