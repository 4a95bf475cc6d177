import { describe, expect, it } from 'vitest';
import {
  READABLE_FIT,
  REVEAL_MARGINS,
  READABLE_TEXT_PX,
  READABLE_ZOOM,
  CARD_SMALLEST_FONT_PX,
  readableViewport,
  revealViewport,
  unionRect,
} from './viewport-math';

const canvas = { width: 888, height: 600 };

describe('readableViewport', () => {
  it('keeps the card’s smallest text at the readable size', () => {
    expect(CARD_SMALLEST_FONT_PX * READABLE_ZOOM).toBeGreaterThanOrEqual(READABLE_TEXT_PX);
  });

  it('centres a graph that fits, zoomed no further than the limit', () => {
    const v = readableViewport({ x: 0, y: 0, width: 236, height: 300 }, canvas);
    expect(v?.zoom).toBe(READABLE_FIT.maxZoom);
    // The graph's centre lands on the centre of the canvas less its margins and the notices' footer.
    expect((v?.x ?? 0) + 118 * (v?.zoom ?? 0)).toBeCloseTo(canvas.width / 2);
    expect((v?.y ?? 0) + 150 * (v?.zoom ?? 0)).toBeCloseTo((canvas.height - READABLE_FIT.footer) / 2);
    // Its foot stays above the notices' footer.
    expect((v?.y ?? 0) + 300 * (v?.zoom ?? 0)).toBeLessThanOrEqual(canvas.height - READABLE_FIT.margin - READABLE_FIT.footer);
  });

  it('opens a graph too tall to read whole at the readable zoom, its top in view and centred across', () => {
    // A 9-layer CNN: 9 cards 120 px apart; whole, it would need a zoom of about 0.45.
    const bounds = { x: 10, y: -20, width: 236, height: 1060 };
    const v = readableViewport(bounds, canvas);
    expect(v?.zoom).toBe(READABLE_ZOOM);
    expect((v?.y ?? 0) + bounds.y * READABLE_ZOOM).toBe(READABLE_FIT.margin);
    expect((v?.x ?? 0) + (bounds.x + bounds.width / 2) * READABLE_ZOOM).toBeCloseTo(canvas.width / 2);
  });

  it('starts a graph too wide at its left edge', () => {
    const bounds = { x: 100, y: 0, width: 3000, height: 200 };
    const v = readableViewport(bounds, canvas);
    expect(v?.zoom).toBe(READABLE_ZOOM);
    expect((v?.x ?? 0) + bounds.x * READABLE_ZOOM).toBe(READABLE_FIT.margin);
  });

  it('has nothing to fit on an empty graph or a canvas with no room', () => {
    expect(readableViewport({ x: 0, y: 0, width: 0, height: 0 }, canvas)).toBeNull();
    expect(readableViewport({ x: 0, y: 0, width: 100, height: 100 }, { width: 50, height: 50 })).toBeNull();
  });
});

describe('revealViewport', () => {
  const at = { x: 0, y: 0, zoom: 1 };
  const even = { top: 24, right: 24, bottom: 24, left: 24 };

  it('leaves a card already in view where it is', () => {
    expect(revealViewport({ x: 100, y: 100, width: 236, height: 73 }, at, canvas)).toBeNull();
  });

  it('moves a card at the canvas’s very corner in by the margin', () => {
    expect(revealViewport({ x: 0, y: 0, width: 236, height: 73 }, at, canvas, even)).toEqual({ x: 24, y: 24, zoom: 1 });
  });

  it('scrolls up just enough to show a card added below the view, above the canvas’s foot', () => {
    const v = revealViewport({ x: 100, y: 700, width: 236, height: 73 }, at, canvas);
    expect(v).toEqual({ x: 0, y: canvas.height - REVEAL_MARGINS.bottom - 773, zoom: 1 });
  });

  it('works in screen pixels at any zoom', () => {
    // At zoom 0.5 the box spans screen x 1000 to 1100, past the canvas's right edge.
    const v = revealViewport({ x: 2000, y: 100, width: 200, height: 50 }, { x: 0, y: 0, zoom: 0.5 }, canvas, even);
    expect(v).toEqual({ x: canvas.width - 24 - 1100, y: 0, zoom: 0.5 });
  });

  it('shows the top-left corner of a box larger than the canvas', () => {
    const v = revealViewport({ x: 0, y: 0, width: 2000, height: 2000 }, { x: -500, y: -500, zoom: 1 }, canvas, even);
    expect(v).toEqual({ x: 24, y: 24, zoom: 1 });
  });
});

describe('unionRect', () => {
  it('bounds every box, and nothing for none', () => {
    expect(
      unionRect([
        { x: 0, y: 10, width: 10, height: 10 },
        { x: -5, y: 30, width: 10, height: 5 },
      ]),
    ).toEqual({ x: -5, y: 10, width: 15, height: 25 });
    expect(unionRect([])).toBeNull();
  });
});
