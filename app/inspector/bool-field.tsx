import { useState } from 'react';
import type { BoolSpec } from '../../src/layers/params';
import { describe, useFieldIds } from './field-ids';
import type { ScalarFieldProps } from './field-props';
import { FieldShell } from './field-shell';

/** A yes/no parameter: a checkbox that commits at once. */
export function BoolField({ name, accessibleName, spec, value, onCommit }: ScalarFieldProps<BoolSpec>) {
  const ids = useFieldIds();
  const [error, setError] = useState<string | null>(null);
  return (
    <FieldShell label={name} help={spec.help} error={error} ids={ids} layout="inline">
      <input
        id={ids.control}
        className="insp-check"
        type="checkbox"
        checked={value === true}
        onChange={(e) => setError(onCommit(e.target.checked))}
        {...describe(ids, error, accessibleName)}
      />
    </FieldShell>
  );
}
