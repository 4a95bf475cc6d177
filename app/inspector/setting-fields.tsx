import type { ParamValue } from '../../src/graph/types';
import { settingApplies, settingChange } from '../../src/settings/setting';
import type { SettingSpecs, SettingValues } from '../../src/settings/setting';
import { ScalarInput } from './scalar-input';
import './settings-fields.css';

interface SettingFieldsProps<S extends SettingSpecs> {
  readonly specs: S;
  readonly values: SettingValues<S>;
  /** The settings to show, in this order; all of `specs` when absent. */
  readonly keys?: readonly (keyof S & string)[];
  /** Starts each field's accessible name ("Early stopping patience"); without it, the label capitalised ("Batch size"). */
  readonly namePrefix?: string;
  /** Accessible names that follow neither rule (a callback's switch, "Early stopping"). */
  readonly names?: Readonly<Partial<Record<string, string>>>;
  /** Stores a checked change (one setting, plus the defaults that follow it). */
  readonly onChange: (change: Partial<SettingValues<S>>) => void;
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * A form of declared settings (the Train tab's), drawn with the inspector's fields: each setting
 * that applies (SGD's momentum only with SGD), the rarely changed ones under "More", each checked
 * against its spec before it is stored, with the spec's own message when it is refused.
 */
export function SettingFields<S extends SettingSpecs>({ specs, values, keys, namePrefix, names, onChange }: SettingFieldsProps<S>) {
  const all: Readonly<Record<string, ParamValue>> = values;
  const shown = (keys ?? Object.keys(specs)).flatMap((key) => {
    const spec = specs[key];
    return spec !== undefined && settingApplies(spec, all) ? [{ key, spec }] : [];
  });
  const field = ({ key, spec }: (typeof shown)[number]) => (
    <ScalarInput
      key={key}
      name={spec.label}
      accessibleName={names?.[key] ?? (namePrefix === undefined ? capitalised(spec.label) : `${namePrefix} ${spec.label}`)}
      spec={spec}
      value={all[key]}
      onCommit={(value) => {
        const result = settingChange(specs, key, value);
        if (!result.ok) return result.reason;
        onChange(result.change);
        return null;
      }}
    />
  );
  const more = shown.filter(({ spec }) => spec.advanced === true);
  return (
    <>
      {shown.filter(({ spec }) => spec.advanced !== true).map(field)}
      {more.length > 0 && (
        <details className="insp-more">
          <summary>More ({more.length})</summary>
          {more.map(field)}
        </details>
      )}
    </>
  );
}
