import type { ReactNode } from 'react';
import type { FieldIds } from './field-ids';

interface FieldShellProps {
  /** The visible label: the Keras parameter key, e.g. `kernel_size`. */
  readonly label: string;
  readonly help: string;
  readonly error: string | null;
  readonly ids: FieldIds;
  /** `group` wraps several controls in a fieldset; `inline` puts a checkbox before its label. */
  readonly layout?: 'single' | 'group' | 'inline';
  readonly children: ReactNode;
}

/** Label, control(s), help text and error message of one inspector field. */
export function FieldShell({ label, help, error, ids, layout = 'single', children }: FieldShellProps) {
  const foot = (
    <>
      <p id={ids.help} className="insp-help">
        {help}
      </p>
      {error !== null && (
        <p id={ids.error} className="insp-error" role="alert">
          {error}
        </p>
      )}
    </>
  );
  if (layout === 'group') {
    return (
      <fieldset className="insp-field insp-group" data-invalid={error !== null || undefined}>
        <legend className="insp-label">{label}</legend>
        {children}
        {foot}
      </fieldset>
    );
  }
  const labelEl = (
    <label className="insp-label" htmlFor={ids.control}>
      {label}
    </label>
  );
  return (
    <div className={`insp-field${layout === 'inline' ? ' insp-inline' : ''}`} data-invalid={error !== null || undefined}>
      {layout === 'inline' ? (
        <div className="insp-inline-row">
          {children}
          {labelEl}
        </div>
      ) : (
        <>
          {labelEl}
          {children}
        </>
      )}
      {foot}
    </div>
  );
}
