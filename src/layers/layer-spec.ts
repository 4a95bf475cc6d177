import type * as tfjs from '@tensorflow/tfjs';
import type { DiagnosticCode } from '../graph/diagnostics';
import type { ParamCount, ParamValue, Shape } from '../graph/types';
import type { LayerKind } from './registry';
import type { ParamSpecs, ParamValues } from './params';

/** The tfjs namespace, passed in so that only code that really compiles loads tfjs. */
export type Tf = typeof tfjs;

/** A tfjs layer instance. */
export type TfLayer = tfjs.layers.Layer;

/** Palette groups, as Keras's layer reference groups its layers. */
export type Category =
  | 'Input'
  | 'Core'
  | 'Activation'
  | 'Convolution'
  | 'Pooling'
  | 'Recurrent'
  | 'Attention'
  | 'Preprocessing'
  | 'Normalization'
  | 'Regularization'
  | 'Reshaping'
  | 'Merge';

/** A repair relative to the layer being checked; analysis adds the node ids. */
export type LayerFix =
  | { readonly kind: 'insert-layer'; readonly label: string; readonly slot: number; readonly layer: LayerKind }
  | { readonly kind: 'set-param'; readonly label: string; readonly param: string; readonly value: ParamValue };

/** A problem a layer finds with its inputs or parameters. */
export interface LayerProblem {
  readonly code: DiagnosticCode;
  readonly message: string;
  readonly fix?: LayerFix;
}

/** What a layer knows about where it sits, for messages that name things. */
export interface ShapeContext {
  /** This layer's name, e.g. `dense_2`. */
  readonly name: string;
  /** Keras class of the layer feeding each input slot, e.g. `Conv2D`. */
  readonly inputClasses: readonly string[];
}

/** The output shape, or the problem that prevents one. Warnings do not stop inference. */
export type InferResult =
  { readonly ok: true; readonly shape: Shape; readonly warnings?: readonly LayerProblem[] } | { readonly ok: false; readonly problem: LayerProblem };

/**
 * Python a Keras script must define before it can use a layer or activation Keras 3 lacks (or
 * computes otherwise): a registered function or class, under `name`.
 */
export interface PyDefinition {
  readonly name: string;
  readonly lines: readonly string[];
  /** Definitions these lines use, written before them (once each, however many need them). */
  readonly needs?: readonly PyDefinition[];
}

/** A Keras layer `config` object as found in model.json or `model.to_json()`. */
export type KerasConfig = Readonly<Record<string, unknown>>;

/** A reference to one output tensor in a Keras file: output `tensor` of call `node` of layer `layer`. */
export interface KerasRef {
  readonly layer: string;
  readonly node: number;
  readonly tensor: number;
}

/** One call of a layer as a Keras file records it (one entry of its `inbound_nodes`). */
export interface KerasCall {
  /** The tensors passed positionally, in order (a merge layer's list flattened). */
  readonly args: readonly KerasRef[];
  /** Tensors passed by keyword (Keras 3: `value=x`, `attention_mask=m`). */
  readonly tensors: Readonly<Record<string, KerasRef>>;
  /**
   * The call's other keyword arguments as written (Keras 3: `use_causal_mask: true`,
   * `training: null`); undefined in the Keras 2 / tfjs form, whose per-tensor kwargs are not read.
   */
  readonly options?: Readonly<Record<string, unknown>>;
}

/** What a layer reads from its call: its inputs in slot order, and call arguments it keeps as config keys. */
export interface KerasCallReading {
  readonly inputs: readonly KerasRef[];
  readonly config: KerasConfig;
}

/**
 * Everything Netloom knows about one layer kind. One file per kind defines one of these; the
 * registry collects them. Parameter keys are Keras config keys, so most translation is generic.
 */
