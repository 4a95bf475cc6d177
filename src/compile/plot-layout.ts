import { graphlib, layout } from '@dagrejs/dagre';
import type { EdgeLabel, GraphLabel, NodeLabel } from '@dagrejs/dagre';
import type { OrderConstraint } from '../graph/slot-order';

/** A point in the picture, in px. */
export interface Point {
  readonly x: number;
  readonly y: number;
}

/** Top to bottom (Keras's default) or left to right. */
export type RankDir = 'TB' | 'LR';

/** What to lay out: boxes with sizes, edges between them, and clusters of boxes. */
export interface LayoutInput {
  readonly boxes: readonly { readonly id: string; readonly width: number; readonly height: number }[];
  /** In the order their targets take them (a merge's slot 0 first). */
  readonly edges: readonly { readonly id: string; readonly source: string; readonly target: string }[];
  readonly clusters: readonly { readonly id: string; readonly members: readonly string[] }[];
  /** Pairs of boxes of one rank to keep in this order (a merge's inputs). */
  readonly constraints?: readonly OrderConstraint[];
  readonly rankdir: RankDir;
}

/** Where everything went: boxes' top-left corners, each edge's orthogonal route, clusters' frames. */
export interface LayoutResult {
  readonly width: number;
  readonly height: number;
  readonly boxes: ReadonlyMap<string, Point>;
  /** From the source's side to the target's, the last segment ending where the arrow's tip is. */
  readonly edges: ReadonlyMap<string, readonly Point[]>;
  readonly clusters: ReadonlyMap<string, { readonly x: number; readonly y: number; readonly width: number; readonly height: number }>;
}

// Graphviz's defaults are 18 pt between nodes and 36 pt between ranks; a little more air here
// since the boxes are wide.
const NODE_SEP = 28;
const RANK_SEP = 44;
const MARGIN = 16;
/** Room above a cluster's members for its label. */
export const CLUSTER_LABEL_HEIGHT = 20;

const swap = (p: Point): Point => ({ x: p.y, y: p.x });

/**
 * An orthogonal route through dagre's points, in top-to-bottom coordinates: straight down, with
 * each sideways step taken between two ranks (where dagre put a bend point) rather than beside a
 * box, so a skip connection runs down its own lane.
 */
function orthogonal(start: Point, bends: readonly Point[], end: Point, rankYs: ReadonlySet<number>): Point[] {
  const route: Point[] = [start];
  let x = start.x;
  let y = start.y;
  let stepY: number | undefined;
  const stepTo = (toX: number, atY: number) => {
    if (Math.abs(toX - x) < 0.5) return;
    route.push({ x, y: atY }, { x: toX, y: atY });
    x = toX;
    y = atY;
  };
  for (const p of bends) {
    if (![...rankYs].some((r) => Math.abs(r - p.y) < 0.5)) stepY = p.y;
    else {
      stepTo(p.x, stepY ?? (y + p.y) / 2);
      stepY = undefined;
    }
  }
  stepTo(end.x, stepY ?? (y + end.y) / 2);
  route.push(end);
  return route;
}

/** Spreads `count` ports along a side from `from` to `from + length`, Graphviz-like. */
const port = (from: number, length: number, index: number, count: number) => from + (length * (index + 1)) / (count + 1);

/**
 * Lays the boxes out with dagre (the app's Tidy uses it too) and routes every edge orthogonally,
 * its ends spread along the boxes' sides in the order their far ends lie, so merge inputs do not
 * cross at the box. For `LR` the layout runs with the axes swapped.
 */
