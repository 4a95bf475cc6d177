import type { IntsSpec } from '../../src/layers/params';
import { DefaultToggle } from './default-toggle';
import { describe, useFieldIds } from './field-ids';
import type { FieldProps } from './field-props';
import { FieldShell } from './field-shell';
import { formatIntList, parseIntList, sameValue } from './parse';
import { useDraft } from './use-draft';

/** A tuple of any length, such as an Input `shape`: comma-separated integers in one text input. */
export function IntsListField({ name, spec, value, onCommit }: FieldProps<IntsSpec>) {
  const ids = useFieldIds();
  const field = useDraft<string>((text) => {
    const next = parseIntList(text);
    return sameValue(next, value) ? null : onCommit(next);
  });
  const auto = spec.nullable === true && value === null && field.draft === null;
  const setAuto = (on: boolean) => {
    if (on) {
      field.revert();
      field.setError(onCommit(null));
    } else {
      field.edit(formatIntList(spec.default));
    }
  };
  return (
    <FieldShell label={name} help={spec.help} error={field.error} ids={ids}>
      {spec.nullable === true && <DefaultToggle name={name} checked={auto} onChange={setAuto} />}
      <input
        id={ids.control}
        className="insp-input insp-mono"
        type="text"
        inputMode="text"
        autoComplete="off"
        spellCheck={false}
        placeholder={auto ? 'None' : 'e.g. 28, 28, 1'}
        disabled={auto}
        value={field.draft ?? formatIntList(value)}
        onChange={(e) => field.edit(e.target.value)}
        onBlur={field.commit}
        onKeyDown={field.onKeyDown}
        {...describe(ids, field.error)}
      />
    </FieldShell>
  );
}
