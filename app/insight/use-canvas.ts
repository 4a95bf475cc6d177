import { useEffect, useRef } from 'react';

/** A canvas's 2-D context, or null where there is none (a test's DOM, a browser that refuses). */
export function context2d(canvas: HTMLCanvasElement | null): CanvasRenderingContext2D | null {
  if (!canvas) return null;
  try {
    return canvas.getContext('2d');
  } catch {
    return null;
  }
}

/**
 * A ref for a `width` × `height` (CSS pixels) canvas that `draw` paints whenever one of `deps`
 * changes, sharp on high-density screens. Where there is no 2-D context nothing is drawn: the
 * canvas's label and the numbers beside it still say what it shows.
 */
export function useCanvas(
  draw: (ctx: CanvasRenderingContext2D, width: number, height: number) => void,
  width: number,
  height: number,
  deps: readonly unknown[],
) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const canvas = ref.current;
    const ctx = context2d(canvas);
    if (!canvas || !ctx) return;
    const ratio = typeof devicePixelRatio === 'number' && devicePixelRatio > 0 ? devicePixelRatio : 1;
    // Setting a size reallocates the canvas: only when it changed.
    if (canvas.width !== Math.round(width * ratio)) canvas.width = Math.round(width * ratio);
    if (canvas.height !== Math.round(height * ratio)) canvas.height = Math.round(height * ratio);
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.clearRect(0, 0, width, height);
    draw(ctx, width, height);
    // `draw` is rebuilt each render; `deps` say when what it draws changed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [width, height, ...deps]);
  return ref;
}

// A pure memo, not state: each canvas's picture-sized scratch canvas, gone with it.
const tiles = new WeakMap<HTMLCanvasElement, HTMLCanvasElement>();

/** Paints RGBA `pixels` of a `w` × `h` picture over (0, 0, width, height), unsmoothed (each value a crisp block). */
export function paintPixels(ctx: CanvasRenderingContext2D, pixels: Uint8ClampedArray, w: number, h: number, width: number, height: number): void {
  if (w === 0 || h === 0 || pixels.length < w * h * 4) return;
  let tile = tiles.get(ctx.canvas);
  if (!tile) {
    tile = document.createElement('canvas');
    tiles.set(ctx.canvas, tile);
  }
  if (tile.width !== w) tile.width = w;
  if (tile.height !== h) tile.height = h;
  const tctx = context2d(tile);
  if (!tctx) return;
  const image = tctx.createImageData(w, h);
  image.data.set(pixels.subarray(0, w * h * 4));
  tctx.putImageData(image, 0, 0);
  ctx.imageSmoothingEnabled = false;
  ctx.drawImage(tile, 0, 0, width, height);
}

/** A line through `values` (null: a gap) over the canvas, on a log scale when asked (values ≤ 0 are gaps then). */
export function strokeSeries(
  ctx: CanvasRenderingContext2D,
  values: readonly (number | null)[],
  width: number,
  height: number,
  log: boolean,
  colour: string,
): void {
  const ys = values.map((v) => (v === null || !Number.isFinite(v) || (log && v <= 0) ? null : log ? Math.log10(v) : v));
  const finite = ys.filter((v): v is number => v !== null);
  if (finite.length === 0) return;
  const lo = Math.min(...finite);
  const hi = Math.max(...finite);
  const span = hi - lo || 1;
  const pad = 2;
  ctx.strokeStyle = colour;
  ctx.lineWidth = 1.5;
  ctx.beginPath();
  let pen = false;
  ys.forEach((y, i) => {
    if (y === null) {
      pen = false;
      return;
    }
    const px = values.length === 1 ? width / 2 : (i / (values.length - 1)) * (width - 2 * pad) + pad;
    // A flat series sits in the middle: its range is nil.
    const py = height - pad - (hi > lo ? (y - lo) / span : 0.5) * (height - 2 * pad);
    if (pen) ctx.lineTo(px, py);
    else ctx.moveTo(px, py);
    pen = true;
  });
  ctx.stroke();
  if (finite.length === 1) {
    // One value is a point, not a line: a dot where it sits (mid-height, as its range is nil).
    const i = ys.findIndex((y) => y !== null);
    ctx.fillStyle = colour;
    ctx.beginPath();
    ctx.arc(values.length === 1 ? width / 2 : (i / (values.length - 1)) * (width - 2 * pad) + pad, height / 2, 2, 0, 2 * Math.PI);
    ctx.fill();
  }
}

/** The canvas element's CSS colour, for lines in the theme's ink (a canvas cannot use currentColor). */
export const inkOf = (ctx: CanvasRenderingContext2D): string => getComputedStyle(ctx.canvas).color || '#888';