export function layoutPlot(input: LayoutInput): LayoutResult {
  const lr = input.rankdir === 'LR';
  const g = new graphlib.Graph<GraphLabel, NodeLabel, EdgeLabel>({ multigraph: true, compound: input.clusters.length > 0 });
  const labelRoom = input.clusters.length > 0 ? CLUSTER_LABEL_HEIGHT : 0;
  g.setGraph({
    rankdir: input.rankdir,
    nodesep: NODE_SEP + (lr ? labelRoom : 0),
    ranksep: RANK_SEP + (lr ? 0 : labelRoom),
    marginx: MARGIN,
    marginy: MARGIN + labelRoom,
  });
  g.setDefaultEdgeLabel(() => ({}));
  for (const box of input.boxes) g.setNode(box.id, { width: box.width, height: box.height });
  for (const cluster of input.clusters) {
    g.setNode(cluster.id, { width: 0, height: 0 });
    for (const member of cluster.members) g.setParent(member, cluster.id);
  }
  for (const e of input.edges) g.setEdge(e.source, e.target, {}, e.id);
  // dagre orders a cluster as one unit beside the boxes outside it, so a constraint between a
  // member and an outsider is one between the member's cluster and the outsider.
  const owner = new Map(input.clusters.flatMap((c) => c.members.map((m) => [m, c.id] as const)));
  const constraints = (input.constraints ?? []).flatMap((c) => {
    const [left, right] = owner.get(c.left) === owner.get(c.right) ? [c.left, c.right] : [owner.get(c.left) ?? c.left, owner.get(c.right) ?? c.right];
    return left === right ? [] : [{ left, right }];
  });
  layout(g, { constraints });

  // Route in top-to-bottom terms: for LR every point is read with x and y swapped, then swapped back.
  const view = (p: Point) => (lr ? swap(p) : p);
  const centre = new Map(input.boxes.map((b) => [b.id, view({ x: g.node(b.id).x ?? 0, y: g.node(b.id).y ?? 0 })]));
  const size = new Map(input.boxes.map((b) => [b.id, lr ? { w: b.height, h: b.width } : { w: b.width, h: b.height }]));
  const rankYs = new Set([...centre.values()].map((c) => c.y));
  const bendsOf = new Map(input.edges.map((e) => [e.id, (g.edge({ v: e.source, w: e.target, name: e.id }).points ?? []).map(view).slice(1, -1)]));
  const onRank = (p: Point) => [...rankYs].some((r) => Math.abs(r - p.y) < 0.5);
  const byId = new Map(input.edges.map((e) => [e.id, e]));
  /** Where an edge runs beside its box's side: the lane it takes through the next rank, else the far box. */
  const laneX = (id: string, side: 'out' | 'in') => {
    const bends = bendsOf.get(id) ?? [];
    const lane = side === 'out' ? bends.find(onRank) : [...bends].reverse().find(onRank);
    const far = byId.get(id)?.[side === 'out' ? 'target' : 'source'] ?? '';
    return lane?.x ?? centre.get(far)?.x ?? 0;
  };
  const outPorts = new Map<string, number>();
  const inPorts = new Map<string, number>();
  for (const box of input.boxes) {
    const c = centre.get(box.id) as Point;
    const { w } = size.get(box.id) as { w: number };
    const spread = (side: 'out' | 'in', ports: Map<string, number>) =>
      input.edges
        .filter((e) => (side === 'out' ? e.source : e.target) === box.id)
        .map((e) => e.id)
        .sort((a, b) => laneX(a, side) - laneX(b, side))
        .forEach((id, i, all) => ports.set(id, port(c.x - w / 2, w, i, all.length)));
    spread('out', outPorts);
    spread('in', inPorts);
  }
  const edges = new Map<string, readonly Point[]>();
  for (const e of input.edges) {
    const from = centre.get(e.source) as Point;
    const to = centre.get(e.target) as Point;
    const start = { x: outPorts.get(e.id) ?? from.x, y: from.y + (size.get(e.source)?.h ?? 0) / 2 };
    const end = { x: inPorts.get(e.id) ?? to.x, y: to.y - (size.get(e.target)?.h ?? 0) / 2 };
    edges.set(e.id, orthogonal(start, bendsOf.get(e.id) ?? [], end, rankYs).map(view));
  }

  const boxes = new Map(input.boxes.map((b) => [b.id, { x: (g.node(b.id).x ?? 0) - b.width / 2, y: (g.node(b.id).y ?? 0) - b.height / 2 }]));
  const clusters = new Map(
    input.clusters.map((c) => {
      const n = g.node(c.id);
      const width = n.width ?? 0;
      const height = (n.height ?? 0) + CLUSTER_LABEL_HEIGHT;
      return [c.id, { x: (n.x ?? 0) - width / 2, y: (n.y ?? 0) - (n.height ?? 0) / 2 - CLUSTER_LABEL_HEIGHT, width, height }];
    }),
  );
  const { width = 0, height = 0 } = g.graph();
  return { width, height, boxes, edges, clusters };
}
