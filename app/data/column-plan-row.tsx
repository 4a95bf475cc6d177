import { memo } from 'react';
import type { Ref } from 'react';
import type { ColumnPlan, ColumnSummary, FeatureTransform, MissingPolicy } from '../../src/data/types';
import { DEFAULT_COLUMN_TEXT } from '../../src/data/text-column';

const ROLES: readonly ColumnPlan['role'][] = ['feature', 'target', 'ignore'];
const TRANSFORMS: readonly FeatureTransform[] = ['standardize', 'minmax', 'none', 'onehot', 'text'];
const MISSING: readonly MissingPolicy[] = ['mean', 'median', 'mode', 'zero', 'drop'];

function describeType(s: ColumnSummary): string {
  if (s.type === 'numeric' && s.min !== undefined && s.max !== undefined) return `numeric ${round(s.min)} to ${round(s.max)}`;
  if (s.classes && s.classes.length > 0) return `${s.type}: ${s.classes.slice(0, 4).join(', ')}${s.classes.length > 4 ? ', …' : ''}`;
  return s.type;
}

const round = (n: number) => (Math.abs(n) >= 100 ? n.toFixed(0) : Number(n.toPrecision(3)).toString());

interface ColumnPlanRowProps {
  readonly column: ColumnPlan;
  readonly summary: ColumnSummary | undefined;
  /** 1-based, counting the header row, for screen readers when only some rows are rendered. */
  readonly rowIndex: number;
  readonly onUpdate: (name: string, patch: Partial<ColumnPlan>) => void;
  readonly rowRef?: Ref<HTMLTableRowElement>;
}

/**
 * One column of the plan: what was inferred and the user's three choices. Memoised: a plan edit
 * changes one column, so the other rows on screen need not render again.
 */
export const ColumnPlanRow = memo(function ColumnPlanRow({ column: c, summary: s, rowIndex, onUpdate, rowRef }: ColumnPlanRowProps) {
  return (
    <tr ref={rowRef} aria-rowindex={rowIndex} data-testid={`column-${c.name}`} className={c.role === 'target' ? 'is-target' : undefined}>
      <th scope="row">
        <code>{c.name}</code>
      </th>
      <td data-testid="column-type">{s ? describeType(s) : '?'}</td>
      <td className="num">{s?.missing ?? 0}</td>
      <td>
        <select aria-label={`${c.name} role`} value={c.role} onChange={(e) => onUpdate(c.name, { role: e.target.value as ColumnPlan['role'] })}>
          {ROLES.map((r) => (
            <option key={r}>{r}</option>
          ))}
        </select>
      </td>
      <td>
        <select
          aria-label={`${c.name} transform`}
          value={c.transform}
          disabled={c.role !== 'feature'}
          onChange={(e) => {
            const transform = e.target.value as FeatureTransform;
            onUpdate(c.name, transform === 'text' ? { transform, missing: 'zero', text: c.text ?? DEFAULT_COLUMN_TEXT } : { transform });
          }}
        >
          {TRANSFORMS.map((t) => (
            <option key={t}>{t}</option>
          ))}
        </select>
      </td>
      <td>
        <select
          aria-label={`${c.name} if missing`}
          value={c.missing}
          disabled={c.role === 'ignore'}
          onChange={(e) => onUpdate(c.name, { missing: e.target.value as MissingPolicy })}
        >
          {MISSING.map((m) => (
            <option key={m}>{m}</option>
          ))}
        </select>
      </td>
    </tr>
  );
});
