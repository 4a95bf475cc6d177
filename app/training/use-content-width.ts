import { useLayoutEffect, useRef, useState } from 'react';

/**
 * A ref to put on an element, and that element's content width in whole pixels, updated by a
 * ResizeObserver only when it changes: a chart drawn many times a second must not measure the
 * page on each redraw, as Recharts' ResponsiveContainer does.
 */
export function useContentWidth<T extends HTMLElement>(initial: number): [React.RefObject<T | null>, number] {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(initial);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return undefined;
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setWidth(Math.max(0, Math.floor(entry.contentRect.width)));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, width];
}
