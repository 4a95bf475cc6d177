import { useCallback, useEffect, useState } from 'react';

/** The items to render, `[start, end)`, and the space the ones left out take before and after. */
export interface WindowRange {
  readonly start: number;
  readonly end: number;
  readonly before: number;
  readonly after: number;
}

/**
 * The items of a list of `count` equal items that overlap the viewport `[offset, offset + size)`,
 * plus `overscan` on each side so a quick scroll shows no gap before React catches up.
 */
export function windowRange(count: number, itemSize: number, offset: number, size: number, overscan: number): WindowRange {
  const step = Math.max(1, itemSize);
  const start = Math.min(count, Math.max(0, Math.floor(offset / step) - overscan));
  const end = Math.min(count, Math.max(start, Math.ceil((offset + size) / step) + overscan));
  return { start, end, before: start * step, after: (count - end) * step };
}

/** Options of {@link useWindow}. */
export interface WindowOptions {
  readonly count: number;
  /** An item's size along `axis` in CSS pixels until one rendered item has been measured. */
  readonly estimate: number;
  /** `y`: rows scrolled up and down; `x`: columns scrolled sideways. */
  readonly axis: 'x' | 'y';
  /** Items rendered beyond each edge of the viewport. */
  readonly overscan?: number;
  /** False renders every item (short lists, where windowing only costs). */
  readonly enabled?: boolean;
}

/** Before the scroll box is laid out (and where there is no layout, as in tests), assume this. */
const FALLBACK_VIEWPORT = 800;

const same = (a: WindowRange, b: WindowRange) => a.start === b.start && a.end === b.end && a.before === b.before;

/**
 * Windowing for a long list inside its own scroll box: attach `scrollRef` to the box and
 * `itemRef` to one rendered item (it is measured, so CSS decides the size), and render only
 * `range.start` to `range.end` with spacers of `range.before` and `range.after` pixels. The
 * component re-renders only when the range changes, not on every scrolled pixel.
 */
export function useWindow<Box extends HTMLElement, Item extends HTMLElement>(options: WindowOptions) {
  const { count, estimate, axis, overscan = 6, enabled = true } = options;
  const [box, setBox] = useState<Box | null>(null);
  const [itemSize, setItemSize] = useState(estimate);
  const compute = useCallback(
    (el: Box | null): WindowRange => {
      if (!enabled) return { start: 0, end: count, before: 0, after: 0 };
      const offset = el === null ? 0 : axis === 'y' ? el.scrollTop : el.scrollLeft;
      const size = el === null ? 0 : axis === 'y' ? el.clientHeight : el.clientWidth;
      return windowRange(count, itemSize, offset, size > 0 ? size : FALLBACK_VIEWPORT, overscan);
    },
    [axis, count, enabled, itemSize, overscan],
  );
  const [range, setRange] = useState<WindowRange>(() => compute(null));

  useEffect(() => {
    const update = () =>
      setRange((previous) => {
        const next = compute(box);
        return same(previous, next) && previous.after === next.after ? previous : next;
      });
    update();
    if (box === null || !enabled) return undefined;
    box.addEventListener('scroll', update, { passive: true });
    // The viewport changes with the window and the panel, not only with scrolling.
    const observer = typeof ResizeObserver === 'undefined' ? undefined : new ResizeObserver(update);
    observer?.observe(box);
    return () => {
      box.removeEventListener('scroll', update);
      observer?.disconnect();
    };
  }, [box, compute, enabled]);

  const itemRef = useCallback(
    (el: Item | null) => {
      if (el === null) return;
      const rect = el.getBoundingClientRect();
      const measured = axis === 'y' ? rect.height : rect.width;
      if (measured > 0) setItemSize((current) => (Math.abs(current - measured) > 0.01 ? measured : current));
    },
    [axis],
  );

  return { scrollRef: setBox, itemRef, range: enabled ? range : compute(null) };
}
