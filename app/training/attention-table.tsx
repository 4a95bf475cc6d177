import type { HeadView } from './attention-view';

/** One head's weights as a table, the heatmap's text form: a row per query token, a column per key token. */
export function AttentionTable({ view }: { view: HeadView }) {
  return (
    <div className="data-scroll">
      <table className="data-table train-heat-table" aria-label={`Attention weights of head ${view.head + 1}`}>
        <thead>
          <tr>
            <th scope="col">query \ key</th>
            {view.columns.map((c, j) => (
              <th key={j} scope="col">
                {c.label}
              </th>
            ))}
            {view.padColumns > 0 && <th scope="col">padding ({view.padColumns})</th>}
          </tr>
        </thead>
        <tbody>
          {view.rows.map((r, i) => (
            <tr key={i}>
              <th scope="row">{r.label}</th>
              {view.columns.map((_, j) => (
                <td key={j} className="num">
                  {(view.weights[i]?.[j] ?? 0).toFixed(3)}
                </td>
              ))}
              {view.padColumns > 0 && <td className="num">{(view.padShare[i] ?? 0).toFixed(3)}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
