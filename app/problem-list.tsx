import { AlertTriangle, CircleAlert } from 'lucide-react';
import type { Diagnostic } from '../src/graph/diagnostics';
import { useShallow } from 'zustand/react/shallow';
import { showLayer } from './actions/show-layer';
import { useStore } from './store/store';
import './problem-list.css';

interface ProblemListProps {
  readonly title: string;
  readonly diagnostics: readonly Diagnostic[];
  readonly testId?: string;
}

/**
 * Diagnostics under a heading, as the summary panel, the data-fit verdict and the Train tab show
 * them. One that belongs to a layer is a link: it selects the layer on the canvas, opening the
 * Model tab when another tab shows.
 */
export function ProblemList({ title, diagnostics, testId }: ProblemListProps) {
  // Names by row, compared shallowly: a drag makes new nodes but keeps their names.
  const names = useStore(useShallow((s) => diagnostics.map((d) => s.graph.nodes.find((n) => n.id === d.nodeId)?.name ?? d.nodeId ?? '')));
  if (diagnostics.length === 0) return null;
  return (
    <section className="panel-problems" aria-label={title} data-testid={testId}>
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
                <button type="button" className="panel-problem-row" onClick={() => showLayer(nodeId)} data-testid="problem-link">
                  {body}
                  <span className="panel-problem-link">Show {names[i]}</span>
                </button>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
