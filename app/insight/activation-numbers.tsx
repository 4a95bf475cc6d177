import type { ActivationStats } from '../../src/train/insight-types';
import { formatShare, formatValue } from './format-value';

/** Mean, spread and (for ReLU-family layers) the share of dead units of a layer's activations. */
export function ActivationNumbers({ stats }: { readonly stats: ActivationStats }) {
  return (
    <dl className="insp-stats insight-numbers" data-testid="insight-activation">
      <div>
        <dt>Mean</dt>
        <dd className="num">{formatValue(stats.mean)}</dd>
      </div>
      <div>
        <dt>Std</dt>
        <dd className="num">{formatValue(stats.std)}</dd>
      </div>
      {stats.deadShare !== undefined && (
        <div title="Units that are 0 on every probe sample: they pass no gradient back, so they no longer learn">
          <dt>Dead units</dt>
          <dd className="num" data-testid="insight-dead">
            {formatShare(stats.deadShare)}
          </dd>
        </div>
      )}
    </dl>
  );
}
