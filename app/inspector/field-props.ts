import type { ParamValue } from '../../src/graph/types';
import type { ParamSpec } from '../../src/layers/params';
import type { ScalarSpec } from '../../src/lib/value-spec';

/** What every parameter field gets: the spec, the stored value and a way to commit a new one. */
export interface FieldProps<S extends ParamSpec = ParamSpec> {
  /** The field's label: the Keras parameter key, e.g. `units`, or a setting's words (`batch size`). */
  readonly name: string;
  readonly spec: S;
  readonly value: ParamValue | undefined;
  /** Validates and stores a value; returns why it was refused, or null. */
  readonly onCommit: (value: ParamValue) => string | null;
}

/** A field of one single value, which a settings form may name more fully than its label. */
export interface ScalarFieldProps<S extends ScalarSpec = ScalarSpec> extends FieldProps<S> {
  /** The control's accessible name where the label alone is ambiguous ("Early stopping patience"). */
  readonly accessibleName?: string;
}
