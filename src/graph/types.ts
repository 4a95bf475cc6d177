import type { LayerKind } from './layer-kinds';

/** One dimension of a tensor shape; `null` is a dimension unknown until run time (the batch). */
export type Dim = number | null;

/** A tensor shape including the batch axis, as Keras prints it: `[null, 26, 26, 32]`. */
export type Shape = readonly Dim[];

/** A layer held inside another (TimeDistributed, Bidirectional, an RNN's cells): its kind and its own params. */
export interface WrappedLayer {
  readonly kind: LayerKind;
  readonly params: Params;
}

/**
 * A value a layer parameter can hold; `null` is Keras's `None` (e.g. pooling strides = pool size).
 * Tuples may hold `null` entries (an Input of shape `(None, None, 3)`); padding and cropping are
 * `[before, after]` pairs per axis; wrappers hold a whole layer, an RNN a list of them (its cells).
 */
export type ParamValue = number | boolean | string | readonly Dim[] | readonly (readonly number[])[] | WrappedLayer | readonly WrappedLayer[] | null;

/** A layer's parameters by Keras config key (snake_case). */
export type Params = Readonly<Record<string, ParamValue>>;

/** Where a node sits on the canvas. */
export interface Position {
  readonly x: number;
  readonly y: number;
}

/** One layer in the graph. `name` is the Keras layer name: unique, a valid Python identifier. */
export interface LayerNode {
  readonly id: string;
  readonly kind: LayerKind;
  readonly name: string;
  readonly params: Params;
  readonly position: Position;
  /**
   * Keras's `trainable`: false freezes the layer, so training leaves its weights as they are and
   * every weight counts as non-trainable. Absent means trainable, as in Keras.
   */
  readonly trainable?: boolean;
}

/**
 * A tensor flowing from `source`'s output into input slot `targetSlot` of `target`. Merge layers
 * take their inputs in slot order.
 */
export interface Edge {
  readonly id: string;
  readonly source: string;
  readonly target: string;
  readonly targetSlot: number;
}

/**
 * Layers shown together as one block on the canvas (a TransformerEncoder, later a nested model):
 * an editing aid only. The model is the same with or without it; compile and export never read
 * groups. A node belongs to at most one group (docs/groups.md).
 */
export interface NodeGroup {
  /** Unique among groups and nodes: the canvas shows a group as a node with this id. */
  readonly id: string;
  /** What the canvas shows, e.g. `TransformerEncoder`. */
  readonly title: string;
  /** What made the group: a palette block's id (`TransformerEncoder`), or `Group` for a plain one. */
  readonly kind: string;
  /** The ids of the layers in the group, in the order the block built them. */
  readonly members: readonly string[];
  /** Drawn as one node (true) or as its layers inside a labelled frame (false). */
  readonly collapsed: boolean;
}

/**
 * A model as a DAG of layers (the Keras functional API). Its inputs are the Input layers; its
 * outputs are the layers nothing else consumes. `groups` (absent: none) only say how the canvas
 * draws some of its layers.
 */
export interface Graph {
  readonly nodes: readonly LayerNode[];
  readonly edges: readonly Edge[];
  readonly groups?: readonly NodeGroup[];
}

/** Trainable and non-trainable weight counts of one layer or a whole model. */
export interface ParamCount {
  readonly trainable: number;
  readonly nonTrainable: number;
}