export interface LayerSpec<S extends ParamSpecs = ParamSpecs, K extends LayerKind = LayerKind> {
  /** The kind this spec defines: the registry accepts it under this key only. */
  readonly kind: K;
  /** Keras class name, e.g. `Conv2D`; also the default label. */
  readonly kerasClass: string;
  readonly category: Category;
  /** The Keras meaning in one or two sentences (palette tooltip). */
  readonly description: string;
  /**
   * Other words palette search finds the layer by: what people call it or the job it does
   * ("fully connected", "image", "text"), when its name and description do not say them.
   */
  readonly keywords?: readonly string[];
  readonly params: S;
  /** How many inputs the layer takes; `max` is Infinity for merge layers. */
  readonly arity: { readonly min: number; readonly max: number };
  /** Parameters Keras takes positionally, in order (`Dense(64)`). */
  readonly positional: readonly (keyof S & string)[];
  /**
   * The parameters a layer's card shows under its name, in order (`64 · relu` for Dense). A layer
   * file may name them; `defineLayer` otherwise takes the positional ones, those Keras requires,
   * and the activation. Empty where the card shows them already (Reshape's target is its shape).
   */
  readonly headline?: readonly (keyof S & string)[];
  /** Output shape from input shapes (batch axis included), pure. */
  inferShape(inputs: readonly Shape[], params: ParamValues<S>, ctx: ShapeContext): InferResult;
  /** Weight counts, given shapes that `inferShape` accepted. */
  countParams(inputs: readonly Shape[], params: ParamValues<S>, output: Shape): ParamCount;
  /** Builds the tfjs layer named `name`. */
  toTfjs(tf: Tf, params: ParamValues<S>, name: string): TfLayer;
  /**
   * The layer as one Python expression, e.g. `layers.Dense(64, activation="relu", name="dense_1")`;
   * `name` is null for a layer inside a wrapper (TimeDistributed, Bidirectional), which Keras names.
   */
  toKeras(params: ParamValues<S>, name: string | null): string;
  /** Parameters from a Keras layer config; throws ImportError on values it cannot represent. */
  fromKeras(config: KerasConfig): ParamValues<S>;
  /**
   * The arguments of the layer's call in a functional Keras script, given its inputs' variables
   * in slot order, when they are not Keras's usual `layer(x)` or, for several inputs,
   * `layer([a, b])` (MultiHeadAttention is called `layer(query, value)`). A layer with this is
   * never written into `keras.Sequential`.
   */
  kerasCallArgs?(sources: readonly string[], params: ParamValues<S>): string;
  /**
   * Reads the layer's call, for a layer whose call takes more than its inputs (MultiHeadAttention's
   * `layer(query, value, use_causal_mask=True)`): which tensors feed which slot, and call
   * arguments that go into the config `fromKeras` reads. `config` is the layer's own. Throws
   * UserFileError for a call Netloom cannot represent. Without it, a tensor passed by keyword is refused.
   */
  fromKerasCall?(call: KerasCall, config: KerasConfig): KerasCallReading;
  /** The class a Keras 3 script must define to use this layer, when Keras 3 has none. */
  readonly kerasDefinition?: PyDefinition;
}

/**
 * How a wrapper layer reaches the layers it may hold: the registry hands this to the wrapper's
 * factory, so wrapper files do not import the registry that imports them.
 */
export interface LayerLookup {
  spec(kind: LayerKind): AnyLayerSpec;
  /** The kind for a Keras class name, or undefined for a class Netloom does not know. */
  kindFor(kerasClass: string): LayerKind | undefined;
}

/** A spec with its parameter types erased, as the registry and generic code see it. */
export interface AnyLayerSpec extends Omit<LayerSpec, 'inferShape' | 'countParams' | 'toTfjs' | 'toKeras' | 'fromKeras' | 'kerasCallArgs'> {
  inferShape(inputs: readonly Shape[], params: Readonly<Record<string, ParamValue>>, ctx: ShapeContext): InferResult;
  countParams(inputs: readonly Shape[], params: Readonly<Record<string, ParamValue>>, output: Shape): ParamCount;
  toTfjs(tf: Tf, params: Readonly<Record<string, ParamValue>>, name: string): TfLayer;
  toKeras(params: Readonly<Record<string, ParamValue>>, name: string | null): string;
  fromKeras(config: KerasConfig): Readonly<Record<string, ParamValue>>;
  kerasCallArgs?(sources: readonly string[], params: Readonly<Record<string, ParamValue>>): string;
}
