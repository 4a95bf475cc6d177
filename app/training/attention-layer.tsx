import type { AttentionWeights } from '../../src/train/attention-weights';
import './attention.css';
import { AttentionHeatmap } from './attention-heatmap';
import { AttentionTable } from './attention-table';
import { HEAT_GRADIENT, HEAT_TICKS, headSummary, headViews, heatPosition, positionsFor } from './attention-view';
import type { SamplePositions } from '../../src/data/text';

/** One attention layer: a heatmap per head on the 0..1 colour scale, with its legend, a line on each head and a table behind each. */
export function AttentionLayer({ layer, sample }: { layer: AttentionWeights; sample: SamplePositions }) {
  const views = headViews(layer, sample);
  const numbered = positionsFor(sample, layer.queryLength) === null || positionsFor(sample, layer.keyLength) === null;
  return (
    <section className="train-attention__layer" aria-label={`Attention of ${layer.layer}`} data-testid="attention-layer" data-layer={layer.layer}>
      <header className="train-attention__head">
        <strong>{layer.layer}</strong>
        <span className="muted">
          {layer.heads} {layer.heads === 1 ? 'head' : 'heads'}
        </span>
        <span className="train-heat-legend" role="img" aria-label="Colour scale: weights from 0 (dark purple) to 1 (yellow), by their square root">
          <i style={{ background: HEAT_GRADIENT }}>
            {HEAT_TICKS.map((t) => (
              <span key={t} className="num" style={{ left: `${heatPosition(t) * 100}%` }}>
                {t}
              </span>
            ))}
          </i>
        </span>
      </header>
      {numbered && (
        <p className="muted" data-testid="attention-numbered">
          This layer&apos;s sequence ({layer.queryLength} × {layer.keyLength}) is not the input&apos;s {sample.featureNames.length} token positions (a layer
          before it changes the length), so its positions are numbered.
        </p>
      )}
      <div className="train-attention__heads">
        {views.map((view) => (
          <figure key={view.head} className="train-attention__figure">
            <AttentionHeatmap view={view} layer={layer.layer} />
            <figcaption data-testid="attention-summary">{headSummary(view)}</figcaption>
            <details>
              <summary>Weights as a table</summary>
              <AttentionTable view={view} />
            </details>
          </figure>
        ))}
      </div>
    </section>
  );
}
