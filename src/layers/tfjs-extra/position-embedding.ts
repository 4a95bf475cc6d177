import type * as tfjs from '@tensorflow/tfjs';
import type { Tf } from '../layer-spec';
import type { Extension, ExtensionClass } from './extension';

type Shape = (number | null)[];
type Kwargs = Record<string, unknown>;
type Init = ReturnType<typeof tfjs.initializers.zeros>;

const oneShape = (s: Shape | Shape[]): Shape => (Array.isArray(s[0]) ? (s[0] as Shape) : (s as Shape));
const one = (x: tfjs.Tensor | tfjs.Tensor[]): tfjs.Tensor => (Array.isArray(x) ? (x[0] as tfjs.Tensor) : x);
const whole = (v: unknown): number => (typeof v === 'number' && Number.isInteger(v) && v > 0 ? v : 0);

/** A tfjs initializer from its identifier (`glorotUniform`) or Keras's name (`glorot_uniform`). */
function initializerOf(tf: Tf, name: unknown, fallback: string): Init {
  const id = (typeof name === 'string' ? name : fallback).replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
  const alias: Readonly<Record<string, string>> = {
    uniform: 'randomUniform',
    normal: 'randomNormal',
    lecunUniform: 'leCunUniform',
    lecunNormal: 'leCunNormal',
  };
  const make = (tf.initializers as unknown as Record<string, ((args: object) => Init) | undefined>)[alias[id] ?? id];
  if (make === undefined) throw new Error(`Netloom knows no initializer ${String(name)}`);
  return make({});
}

/**
 * The first `length` rows of a [sequence_length, features] table, broadcast to `shape`: what
 * KerasHub's PositionEmbedding returns for a sequence no longer than its sequence_length
 * (start_index 0). KerasHub's newer releases extend longer sequences hierarchically; Netloom
 * refuses them instead (the shape check says so), and so does this at run time.
 */
function positions(tf: Tf, table: tfjs.Tensor, shape: number[], name: string): tfjs.Tensor {
  const length = shape[shape.length - 2] ?? 0;
  const max = table.shape[0] ?? 0;
  if (length > max) throw new Error(`${name}: a sequence of ${length} is longer than its sequence_length ${max}`);
  const rows = length === max ? table : tf.slice(table, [0, 0], [length, -1]);
  return tf.broadcastTo(rows, shape);
}

/**
 * KerasHub's `keras_hub.layers.PositionEmbedding`: a learned [sequence_length, features] weight
 * named `embeddings`, whose first rows it returns broadcast to the (batch, seq, features) input's
 * shape; the input's values are not used (the caller adds the result, as KerasHub's examples do).
 */
function positionEmbeddingClass(tf: Tf): ExtensionClass {
  class PositionEmbedding extends tf.layers.Layer {
    static readonly className = 'PositionEmbedding';
    static readonly netloom = true as const;
    readonly sequenceLength: number;
    readonly initializer: string;
    private table: tfjs.LayerVariable | null = null;

    constructor(args: Kwargs = {}) {
      super(args);
      this.sequenceLength = whole(args.sequenceLength);
      if (this.sequenceLength < 1) throw new Error('PositionEmbedding needs a sequence_length of at least 1');
      this.initializer = typeof args.initializer === 'string' ? args.initializer : 'glorotUniform';
    }

    override build(inputShape: Shape | Shape[]): void {
      const shape = oneShape(inputShape);
      const features = shape[shape.length - 1] ?? null;
      if (features === null) throw new Error(`PositionEmbedding ${this.name} needs a known feature size`);
      this.table = this.addWeight('embeddings', [this.sequenceLength, features], 'float32', initializerOf(tf, this.initializer, 'glorotUniform'));
      this.built = true;
    }

    override call(inputs: tfjs.Tensor | tfjs.Tensor[]): tfjs.Tensor {
      return tf.tidy(() => {
        if (this.table === null) throw new Error(`PositionEmbedding ${this.name} is not built`);
        return positions(tf, this.table.read(), one(inputs).shape, `PositionEmbedding ${this.name}`);
      });
    }

    override computeOutputShape(inputShape: Shape | Shape[]): Shape {
      return oneShape(inputShape);
    }

    override getConfig(): tfjs.serialization.ConfigDict {
      return { ...super.getConfig(), sequenceLength: this.sequenceLength, initializer: this.initializer };
    }
  }
  return PositionEmbedding as unknown as ExtensionClass;
}

