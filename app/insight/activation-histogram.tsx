import { memo } from 'react';
import type { Histogram } from '../../src/train/insight-types';
import { formatValue } from './format-value';
import { inkOf, useCanvas } from './use-canvas';

const WIDTH = 240;
const HEIGHT = 64;

/** A layer's activations over the probe samples, counted into bins: bars on a canvas, the range beneath. */
export const ActivationHistogram = memo(function ActivationHistogram({ histogram }: { readonly histogram: Histogram }) {
  const { counts, min, max } = histogram;
  const ref = useCanvas(
    (ctx, w, h) => {
      const top = Math.max(1, ...counts);
      const bar = w / Math.max(1, counts.length);
      ctx.fillStyle = inkOf(ctx);
      counts.forEach((c, i) => {
        const bh = (c / top) * (h - 1);
        ctx.fillRect(i * bar + 0.5, h - bh, Math.max(1, bar - 1), bh);
      });
    },
    WIDTH,
    HEIGHT,
    [histogram],
  );
  const total = counts.reduce((a, b) => a + b, 0);
  return (
    <figure className="insight-histogram" data-testid="insight-histogram">
      <canvas
        ref={ref}
        style={{ width: WIDTH, height: HEIGHT }}
        role="img"
        aria-label={`Histogram of ${total} activations in ${counts.length} bins from ${formatValue(min)} to ${formatValue(max)}`}
        data-counts={counts.join(' ')}
      />
      <figcaption className="insight-axis">
        <span>{formatValue(min)}</span>
        <span>activations</span>
        <span>{formatValue(max)}</span>
      </figcaption>
    </figure>
  );
});
