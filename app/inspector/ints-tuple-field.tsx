import type { FocusEvent } from 'react';
import type { IntsSpec } from '../../src/layers/params';
import { DefaultToggle } from './default-toggle';
import { describe, useFieldIds } from './field-ids';
import type { FieldProps } from './field-props';
import { FieldShell } from './field-shell';
import { parseNumber, sameValue } from './parse';
import { useDraft } from './use-draft';

/**
 * A fixed-length integer tuple such as `kernel_size`: one number input per entry, side by side.
 * It commits when focus leaves the group (not between its inputs) or on Enter.
 */
export function IntsTupleField({ name, spec, value, onCommit }: FieldProps<IntsSpec>) {
  const length = spec.length ?? 1;
  const ids = useFieldIds();
  const field = useDraft<readonly string[]>((texts) => {
    const next = texts.map(parseNumber);
    return sameValue(next, value) ? null : onCommit(next);
  });
  const stored = Array.isArray(value) ? value.map(String) : Array<string>(length).fill('');
  const shown = field.draft ?? stored;
  const auto = spec.nullable === true && value === null && field.draft === null;

  const setAuto = (on: boolean) => {
    if (on) {
      field.revert();
      field.setError(onCommit(null));
    } else {
      // Start from the spec's default where it has one; nothing is stored until the user commits.
      field.edit(Array.isArray(spec.default) ? spec.default.map(String) : Array<string>(length).fill(''));
    }
  };
  const onGroupBlur = (e: FocusEvent<HTMLDivElement>) => {
    if (!e.currentTarget.contains(e.relatedTarget as Node | null)) field.commit();
  };

  return (
    <FieldShell label={name} help={spec.help} error={field.error} ids={ids} layout="group">
      {spec.nullable === true && <DefaultToggle name={name} checked={auto} onChange={setAuto} />}
      <div className="insp-tuple" onBlur={onGroupBlur}>
        {shown.map((text, i) => (
          <input
            key={i}
            id={i === 0 ? ids.control : `${ids.control}-${i}`}
            className="insp-input"
            type="number"
            inputMode="numeric"
            min={spec.allowMinusOne ? -1 : spec.min}
            step={1}
            aria-label={`${name} ${i + 1} of ${length}`}
            placeholder={auto ? 'None' : undefined}
            disabled={auto}
            value={text}
            onChange={(e) => field.edit(shown.map((t, j) => (j === i ? e.target.value : t)))}
            onKeyDown={field.onKeyDown}
            {...describe(ids, field.error)}
          />
        ))}
      </div>
    </FieldShell>
  );
}
