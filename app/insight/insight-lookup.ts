import { assertNever } from '../../src/lib/assert-never';
import type { ConvView, GradientFlag, InsightSnapshot, LayerStats } from '../../src/train/insight-types';

// Pure memos, not state: keyed by snapshots, which are never mutated, and gone with them.
const statsCache = new WeakMap<InsightSnapshot, Map<string, LayerStats>>();

/** Layer `name`'s numbers in `snapshot`, through a per-snapshot index so each node's selector is O(1). */
export function layerStatsOf(snapshot: InsightSnapshot | undefined, name: string): LayerStats | undefined {
  if (!snapshot) return undefined;
  let index = statsCache.get(snapshot);
  if (!index) {
    index = new Map(snapshot.layers.map((l) => [l.layer, l]));
    statsCache.set(snapshot, index);
  }
  return index.get(name);
}

/** Layer `name`'s filters and feature maps, when it is a convolution. */
export const convViewOf = (snapshot: InsightSnapshot | undefined, name: string): ConvView | undefined => snapshot?.conv.find((c) => c.layer === name);

/** What a gradient flag means, in a sentence. */
export function gradFlagText(flag: GradientFlag): string {
  switch (flag) {
    case 'vanishing':
      return "Vanishing gradient: its gradient is under 1e-5 of its weights' norm, so this layer has all but stopped learning (try ReLU, batch normalization, a skip connection or a larger learning rate).";
    case 'exploding':
      return 'Exploding gradient: its gradient has blown up, so its updates overshoot (try a smaller learning rate, gradient clipping or batch normalization).';
    default:
      return assertNever(flag, 'gradient flag');
  }
}
