import { AlertTriangle, CircleAlert } from 'lucide-react';

interface NodeProblemProps {
  readonly severity: 'error' | 'warning';
  readonly message: string;
  /** The one-click repair's label, and what it does; none when the problem has no fix. */
  readonly fix?: { readonly label: string; run(): void };
}

/**
 * A card's first problem on one line of fixed height, so a card never grows over the layer below
 * it: the message cut to fit, its fix button beside it, and the whole message shown over the
 * canvas while the line is hovered or has focus (the inspector and the summary list it too).
 */
export function NodeProblem({ severity, message, fix }: NodeProblemProps) {
  return (
    <div className={`layer-node__problem is-${severity}`} role="status" data-testid="diagnostic">
      {severity === 'error' ? <CircleAlert size={13} aria-hidden /> : <AlertTriangle size={13} aria-hidden />}
      <span className="layer-node__message" title={message}>
        {message}
      </span>
      {fix && (
        <button type="button" className="layer-node__fix nodrag" onClick={fix.run} title={fix.label} data-testid="apply-fix">
          {fix.label}
        </button>
      )}
      <span className="layer-node__message-full" aria-hidden="true" data-testid="diagnostic-full">
        {message}
      </span>
    </div>
  );
}
