import { memo } from 'react';
import type { BoundaryView, Grid } from '../../src/train/insight-types';
import { classPixels, divergingPixels } from './pixels';
import { pointLayer } from './point-layer';
import { paintPixels, useCanvas } from './use-canvas';

interface BoundaryImageProps {
  /** One unit's values (a hidden unit), or every unit of the output layer (coloured by class). */
  readonly units: readonly Grid[];
  readonly output: boolean;
  readonly boundary: BoundaryView;
  readonly size: number;
  readonly label: string;
}

/**
 * A map over the input plane, as the Playground draws it: a hidden unit's value (orange below 0,
 * blue above) or the output's most likely class, with the training points over it in their class's colour.
 */
export const BoundaryImage = memo(function BoundaryImage({ units, output, boundary, size, label }: BoundaryImageProps) {
  const first = units[0];
  const ref = useCanvas(
    (ctx, w, h) => {
      if (!first) return;
      // The worker's row 0 is the lowest y (src/train/insight-types.ts); the canvas's is the top.
      ctx.save();
      ctx.translate(0, h);
      ctx.scale(1, -1);
      paintPixels(ctx, output ? classPixels(units) : divergingPixels(first), first.width, first.height, w, h);
      ctx.restore();
      // As in the Playground, only the output's map carries the training points: on a unit's small
      // map they would hide what the unit computes.
      if (!output) return;
      const layer = pointLayer(boundary, size, typeof devicePixelRatio === 'number' && devicePixelRatio > 0 ? devicePixelRatio : 1);
      if (layer) ctx.drawImage(layer, 0, 0, w, h);
    },
    size,
    size,
    [units, output, boundary],
  );
  return (
    <canvas
      ref={ref}
      className="insight-boundary__image"
      style={{ width: size, height: size }}
      role="img"
      aria-label={label}
      title={label}
      data-testid="insight-boundary-unit"
    />
  );
});
