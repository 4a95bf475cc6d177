import type { Graph, Position } from '../src/graph/types';
import type { FlowRect } from './viewport-math';
import { unionRect } from './viewport-math';
import type { NodeSize } from './tidy';

/** Space left between a pasted copy and the layers beside it, in canvas pixels. */
export const PASTE_GAP = 40;
/** How many places to the right a paste tries before settling on the last. */
const TRIES = 50;

const overlaps = (a: FlowRect, b: FlowRect, gap: number) =>
  a.x < b.x + b.width + gap && b.x < a.x + a.width + gap && a.y < b.y + b.height + gap && b.y < a.y + a.height + gap;

/**
 * How far to move a paste of `clip` into `graph` so that the copy covers nothing: beside the
 * copied layers, one selection's width plus PASTE_GAP to the right, and further right while any
 * of its cards would land on (or within half a gap of) one already there. `sizeOf` gives each
 * card's size on the canvas; the copy keeps its layers' ids until it is pasted, so their sizes are
 * the originals'.
 */
export function pasteOffset(graph: Graph, clip: Graph, sizeOf: (id: string) => NodeSize): Position {
  const boxes = (nodes: Graph['nodes']): FlowRect[] => nodes.map((n) => ({ ...n.position, ...sizeOf(n.id) }));
  const copied = boxes(clip.nodes);
  const bounds = unionRect(copied);
  if (!bounds) return { x: PASTE_GAP, y: PASTE_GAP };
  const taken = boxes(graph.nodes);
  const step = bounds.width + PASTE_GAP;
  for (let k = 1; k < TRIES; k += 1) {
    const dx = k * step;
    const clear = copied.every((box) => taken.every((other) => !overlaps({ ...box, x: box.x + dx }, other, PASTE_GAP / 2)));
    if (clear) return { x: dx, y: 0 };
  }
  return { x: TRIES * step, y: 0 };
}
