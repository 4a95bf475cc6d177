import type { FloatSpec, IntSpec } from '../../src/layers/params';
import { describe, useFieldIds } from './field-ids';
import type { FieldProps } from './field-props';
import { FieldShell } from './field-shell';
import { parseNumber } from './parse';
import { useDraft } from './use-draft';

/** An int or float parameter: a number input that commits on Enter or blur. */
export function NumberField({ name, spec, value, onCommit }: FieldProps<IntSpec | FloatSpec>) {
  const ids = useFieldIds();
  const field = useDraft<string>((text) => {
    const n = parseNumber(text);
    return Object.is(n, value) ? null : onCommit(n);
  });
  const shown = field.draft ?? (typeof value === 'number' ? String(value) : '');
  return (
    <FieldShell label={name} help={spec.help} error={field.error} ids={ids}>
      <input
        id={ids.control}
        className="insp-input"
        type="number"
        inputMode={spec.type === 'int' ? 'numeric' : 'decimal'}
        min={spec.min}
        max={spec.max}
        step={spec.type === 'int' ? 1 : 'any'}
        value={shown}
        onChange={(e) => field.edit(e.target.value)}
        onBlur={field.commit}
        onKeyDown={field.onKeyDown}
        {...describe(ids, field.error)}
      />
    </FieldShell>
  );
}
