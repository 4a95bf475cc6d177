import type { Graph } from '../graph/types';
import type { Category } from '../layers/layer-spec';
import { TRANSFORMER_ENCODER, insertTransformerEncoder, type BlockInsert } from './transformer-encoder';

/**
 * A palette entry that adds several wired layers at once, grouped (docs/groups.md). Unlike a layer
 * kind it is no Keras class: the model holds its layers, the group only draws them together.
 */
export interface BlockSpec {
  /** Also the group's kind, e.g. `TransformerEncoder`. */
  readonly id: string;
  readonly category: Category;
  /** What it builds, in one or two sentences (palette tooltip). */
  readonly description: string;
  /** Other words palette search finds it by. */
  readonly keywords: readonly string[];
  /** The graph with the block added after layer (or group) `after`, fed by its output. */
  insertAfter(graph: Graph, after: string): BlockInsert;
}

/** Every block the palette offers, in palette order. */
export const BLOCKS: readonly BlockSpec[] = [
  {
    id: TRANSFORMER_ENCODER,
    category: 'Attention',
    description:
      'A Transformer encoder block (the Keras guide’s): self-attention, then a feed-forward network, each with dropout, a residual Add and LayerNormalization. Feed it (batch, seq, features), e.g. an Embedding.',
    keywords: ['transformer', 'encoder', 'attention', 'self-attention', 'bert', 'block', 'text', 'nlp'],
    insertAfter: (graph, after) => insertTransformerEncoder(graph, after),
  },
];

/** The block with `id`, if there is one. */
export const blockSpec = (id: string): BlockSpec | undefined => BLOCKS.find((b) => b.id === id);
