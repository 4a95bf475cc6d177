import { useId } from 'react';

interface DefaultToggleProps {
  /** The parameter key, for the accessible name: "strides: Default (None)". */
  readonly name: string;
  readonly checked: boolean;
  readonly onChange: (checked: boolean) => void;
}

/** The "Default (None)" switch of a nullable parameter: checked stores Keras's `None`. */
export function DefaultToggle({ name, checked, onChange }: DefaultToggleProps) {
  const id = useId();
  return (
    <div className="insp-inline-row insp-default">
      <input
        id={id}
        className="insp-check"
        type="checkbox"
        aria-label={`${name}: Default (None)`}
        checked={checked}
        onChange={(e) => onChange(e.target.checked)}
      />
      <label htmlFor={id}>Default (None)</label>
    </div>
  );
}
