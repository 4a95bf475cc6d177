import type { NodeAnalysis } from '../../src/analysis/analyze';
import { formatShape } from '../../src/graph/shape';
import { formatCount } from '../../src/lib/format-count';

/** Output shape and weight counts of one layer, from the analysis. */
export function LayerStats({ analysis }: { readonly analysis: NodeAnalysis | undefined }) {
  const shape = analysis?.shape ?? null;
  const trainable = analysis?.params.trainable ?? 0;
  const nonTrainable = analysis?.params.nonTrainable ?? 0;
  return (
    <dl className="insp-stats">
      <div>
        <dt>Output shape</dt>
        <dd data-testid="inspector-shape">{shape === null ? <span className="muted">unknown</span> : <code>{formatShape(shape)}</code>}</dd>
      </div>
      <div>
        <dt>Params</dt>
        <dd data-testid="inspector-params">
          <strong>{formatCount(trainable + nonTrainable)}</strong>{' '}
          <span className="muted">
            ({formatCount(trainable)} trainable / {formatCount(nonTrainable)} non-trainable)
          </span>
        </dd>
      </div>
    </dl>
  );
}
