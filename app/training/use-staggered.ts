import { useEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';

// Pending redraws by subscriber: a newer value replaces one not yet drawn.
const pending = new Map<object, () => void>();
let scheduled = false;

function drawNext(): void {
  const next = pending.entries().next();
  try {
    if (!next.done) {
      const [key, draw] = next.value;
      pending.delete(key);
      draw();
    }
  } finally {
    // Even after a failed draw the others still get theirs.
    scheduled = pending.size > 0;
    if (scheduled) setTimeout(drawNext, 0);
  }
}

/**
 * `value`, but each change is drawn in a task of its own, one subscriber per task. One store
 * update feeds several Recharts charts, and each redraw costs tens of milliseconds; drawn
 * together they would block the page for longer than a frame budget allows.
 */
export function useStaggered<T>(value: T): T {
  const [shown, setShown] = useState(value);
  const shownRef = useRef(value);
  const [key] = useState(() => ({}));
  useEffect(() => {
    if (Object.is(value, shownRef.current)) return undefined;
    pending.set(key, () => {
      shownRef.current = value;
      flushSync(() => setShown(() => value));
    });
    if (!scheduled) {
      scheduled = true;
      setTimeout(drawNext, 0);
    }
    return () => {
      pending.delete(key);
    };
  }, [value, key]);
  return shown;
}
