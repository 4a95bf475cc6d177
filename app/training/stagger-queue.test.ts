import { describe, expect, it } from 'vitest';
import { createStaggerQueue } from './stagger-queue';

/** A deferral the test runs by hand, one task at a time. */
function tasks() {
  const queued: (() => void)[] = [];
  return {
    defer: (run: () => void) => void queued.push(run),
    runOne: () => queued.shift()?.(),
    get size() {
      return queued.length;
    },
  };
}

describe('createStaggerQueue', () => {
  it('draws one subscriber per task, and a newer value replaces one not yet drawn', () => {
    const t = tasks();
    const queue = createStaggerQueue(t.defer);
    const drawn: string[] = [];
    const a = {};
    const b = {};
    queue.schedule(a, () => drawn.push('a1'));
    queue.schedule(b, () => drawn.push('b1'));
    queue.schedule(a, () => drawn.push('a2'));
    expect(t.size).toBe(1);
    // a keeps its place in the queue with its newer value.
    t.runOne();
    expect(drawn).toEqual(['a2']);
    t.runOne();
    expect(drawn).toEqual(['a2', 'b1']);
    expect(t.size).toBe(0);
  });

  it('skips a cancelled redraw, and one failed redraw does not stop the others', () => {
    const t = tasks();
    const queue = createStaggerQueue(t.defer);
    const drawn: string[] = [];
    const [a, b, c] = [{}, {}, {}];
    queue.schedule(a, () => {
      throw new Error('chart crashed');
    });
    queue.schedule(b, () => drawn.push('b'));
    queue.schedule(c, () => drawn.push('c'));
    queue.cancel(b);
    expect(() => t.runOne()).toThrow('chart crashed');
    t.runOne();
    expect(drawn).toEqual(['c']);
    expect(t.size).toBe(0);
  });
});
