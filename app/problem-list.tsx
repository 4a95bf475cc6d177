import { AlertTriangle, CircleAlert } from 'lucide-react';
import type { Diagnostic } from '../../src/graph/diagnostics';
import { useStore } from '../store/store';

interface ProblemListProps {
  readonly title: string;
  readonly diagnostics: readonly Diagnostic[];
}

/** Graph diagnostics under a heading; one that belongs to a layer selects it when clicked. */
export function ProblemList({ title, diagnostics }: ProblemListProps) {
  const select = useStore((s) => s.select);
  if (diagnostics.length === 0) return null;
  return (
    <section className="panel-problems" aria-label={title}>
      <h3 className="panel-problems-title">{title}</h3>
      <ul>
        {diagnostics.map((d, i) => {
          const Icon = d.severity === 'error' ? CircleAlert : AlertTriangle;
          const body = (
            <>
              <Icon className="panel-problem-icon" size={14} aria-hidden="true" />
              <span>{d.message}</span>
            </>
          );
          const { nodeId } = d;
          return (
            <li key={`${d.code}-${nodeId ?? ''}-${i}`} className={`panel-problem panel-problem-${d.severity}`} data-code={d.code}>
              {nodeId === undefined ? (
                <div className="panel-problem-row">{body}</div>
              ) : (
                <button type="button" className="panel-problem-row" onClick={() => select([nodeId])}>
                  {body}
                </button>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
