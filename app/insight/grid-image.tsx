import { memo, useEffect, useRef } from 'react';
import type { Grid } from '../../src/train/insight-types';
import { greyPixels } from './pixels';
import { context2d } from './use-canvas';

/**
 * One picture of a layer (a filter, a feature map), in greys from its own min to max, drawn `size`
 * pixels wide. The canvas holds the picture at its own size and CSS scales it up, pixelated: a
 * sample redraws dozens of these, and one putImageData each keeps that well under a frame.
 */
export const GridImage = memo(function GridImage({ grid, size, label }: { readonly grid: Grid; readonly size: number; readonly label: string }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const canvas = ref.current;
    const ctx = context2d(canvas);
    if (!canvas || !ctx || grid.width === 0 || grid.height === 0) return;
    if (canvas.width !== grid.width) canvas.width = grid.width;
    if (canvas.height !== grid.height) canvas.height = grid.height;
    const image = ctx.createImageData(grid.width, grid.height);
    image.data.set(greyPixels(grid));
    ctx.putImageData(image, 0, 0);
  }, [grid]);
  const height = Math.max(1, Math.round((size * grid.height) / Math.max(1, grid.width)));
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
