import { useContext, useEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { StaggerContext } from './stagger-context';

/**
 * `value`, but each change is drawn in a task of its own, one subscriber per task. One store
 * update feeds several Recharts charts, and each redraw costs tens of milliseconds; drawn
 * together they would block the page for longer than a frame budget allows. The first draw too:
 * with a queue the hook starts at `placeholder` (a chart's empty data), so a view that mounts
 * several charts mid-run (the Train tab opened) mounts them empty and draws each in its own task.
 * The queue comes from the enclosing `StaggerContext`; without one, changes are drawn at once.
 */
export function useStaggered<T>(value: T, placeholder: T = value): T {
  const queue = useContext(StaggerContext);
  const [shown, setShown] = useState(queue === null ? value : placeholder);
  const shownRef = useRef(queue === null ? value : placeholder);
  const [key] = useState(() => ({}));
  useEffect(() => {
    if (queue === null || Object.is(value, shownRef.current)) return undefined;
    queue.schedule(key, () => {
      shownRef.current = value;
      flushSync(() => setShown(() => value));
    });
    return () => queue.cancel(key);
  }, [value, key, queue]);
  return queue === null ? value : shown;
}