/**
 * KerasHub's `keras_hub.layers.TokenAndPositionEmbedding`: token ids (batch, seq) to a learned
 * vector per token (`token_embedding/embeddings`, [vocabulary_size, embedding_dim]) plus a learned
 * vector per position (`position_embedding/embeddings`, [sequence_length, embedding_dim]). Both
 * start from `embeddingsInitializer` (KerasHub's default "uniform": ±0.05). Masks (`mask_zero`)
 * and `tie_weights` (used only by KerasHub's reverse projection) are not supported.
 */
function tokenAndPositionEmbeddingClass(tf: Tf): ExtensionClass {
  class TokenAndPositionEmbedding extends tf.layers.Layer {
    static readonly className = 'TokenAndPositionEmbedding';
    static readonly netloom = true as const;
    readonly vocabularySize: number;
    readonly sequenceLength: number;
    readonly embeddingDim: number;
    readonly embeddingsInitializer: string;
    private tokens: tfjs.LayerVariable | null = null;
    private table: tfjs.LayerVariable | null = null;

    constructor(args: Kwargs = {}) {
      super(args);
      this.vocabularySize = whole(args.vocabularySize);
      this.sequenceLength = whole(args.sequenceLength);
      this.embeddingDim = whole(args.embeddingDim);
      if (this.vocabularySize < 1 || this.sequenceLength < 1 || this.embeddingDim < 1) {
        throw new Error('TokenAndPositionEmbedding needs vocabulary_size, sequence_length and embedding_dim of at least 1');
      }
      this.embeddingsInitializer = typeof args.embeddingsInitializer === 'string' ? args.embeddingsInitializer : 'randomUniform';
    }

    override build(): void {
      const init = () => initializerOf(tf, this.embeddingsInitializer, 'randomUniform');
      this.tokens = this.addWeight('token_embedding/embeddings', [this.vocabularySize, this.embeddingDim], 'float32', init());
      this.table = this.addWeight('position_embedding/embeddings', [this.sequenceLength, this.embeddingDim], 'float32', init());
      this.built = true;
    }

    override call(inputs: tfjs.Tensor | tfjs.Tensor[]): tfjs.Tensor {
      return tf.tidy(() => {
        if (this.tokens === null || this.table === null) throw new Error(`TokenAndPositionEmbedding ${this.name} is not built`);
        const ids = one(inputs);
        const flat = tf.cast(tf.reshape(ids, [-1]), 'int32');
        const embedded = tf.reshape(tf.gather(this.tokens.read(), flat), [...ids.shape, this.embeddingDim]);
        return tf.add(embedded, positions(tf, this.table.read(), embedded.shape, `TokenAndPositionEmbedding ${this.name}`));
      });
    }

    override computeOutputShape(inputShape: Shape | Shape[]): Shape {
      return [...oneShape(inputShape), this.embeddingDim];
    }

    override getConfig(): tfjs.serialization.ConfigDict {
      return {
        ...super.getConfig(),
        vocabularySize: this.vocabularySize,
        sequenceLength: this.sequenceLength,
        embeddingDim: this.embeddingDim,
        embeddingsInitializer: this.embeddingsInitializer,
      };
    }
  }
  return TokenAndPositionEmbedding as unknown as ExtensionClass;
}

/** KerasHub's position embeddings, which tfjs 4.22 lacks. */
export const POSITION_EMBEDDING_EXTENSIONS: readonly Extension[] = [
  { className: 'PositionEmbedding', make: positionEmbeddingClass },
  { className: 'TokenAndPositionEmbedding', make: tokenAndPositionEmbeddingClass },
];
