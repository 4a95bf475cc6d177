import { Eye } from 'lucide-react';
import { refreshInsight } from '../actions/insight';
import { weightsFor } from '../store/model-weights';
import { insightOf } from '../store/insight-slice';
import { useStore } from '../store/store';
import { ActivationHistogram } from './activation-histogram';
import { ActivationNumbers } from './activation-numbers';
import { BoundaryMaps } from './boundary-maps';
import { ConvViews } from './conv-views';
import { GradFlagNote } from './grad-flag-note';
import { InsightAttention } from './insight-attention';
import { convViewOf, layerStatsOf } from './insight-lookup';
import { StepPlots } from './step-plots';
import './insight.css';

/**
 * "Inside this layer", in the inspector: what the latest sample of the views says about layer
 * `name` (activations, weights and gradients over the run, and its pictures), or how to get the
 * views when there are none yet.
 */
export function InsightSection({ name }: { readonly name: string }) {
  const on = useStore((s) => s.insightOn);
  const latest = useStore((s) => insightOf(s).latest);
  const error = useStore((s) => s.insight.error);
  const series = useStore((s) => insightOf(s).series[name]);
  const trained = useStore((s) => weightsFor(s.graph, s.modelWeights) !== null && s.run?.status !== 'running' && s.run?.status !== 'starting');
  const snapshot = latest?.snapshot;
  const stats = layerStatsOf(snapshot, name);
  const title = <h3 className="insp-section-title">Inside this layer</h3>;
  if (!snapshot) {
    return (
      <section className="insight-section" aria-label="Inside this layer" data-testid="insight-section">
        {title}
        <p className="insp-help insight-empty" data-testid="insight-empty">
          <Eye size={14} aria-hidden />{' '}
          {on
            ? 'Train the model (Train tab) to see its activations, weights and gradients here while it learns.'
            : 'The views are off: turn on “Look inside while training” in the Train tab, then train, to see its activations, weights and gradients here.'}
        </p>
        {on && trained && (
          <button type="button" className="insp-fix" onClick={() => void refreshInsight()} data-testid="insight-refresh">
            Show the trained model&apos;s views
          </button>
        )}
        {error !== undefined && (
          <p className="insp-error" role="alert">
            {error}
          </p>
        )}
      </section>
    );
  }
  // A layer the sampled model does not have (added since) has nothing to show.
  if (!stats) return null;
  const conv = convViewOf(snapshot, name);
  const attention = snapshot.attention.find((a) => a.layer === name);
  return (
    <section className="insight-section" aria-label="Inside this layer" data-testid="insight-section">
      {title}
      <p className="insp-help" data-testid="insight-when">
        {snapshot.step < 0 ? 'The trained model, after its run (no gradients outside a run)' : `Epoch ${snapshot.epoch + 1}, step ${snapshot.step}`}
      </p>
      {stats.gradFlag !== undefined && <GradFlagNote flag={stats.gradFlag} />}
      {stats.activation && (
        <>
          <ActivationHistogram histogram={stats.activation.histogram} />
          <ActivationNumbers stats={stats.activation} />
        </>
      )}
      {series && <StepPlots series={series} />}
      {conv && <ConvViews view={conv} />}
      {attention && <InsightAttention layer={attention} />}
      {snapshot.boundary && <BoundaryMaps boundary={snapshot.boundary} layer={name} />}
    </section>
  );
}
