import { groupById, groupOutput, memberBounds, CARD_WIDTH } from '../graph/groups';
import { LAYOUT_X_SPACING, LAYOUT_Y_SPACING } from '../graph/layout';
import { lastDim } from '../graph/shape';
import type { Graph, Position } from '../graph/types';
import { analyze } from './analyze';
import { GraphBuilder } from './builder';

/** The encoder block's sizes; each defaults to the Keras guide's (see {@link addTransformerEncoder}). */
export interface TransformerEncoderOptions {
  /** The block's feature size (`embed_dim`); default: the input's last size when known, else 32. */
  readonly dModel?: number;
  readonly numHeads?: number;
  readonly keyDim?: number;
  /** Units of the feed-forward network's hidden Dense. */
  readonly ffDim?: number;
  /** Dropout rate after the attention and after the feed-forward network. */
  readonly dropout?: number;
  /** LayerNormalization's epsilon. */
  readonly epsilon?: number;
  /** Start collapsed on the canvas (default true). */
  readonly collapsed?: boolean;
}

/** What adding the block made: its layers in build order, its group and its output layer. */
export interface AddedBlock {
  readonly members: readonly string[];
  readonly group: string;
  readonly output: string;
}

/** The graph with a block added, or why it could not be. */
export type BlockInsert = { readonly ok: true; readonly graph: Graph; readonly block: AddedBlock } | { readonly ok: false; readonly reason: string };

/** The group kind and title the encoder block gets. */
export const TRANSFORMER_ENCODER = 'TransformerEncoder';

/** The feature size used when the input's is not known yet (the Keras guide's `embed_dim`). */
export const DEFAULT_D_MODEL = 32;

const ROLES = ['attention', 'dropout1', 'add1', 'norm1', 'ffn1', 'ffn2', 'dropout2', 'add2', 'norm2'] as const;

/** The first `encoder<n>_` prefix none of whose layer names is taken. */
function freePrefix(b: GraphBuilder): string {
  for (let n = 1; ; n += 1) if (ROLES.every((role) => !b.hasName(`encoder${n}_${role}`))) return `encoder${n}_`;
}

/**
 * Adds the Transformer encoder block of the Keras guide ("Text classification with Transformer")
 * after layer `input`, wired and grouped as one `TransformerEncoder` group:
 * MultiHeadAttention(self-attention) -> Dropout -> Add(input, ·) -> LayerNormalization ->
 * Dense(ffDim, relu) -> Dense(dModel) -> Dropout -> Add(norm1, ·) -> LayerNormalization. Layers are
 * named `encoder<n>_attention` ... `encoder<n>_norm2` and placed in one column below `input`.
 */
export function addTransformerEncoder(b: GraphBuilder, input: string, options: TransformerEncoderOptions = {}): AddedBlock {
  const known = lastDim(analyze(b.graph).nodes[input]?.shape ?? []);
  const dModel = options.dModel ?? known ?? DEFAULT_D_MODEL;
  const { numHeads = 2, keyDim = 16, ffDim = 32, dropout = 0.1, epsilon = 1e-6 } = options;
  const attention = b.add('MultiHeadAttention', { num_heads: numHeads, key_dim: keyDim }, input);
  const dropout1 = b.add('Dropout', { rate: dropout }, attention);
  const add1 = b.add('Add', {}, input, dropout1);
  const norm1 = b.add('LayerNormalization', { epsilon }, add1);
  const ffn1 = b.add('Dense', { units: ffDim, activation: 'relu' }, norm1);
  const ffn2 = b.add('Dense', { units: dModel }, ffn1);
  const dropout2 = b.add('Dropout', { rate: dropout }, ffn2);
  const add2 = b.add('Add', {}, norm1, dropout2);
  const norm2 = b.add('LayerNormalization', { epsilon }, add2);
  const members = [attention, dropout1, add1, norm1, ffn1, ffn2, dropout2, add2, norm2];
  const prefix = freePrefix(b);
  members.forEach((id, i) => b.rename(id, `${prefix}${ROLES[i] ?? i}`));
  const group = b.group(TRANSFORMER_ENCODER, TRANSFORMER_ENCODER, members, options.collapsed ?? true);
  return { members, group, output: norm2 };
}

/**
 * The left edge of the first column near `origin.x` (its own, right, left, further right, ...) where no layer
 * overlaps the rows from `origin.y` down to `bottom`, so a new block does not land on a branch.
 */
function freeColumn(graph: Graph, origin: Position, bottom: number): number {
  const clear = (x: number) =>
    !graph.nodes.some((n) => Math.abs(n.position.x - x) < CARD_WIDTH && n.position.y > origin.y - LAYOUT_Y_SPACING / 2 && n.position.y < bottom);
  // Room for an expanded group's frame between the columns.
  const step = Math.max(LAYOUT_X_SPACING, CARD_WIDTH + 64);
  for (let k = 0; k < 50; k += 1) {
    const x = origin.x + (k % 2 === 1 ? (k + 1) / 2 : -k / 2) * step;
    if (clear(x)) return x;
  }
  return origin.x;
}

/**
 * The graph with a Transformer encoder block fed by `after` (a layer, or a group whose output is
 * one layer), as the palette adds it: see {@link addTransformerEncoder}. The block sits in the
 * first free column below `after`. Pure; refused when `after` is not in the graph.
 */
export function insertTransformerEncoder(graph: Graph, after: string, options: TransformerEncoderOptions = {}): BlockInsert {
  const group = groupById(graph, after);
  const source = group ? groupOutput(graph, group) : after;
  const node = graph.nodes.find((n) => n.id === source);
  if (!node) {
    return { ok: false, reason: group ? `${group.title} has no single output to feed the block from` : 'That layer no longer exists' };
  }
  const anchor = group?.collapsed ? memberBounds(graph, group).min : node.position;
  const b = new GraphBuilder(graph);
  const block = addTransformerEncoder(b, node.id, options);
  const top = anchor.y + LAYOUT_Y_SPACING;
  const rows = options.collapsed === false ? block.members.length : 1;
  const x = freeColumn(graph, { x: anchor.x, y: top }, top + rows * LAYOUT_Y_SPACING);
  block.members.forEach((id, i) => b.place(id, { x, y: top + i * LAYOUT_Y_SPACING }));
  return { ok: true, graph: b.graph, block };
}
