import type { Page } from '@playwright/test';

/** One long animation frame with the scripts that ran in it, for finding what blocks the page. */
export interface LongFrame {
  start: number;
  duration: number;
  /** Time spent in style and layout at the frame's end. */
  styleAndLayout: number;
  scripts: { invoker: string; source: string; duration: number }[];
}

// A page script string: tsx would wrap a function with a `__name` helper the page lacks.
const OBSERVE_LONG_FRAMES = `(() => {
  const b = (window.__longFrames = { list: [], t0: performance.now() });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (e.duration <= 50) continue;
      b.list.push({
        start: Math.round(e.startTime - b.t0),
        duration: Math.round(e.duration),
        styleAndLayout: Math.round(e.styleAndLayoutStart ? e.startTime + e.duration - e.styleAndLayoutStart : 0),
        scripts: e.scripts.map((s) => ({ invoker: s.invoker, source: (s.sourceFunctionName || '?') + ' ' + (s.sourceURL || '').split('/').pop() + ':' + s.sourceCharPosition, duration: Math.round(s.duration) })),
      });
    }
  }).observe({ type: 'long-animation-frame' });
})()`;

/** Starts recording the page's long animation frames (over 50 ms) with script attribution (Chromium 123+). */
export async function recordLongFrames(page: Page): Promise<void> {
  await page.evaluate(OBSERVE_LONG_FRAMES);
}

/** The long animation frames since the recording started or was last taken. */
export async function takeLongFrames(page: Page): Promise<LongFrame[]> {
  return (await page.evaluate('window.__longFrames.list.splice(0)')) as LongFrame[];
}
