import type { LayerKind } from './layer-kinds';
import type { Loss } from '../settings/training';
import type { ParamValue } from './types';

/**
 * Every user-fixable problem the analysis can report, with its severity. Codes are stable: tests
 * and the UI key on them, so rename one only with a migration of both.
 */
export const DIAGNOSTIC_CODES = {
  /** The graph has no Input layer. */
  'no-input': 'error',
  /** A directed cycle; Keras models are acyclic. */
  cycle: 'error',
  /** A layer has fewer inputs connected than it needs. */
  'missing-input': 'error',
  /** A layer has more inputs connected than it takes. */
  'too-many-inputs': 'error',
  /** A layer has no path from any Input. */
  'not-connected': 'error',
  /** An Input layer that feeds nothing. */
  'unused-input': 'error',
  /** The input has the wrong number of dimensions for this layer. */
  'wrong-rank': 'error',
  /** Merge inputs whose shapes cannot be combined. */
  'merge-mismatch': 'error',
  /** A dimension would become zero or negative (kernel larger than the input, say). */
  'empty-output': 'error',
  /** Reshape's target does not hold the same number of values as its input. */
  'reshape-mismatch': 'error',
  /** A layer needs a dimension that is unknown until run time. */
  'unknown-dim': 'error',
  /** A parameter value out of its range or of the wrong type. */
  'invalid-param': 'error',
  /** Two layers share a name, or a name is not a Python identifier. */
  'invalid-name': 'error',
  /** Dense on a 4-D or higher input: Keras applies it to the last axis only. */
  'dense-needs-flat': 'warning',
  /** TF.js 4.22 can build and run this layer setting but cannot train it. */
  'cannot-train': 'warning',
  /** Softmax over a single unit always outputs 1. */
  'softmax-one-unit': 'warning',
  /** A model large enough that training it in a browser may run out of memory. */
  'large-model': 'warning',
  /** A layer or model too large for a browser to hold, or too deep for TF.js to build. */
  'too-large': 'error',
  /** The Input's shape differs from one sample of the chosen data. */
  'data-input-mismatch': 'error',
  /** The output's shape or activation does not fit the data's target. */
  'data-output-mismatch': 'error',
  /** The data is a text column's token ids, but the Input does not feed an Embedding. */
  'data-text-needs-embedding': 'warning',
  /** An Embedding's input_dim is smaller than the text column's vocabulary. */
  'data-embedding-too-small': 'error',
  /** The model has several inputs or outputs, but the data has one of each. */
  'data-arity-mismatch': 'error',
  /** Training only (`trainReadiness`): the canvas has no layers. */
  'empty-model': 'error',
  /** Training only: the model is its Input alone, with nothing that makes an output. */
  'no-output': 'error',
  /** Training only: no layer has a weight the optimizer may change (none has weights, or all are frozen). */
  'no-trainable-weights': 'error',
  /** Training only: a callback that is on monitors a quantity the run will not log (a metric not compiled, val_ without validation). */
  'monitor-not-logged': 'error',
} as const satisfies Record<string, 'error' | 'warning'>;

/** A stable diagnostic code. */
export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES;

/** `error` blocks compile and training; `warning` is shown but the model still builds. */
export type Severity = 'error' | 'warning';

/** A one-click repair the UI can apply. */
export type Fix =
  | {
      readonly kind: 'insert-layer';
      readonly label: string;
      /** Insert a new layer of `layer` on the edge into `before`'s input slot `slot`. */
      readonly before: string;
      readonly slot: number;
      readonly layer: LayerKind;
    }
  | {
      readonly kind: 'set-param';
      readonly label: string;
      readonly nodeId: string;
      readonly param: string;
      readonly value: ParamValue;
    }
  | {
      /** Makes `nodeId` (a Dense output) the output the data needs, and sets the loss to match. */
      readonly kind: 'set-output';
      readonly label: string;
      readonly nodeId: string;
      readonly units: number;
      readonly activation: string;
      readonly loss: Loss;
    };

/** One problem, attached to the node that causes it where there is one. */
export interface Diagnostic {
  readonly code: DiagnosticCode;
  readonly severity: Severity;
  readonly nodeId?: string;
  readonly message: string;
  /** The repair offered first (on the node and in the inspector). */
  readonly fix?: Fix;
  /** Other repairs that would do as well (two classes: sigmoid with 1 unit, or softmax with 2). */
  readonly alternatives?: readonly Fix[];
}

/** Builds a diagnostic with the severity its code has in the table; the first fix is the primary one. */
export function diagnostic(code: DiagnosticCode, message: string, nodeId?: string, ...fixes: (Fix | undefined)[]): Diagnostic {
  const [fix, ...alternatives] = fixes.filter((f): f is Fix => f !== undefined);
  return {
    code,
    severity: DIAGNOSTIC_CODES[code],
    message,
    ...(nodeId === undefined ? {} : { nodeId }),
    ...(fix === undefined ? {} : { fix }),
    ...(alternatives.length === 0 ? {} : { alternatives }),
  };
}
