/** A box in flow coordinates (the canvas's own units; screen pixels at zoom 1). */
export interface FlowRect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** React Flow's viewport: screen = flow × zoom + (x, y). */
export interface ViewportBox {
  readonly x: number;
  readonly y: number;
  readonly zoom: number;
}

/** The canvas's size on screen, in pixels. */
export interface ScreenSize {
  readonly width: number;
  readonly height: number;
}

/** Text on the canvas is never drawn smaller than this many screen pixels by a fit. */
export const READABLE_TEXT_PX = 11;
/** The smallest font size on a layer card (`canvas.css`: the name, params and tags). */
export const CARD_SMALLEST_FONT_PX = 11;
/** The zoom below which a fit does not go: the card's smallest text stays READABLE_TEXT_PX. */
export const READABLE_ZOOM = READABLE_TEXT_PX / CARD_SMALLEST_FONT_PX;

/** How a fit frames the graph. */
export interface FitLimits {
  readonly minZoom: number;
  readonly maxZoom: number;
  /** Screen pixels kept clear around the graph. */
  readonly margin: number;
  /** Screen pixels more kept clear below it: the foot of the canvas is where notices show. */
  readonly footer: number;
}

/**
 * Fits for newly opened graphs: never under READABLE_ZOOM, never over 1.2, and a graph that fits
 * ends above the notice that says it opened (`.shell.is-model .notice`, up to two lines).
 */
export const READABLE_FIT: FitLimits = { minZoom: READABLE_ZOOM, maxZoom: 1.2, margin: 40, footer: 48 };

const clamp = (value: number, low: number, high: number) => Math.max(low, Math.min(high, value));

/**
 * The viewport that shows `bounds` on a canvas of `size`: the whole graph, centred in the room the
 * margins leave, when it fits at a zoom of at least `minZoom`; else at `minZoom` with its top (and, when too wide, its left)
 * edge in view, so the first layers read and the rest is a scroll away. Null for an empty graph or
 * canvas, where there is nothing to fit.
 */
export function readableViewport(bounds: FlowRect, size: ScreenSize, limits: FitLimits = READABLE_FIT): ViewportBox | null {
  const room = { width: size.width - 2 * limits.margin, height: size.height - 2 * limits.margin - limits.footer };
  if (room.width <= 0 || room.height <= 0 || bounds.width <= 0 || bounds.height <= 0) return null;
  const fit = Math.min(room.width / bounds.width, room.height / bounds.height);
  const zoom = clamp(fit, limits.minZoom, Math.max(limits.minZoom, limits.maxZoom));
  // Centred in the room when it fits there, else from the room's start.
  const axis = (start: number, extent: number, free: number) => limits.margin + Math.max(0, (free - extent * zoom) / 2) - start * zoom;
  return { x: axis(bounds.x, bounds.width, room.width), y: axis(bounds.y, bounds.height, room.height), zoom };
}

/** Screen pixels a revealed card keeps from each edge of the canvas. */
export interface Margins {
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
  readonly left: number;
}

/**
 * Where a revealed card may sit: clear of the edges, and above the foot of the canvas, which
 * holds the zoom buttons, the minimap (110 px tall, 15 px in) and notices.
 */
export const REVEAL_MARGINS: Margins = { top: 24, right: 24, bottom: 140, left: 24 };

/**
 * The viewport, at the same zoom, panned just enough to bring `box` fully into the part of the
 * canvas `margins` leave (its top-left corner first when it is larger than that); null when it is
 * in view already.
 */
export function revealViewport(box: FlowRect, viewport: ViewportBox, size: ScreenSize, margins: Margins = REVEAL_MARGINS): ViewportBox | null {
  const shift = (start: number, extent: number, offset: number, low: number, high: number) => {
    const from = start * viewport.zoom + offset;
    const to = (start + extent) * viewport.zoom + offset;
    if (from < low) return low - from;
    if (to > high) return Math.max(high - to, low - from);
    return 0;
  };
  const dx = shift(box.x, box.width, viewport.x, margins.left, size.width - margins.right);
  const dy = shift(box.y, box.height, viewport.y, margins.top, size.height - margins.bottom);
  if (dx === 0 && dy === 0) return null;
  return { x: viewport.x + dx, y: viewport.y + dy, zoom: viewport.zoom };
}

/** The smallest box holding every one of `boxes`; null for none. */
export function unionRect(boxes: readonly FlowRect[]): FlowRect | null {
  if (boxes.length === 0) return null;
  const left = Math.min(...boxes.map((b) => b.x));
  const top = Math.min(...boxes.map((b) => b.y));
  const right = Math.max(...boxes.map((b) => b.x + b.width));
  const bottom = Math.max(...boxes.map((b) => b.y + b.height));
  return { x: left, y: top, width: right - left, height: bottom - top };
}
