import type { FocusEvent } from 'react';
import type { PairsSpec } from '../../src/layers/params';
import { describe, useFieldIds } from './field-ids';
import type { FieldProps } from './field-props';
import { FieldShell } from './field-shell';
import { parseNumber, sameValue } from './parse';
import { useDraft } from './use-draft';

const AXIS_NAMES: Readonly<Record<number, readonly string[]>> = {
  1: ['steps'],
  2: ['rows', 'columns'],
  3: ['depth', 'rows', 'columns'],
};

/** What "before" and "after" mean on each axis, as the inputs' captions. */
const SIDES: Readonly<Record<string, readonly [string, string]>> = {
  steps: ['start', 'end'],
  rows: ['top', 'bottom'],
  columns: ['left', 'right'],
  depth: ['front', 'back'],
};

/**
 * Padding or cropping per axis: a "before" and an "after" number for each axis, so the two sides
 * can differ (MobileNetV2 pads one pixel at the bottom and right only). Commits when focus leaves.
 */
export function PairsField({ name, spec, value, onCommit }: FieldProps<PairsSpec>) {
  const ids = useFieldIds();
  const stored = Array.isArray(value) ? (value as readonly (readonly number[])[]).map((p) => p.map(String)) : spec.default.map((p) => p.map(String));
  const field = useDraft<readonly (readonly string[])[]>((texts) => {
    const next = texts.map((pair) => pair.map(parseNumber));
    return sameValue(JSON.stringify(next), JSON.stringify(value)) ? null : onCommit(next);
  });
  const shown = field.draft ?? stored;
  const axes = AXIS_NAMES[spec.axes] ?? shown.map((_, i) => `axis ${i + 1}`);
  const onGroupBlur = (e: FocusEvent<HTMLDivElement>) => {
    if (!e.currentTarget.contains(e.relatedTarget as Node | null)) field.commit();
  };
  const edit = (axis: number, side: number, text: string) =>
    field.edit(shown.map((pair, i) => (i === axis ? pair.map((t, j) => (j === side ? text : t)) : pair)));
  return (
    <FieldShell label={name} help={spec.help} error={field.error} ids={ids} layout="group">
      <div className="insp-pairs" onBlur={onGroupBlur}>
        {shown.map((pair, axis) => (
          <div key={axis} className="insp-pair">
            <span className="insp-pair-axis">{axes[axis]}</span>
            {pair.map((text, side) => (
              <label key={side} className="insp-pair-side">
                <span>{(SIDES[axes[axis] ?? ''] ?? ['before', 'after'])[side]}</span>
                <input
                  id={axis === 0 && side === 0 ? ids.control : `${ids.control}-${axis}-${side}`}
                  className="insp-input"
                  type="number"
                  inputMode="numeric"
                  min={spec.min ?? 0}
                  step={1}
                  aria-label={`${name} ${axes[axis] ?? `axis ${axis + 1}`} ${side === 0 ? 'before' : 'after'}`}
                  value={text}
                  onChange={(e) => edit(axis, side, e.target.value)}
                  onKeyDown={field.onKeyDown}
                  {...describe(ids, field.error)}
                />
              </label>
            ))}
          </div>
        ))}
      </div>
    </FieldShell>
  );
}
