import type { ColumnPlan, ColumnSummary, DataPlan, FeatureTransform, MissingPolicy } from '../../src/data/types';

interface ColumnPlanTableProps {
  readonly summaries: readonly ColumnSummary[];
  readonly plan: DataPlan;
  readonly onChange: (plan: DataPlan) => void;
}

const ROLES: readonly ColumnPlan['role'][] = ['feature', 'target', 'ignore'];
const TRANSFORMS: readonly FeatureTransform[] = ['standardize', 'minmax', 'none', 'onehot'];
const MISSING: readonly MissingPolicy[] = ['mean', 'median', 'mode', 'zero', 'drop'];

function describeType(s: ColumnSummary): string {
  if (s.type === 'numeric' && s.min !== undefined && s.max !== undefined) return `numeric ${round(s.min)} to ${round(s.max)}`;
  if (s.classes && s.classes.length > 0) return `${s.type}: ${s.classes.slice(0, 4).join(', ')}${s.classes.length > 4 ? ', …' : ''}`;
  return s.type;
}

const round = (n: number) => (Math.abs(n) >= 100 ? n.toFixed(0) : Number(n.toPrecision(3)).toString());

/**
 * One row per column: what was inferred (type, classes or range, missing count) and what the
 * user chooses (role, transform, missing policy). Exactly one column can be the target.
 */
export function ColumnPlanTable({ summaries, plan, onChange }: ColumnPlanTableProps) {
  const update = (name: string, patch: Partial<ColumnPlan>) => {
    const columns = plan.columns.map((c) => {
      if (c.name === name) return { ...c, ...patch };
      // A new target demotes the old one to a feature: one target column at a time.
      if (patch.role === 'target' && c.role === 'target') return { ...c, role: 'feature' as const };
      return c;
    });
    onChange({ ...plan, columns });
  };
  return (
    <table className="data-table" aria-label="Columns">
      <thead>
        <tr>
          <th scope="col">Column</th>
          <th scope="col">Type</th>
          <th scope="col" className="num">Missing</th>
          <th scope="col">Role</th>
          <th scope="col">Transform</th>
          <th scope="col">If missing</th>
        </tr>
      </thead>
      <tbody>
        {plan.columns.map((c) => {
          const s = summaries.find((x) => x.name === c.name);
          return (
            <tr key={c.name} data-testid={`column-${c.name}`} className={c.role === 'target' ? 'is-target' : undefined}>
              <th scope="row">
                <code>{c.name}</code>
              </th>
              <td data-testid="column-type">{s ? describeType(s) : '?'}</td>
              <td className="num">{s?.missing ?? 0}</td>
              <td>
                <select aria-label={`${c.name} role`} value={c.role} onChange={(e) => update(c.name, { role: e.target.value as ColumnPlan['role'] })}>
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
                  onChange={(e) => update(c.name, { transform: e.target.value as FeatureTransform })}
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
                  onChange={(e) => update(c.name, { missing: e.target.value as MissingPolicy })}
                >
                  {MISSING.map((m) => (
                    <option key={m}>{m}</option>
                  ))}
                </select>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
