import { Wand2 } from 'lucide-react';
import { useMemo } from 'react';
import { formatShape } from '../../src/graph/shape';
import { outputFor } from '../../src/data/wiring';
import { analysisOf, readinessOf } from '../store/analysis';
import { useStore } from '../store/store';
import { fitModelToData } from '../actions/fit-model';
import { ProblemList } from '../problem-list';

/**
 * What the data asks of the model, and whether the model fits: the verdict is the Train button's
 * own readiness (every error on the model, not only the data's), so it is never green while Train
 * is off. A problem the data caused comes with the button that fits the model to it.
 */
export function WiringBar() {
  const signature = useStore((s) => s.dataSignature);
  const analysis = useStore((s) => analysisOf(s.graph, s.dataSignature));
  const readiness = useStore((s) => readinessOf(s.graph, s.dataSignature));
  const { warnings, fittable } = useMemo(() => {
    const fromData = analysis.diagnostics.filter((d) => d.code.startsWith('data-'));
    return { warnings: fromData.filter((d) => d.severity === 'warning'), fittable: fromData.length > 0 };
  }, [analysis]);
  if (!signature) return null;
  const out = outputFor(signature);
  const fits = readiness.ready && warnings.length === 0;
  return (
    <div className={`data-wiring${fits ? '' : ' has-problems'}`} data-testid="wiring-bar">
      <p>
        Each sample is <code data-testid="data-x-shape">{formatShape([null, ...signature.featureShape])}</code>; the model must output{' '}
        <code data-testid="data-y-shape">(None, {out.units})</code> with {out.activation} and train with <code>{out.loss}</code>.
      </p>
      {fits ? (
        <p className="data-ok" data-testid="wiring-ok">
          The model fits this data.
        </p>
      ) : (
        <>
          <ProblemList
            title={readiness.ready ? 'The model can train on this data, but' : 'The model cannot train on this data yet'}
            diagnostics={[...readiness.problems, ...warnings]}
            testId="wiring-problems"
          />
          {fittable ? (
            <button type="button" className="data-button is-primary" onClick={fitModelToData} data-testid="fit-model">
              <Wand2 size={15} aria-hidden /> Fit the model to this data
            </button>
          ) : (
            <p className="muted" data-testid="wiring-hint">
              “Fit the model to this data” sets the Input and the output only: these need a change on the canvas, or a template that suits the data (New).
            </p>
          )}
        </>
      )}
    </div>
  );
}
