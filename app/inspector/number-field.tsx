import type { FloatSpec, IntSpec } from '../../src/layers/params';
import { DefaultToggle } from './default-toggle';
import { describe, useFieldIds } from './field-ids';
import type { ScalarFieldProps } from './field-props';
import { FieldShell } from './field-shell';
import { parseNumber } from './parse';
import { useDraft } from './use-draft';

/**
 * An int or float parameter: a number input that commits on Enter or blur. A nullable one (ReLU's
 * `max_value`) has a "None" switch.
 */
export function NumberField({ name, accessibleName, spec, value, onCommit }: ScalarFieldProps<IntSpec | FloatSpec>) {
  const ids = useFieldIds();
  const field = useDraft<string>((text) => {
    const n = parseNumber(text);
    return Object.is(n, value) ? null : onCommit(n);
  });
  const auto = spec.nullable === true && value === null && field.draft === null;
  const setAuto = (on: boolean) => {
    if (on) {
      field.revert();
      field.setError(onCommit(null));
    } else field.edit(spec.default === null ? '' : String(spec.default));
  };
  const shown = field.draft ?? (typeof value === 'number' ? String(value) : '');
  return (
    <FieldShell label={name} help={spec.help} error={field.error} ids={ids}>
      {spec.nullable === true && <DefaultToggle name={accessibleName ?? name} checked={auto} onChange={setAuto} />}
      <input
        disabled={auto}
        placeholder={auto ? 'None' : undefined}
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
        {...describe(ids, field.error, accessibleName)}
      />
    </FieldShell>
  );
}
