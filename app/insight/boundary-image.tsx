import { memo } from 'react';
import type { BoundaryView, Grid } from '../../src/train/insight-types';
import { classColour, classPixels, divergingPixels } from './pixels';
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
      paintPixels(ctx, output ? classPixels(units) : divergingPixels(first), first.width, first.height, w, h);
      const { x, y } = boundary.extent;
      const { points, labels } = boundary;
      const r = size > 80 ? 3.5 : 2.5;
      // One path per class, filled and outlined once: hundreds of points over two dozen maps.
      const byClass = new Map<number, number[]>();
      for (let i = 0; i * 2 + 1 < points.length; i++) {
        const k = Math.round(labels[i] ?? 0);
        const list = byClass.get(k) ?? [];
        if (list.length === 0) byClass.set(k, list);
        list.push(i);
      }
      ctx.strokeStyle = '#fff';
      ctx.lineWidth = 1;
      for (const [k, list] of byClass) {
        ctx.beginPath();
        for (const i of list) {
          // The picture's row 0 is the top of the plane: y grows upwards.
          const px = (((points[i * 2] as number) - x[0]) / (x[1] - x[0] || 1)) * w;
          const py = h - (((points[i * 2 + 1] as number) - y[0]) / (y[1] - y[0] || 1)) * h;
          ctx.moveTo(px + r, py);
          ctx.arc(px, py, r, 0, 2 * Math.PI);
        }
        ctx.fillStyle = classColour(k);
        ctx.fill();
        ctx.stroke();
      }
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
