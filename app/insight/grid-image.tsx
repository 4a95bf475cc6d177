import { memo } from 'react';
import type { Grid } from '../../src/train/insight-types';
import { greyPixels } from './pixels';
import { paintPixels, useCanvas } from './use-canvas';

/** One picture of a layer (a filter, a feature map), in greys from its own min to max, drawn `size` pixels wide. */
export const GridImage = memo(function GridImage({ grid, size, label }: { readonly grid: Grid; readonly size: number; readonly label: string }) {
  const height = Math.max(1, Math.round((size * grid.height) / Math.max(1, grid.width)));
  const ref = useCanvas((ctx, w, h) => paintPixels(ctx, greyPixels(grid), grid.width, grid.height, w, h), size, height, [grid]);
  return (
    <canvas
      ref={ref}
      className="insight-grid-image"
      style={{ width: size, height }}
      role="img"
      aria-label={`${label}: ${grid.width} × ${grid.height}`}
      title={label}
      data-testid="insight-grid-image"
    />
  );
});
