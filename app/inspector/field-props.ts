import type { ParamValue } from '../../src/graph/types';
import type { ParamSpec } from '../../src/layers/params';

/** What every parameter field gets: the spec, the stored value and a way to commit a new one. */
export interface FieldProps<S extends ParamSpec = ParamSpec> {
  /** The Keras parameter key, e.g. `units`; also the field's label. */
  readonly name: string;
  readonly spec: S;
  readonly value: ParamValue | undefined;
  /** Validates and stores a value; returns why it was refused, or null. */
  readonly onCommit: (value: ParamValue) => string | null;
}
