import { useState } from 'react';
import type { ChoiceSpec } from '../../src/layers/params';
import { describe, useFieldIds } from './field-ids';
import type { ScalarFieldProps } from './field-props';
import { FieldShell } from './field-shell';

/** One of a fixed set of strings: a select that commits at once. */
export function ChoiceField({ name, accessibleName, spec, value, onCommit }: ScalarFieldProps<ChoiceSpec>) {
  const ids = useFieldIds();
  const [error, setError] = useState<string | null>(null);
  const current = typeof value === 'string' ? value : '';
  // A value from an imported file that is not an option still shows, so the select does not lie.
  const stray = !spec.options.includes(current);
  return (
    <FieldShell label={name} help={spec.help} error={error} ids={ids}>
      <select
        id={ids.control}
        className="insp-input"
        value={current}
        onChange={(e) => setError(onCommit(e.target.value))}
        {...describe(ids, error, accessibleName)}
      >
        {stray && (
          <option value={current} disabled>
            {current === '' ? '(not set)' : current}
          </option>
        )}
        {spec.options.map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}
