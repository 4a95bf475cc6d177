import type { BoundaryView } from '../../src/train/insight-types';
import { classColour } from './pixels';
import { context2d } from './use-canvas';

// A pure memo, not state: per sample's points (never mutated) and drawn size, the points drawn once.
const layers = new WeakMap<Float32Array, Map<number, HTMLCanvasElement | null>>();

/** The radius of a training point on a map `size` pixels wide. */
const radiusFor = (size: number) => (size > 80 ? 3.5 : 2.5);

function draw(boundary: BoundaryView, size: number, ratio: number): HTMLCanvasElement | null {
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(size * ratio);
  canvas.height = Math.round(size * ratio);
  const ctx = context2d(canvas);
  if (!ctx) return null;
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  const { points, labels, extent } = boundary;
  const { x, y } = extent;
  const r = radiusFor(size);
  // One path per class, filled and outlined once.
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
      // The canvas's row 0 is the top, and y grows upwards on the plane.
      const px = (((points[i * 2] as number) - x[0]) / (x[1] - x[0] || 1)) * size;
      const py = size - (((points[i * 2 + 1] as number) - y[0]) / (y[1] - y[0] || 1)) * size;
      ctx.moveTo(px + r, py);
      ctx.arc(px, py, r, 0, 2 * Math.PI);
    }
    ctx.fillStyle = classColour(k);
    ctx.fill();
    ctx.stroke();
  }
  return canvas;
}

/**
 * The training points of a boundary, each in its class's colour, drawn once per sample and size:
 * every unit's map of a sample shares them (two dozen maps would otherwise draw every point again).
 */
export function pointLayer(boundary: BoundaryView, size: number, ratio: number): HTMLCanvasElement | null {
  let bySize = layers.get(boundary.points);
  if (!bySize) {
    bySize = new Map();
    layers.set(boundary.points, bySize);
  }
  const key = size * 1000 + ratio;
  if (!bySize.has(key)) bySize.set(key, draw(boundary, size, ratio));
  return bySize.get(key) ?? null;
}
