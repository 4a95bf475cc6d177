import { Wand2 } from 'lucide-react';
import { useMemo } from 'react';
import { formatShape } from '../../src/graph/shape';
import { outputFor } from '../../src/data/wiring';
import { analysisOf } from '../store/analysis';
import { useStore } from '../store/store';
import { fitModelToData } from '../actions/fit-model';

/** What the data asks of the model, whether the model fits, and a button to make it fit. */
export function WiringBar() {
  const signature = useStore((s) => s.dataSignature);
  const analysis = useStore((s) => analysisOf(s.graph, s.dataSignature));
  const problems = useMemo(() => analysis.diagnostics.filter((d) => d.code.startsWith('data-')), [analysis]);
  if (!signature) return null;
  const out = outputFor(signature);
  return (
    <div className={`data-wiring${problems.length > 0 ? ' has-problems' : ''}`} data-testid="wiring-bar">
      <p>
        Each sample is <code data-testid="data-x-shape">{formatShape([null, ...signature.featureShape])}</code>; the model must output{' '}
        <code data-testid="data-y-shape">(None, {out.units})</code> with {out.activation} and train with <code>{out.loss}</code>.
      </p>
      {problems.length === 0 ? (
        <p className="data-ok" data-testid="wiring-ok">
          The model fits this data.
        </p>
      ) : (
        <>
          <ul>
            {problems.map((d) => (
              <li key={d.message}>{d.message}</li>
            ))}
          </ul>
          <button type="button" className="data-button is-primary" onClick={fitModelToData} data-testid="fit-model">
            <Wand2 size={15} aria-hidden /> Fit the model to this data
          </button>
        </>
      )}
    </div>
  );
}
