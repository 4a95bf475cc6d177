import { AlertTriangle, CircleAlert } from 'lucide-react';
import type { Diagnostic } from '../../src/graph/diagnostics';
import { useStore } from '../store/store';

/** One layer's problems, errors in red and warnings in amber, each with its one-click fix. */
export function DiagnosticList({ diagnostics }: { readonly diagnostics: readonly Diagnostic[] }) {
  const applyFix = useStore((s) => s.applyFix);
  if (diagnostics.length === 0) return null;
  return (
    <ul className="insp-diagnostics" aria-label="Problems with this layer">
      {diagnostics.map((d, i) => {
        const Icon = d.severity === 'error' ? CircleAlert : AlertTriangle;
        return (
          <li key={`${d.code}-${i}`} className={`insp-diag insp-diag-${d.severity}`} data-code={d.code}>
            <Icon className="insp-diag-icon" size={16} aria-hidden="true" />
            <div className="insp-diag-body">
              <span className="sr-only">{d.severity === 'error' ? 'Error: ' : 'Warning: '}</span>
              <span>{d.message}</span>
              {[...(d.fix ? [d.fix] : []), ...(d.alternatives ?? [])].map((fix) => (
                <button key={fix.label} type="button" className="insp-fix" onClick={() => applyFix(fix)}>
                  {fix.label}
                </button>
              ))}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
