import { formatShape, lastDim } from '../graph/shape';
import type { Shape } from '../graph/types';
import { defineLayer, kerasCall } from './define-layer';
import { INITIALIZERS, tfjsInitializer } from './keras-values';
import type { InferResult, PyDefinition, ShapeContext } from './layer-spec';
import { choice, int } from './params';
import { fail, fromWhat, known, ok } from './shape-utils';
import { netloomLayer } from './tfjs-extra';

const registered = '@keras.saving.register_keras_serializable(package="netloom")';

/** KerasHub's PositionEmbedding as plain Keras, so an exported script needs no keras_hub. */
const POSITION_EMBEDDING_PY: PyDefinition = {
  name: 'PositionEmbedding',
  lines: [
    registered,
    'class PositionEmbedding(keras.layers.Layer):',
    '    """keras_hub.layers.PositionEmbedding for sequences up to sequence_length, in plain Keras: a learned',
    '    (sequence_length, features) weight whose first rows are returned broadcast to the input\'s shape."""',
    '',
    '    def __init__(self, sequence_length, initializer="glorot_uniform", **kwargs):',
    '        super().__init__(**kwargs)',
    '        self.sequence_length = int(sequence_length)',
    '        self.initializer = keras.initializers.get(initializer)',
    '',
    '    def build(self, input_shape):',
    '        self.position_embeddings = self.add_weight(',
    '            name="embeddings", shape=(self.sequence_length, input_shape[-1]), initializer=self.initializer',
    '        )',
    '',
    '    def call(self, inputs):',
    '        shape = keras.ops.shape(inputs)',
    '        table = keras.ops.convert_to_tensor(self.position_embeddings)[: shape[-2]]',
    '        return keras.ops.broadcast_to(table, shape)',
    '',
    '    def compute_output_shape(self, input_shape):',
    '        return input_shape',
    '',
    '    def get_config(self):',
    '        initializer = keras.initializers.serialize(self.initializer)',
    '        return {**super().get_config(), "sequence_length": self.sequence_length, "initializer": initializer}',
  ],
};

/** KerasHub's TokenAndPositionEmbedding as plain Keras, with KerasHub's weight names. */
const TOKEN_AND_POSITION_EMBEDDING_PY: PyDefinition = {
  name: 'TokenAndPositionEmbedding',
  needs: [POSITION_EMBEDDING_PY],
  lines: [
    registered,
    'class TokenAndPositionEmbedding(keras.layers.Layer):',
    '    """keras_hub.layers.TokenAndPositionEmbedding in plain Keras: token vectors (token_embedding/embeddings)',
    '    plus position vectors (position_embedding/embeddings)."""',
    '',
    '    def __init__(self, vocabulary_size, sequence_length, embedding_dim, embeddings_initializer="uniform", **kwargs):',
    '        super().__init__(**kwargs)',
    '        self.vocabulary_size = int(vocabulary_size)',
    '        self.sequence_length = int(sequence_length)',
    '        self.embedding_dim = int(embedding_dim)',
    '        self.embeddings_initializer = embeddings_initializer',
    '        self.token_embedding = keras.layers.Embedding(',
    '            vocabulary_size, embedding_dim, embeddings_initializer=embeddings_initializer, name="token_embedding"',
    '        )',
    '        self.position_embedding = PositionEmbedding(sequence_length, initializer=embeddings_initializer, name="position_embedding")',
    '',
    '    def build(self, input_shape):',
    '        self.token_embedding.build(input_shape)',
    '        self.position_embedding.build(tuple(input_shape) + (self.embedding_dim,))',
    '',
    '    def call(self, inputs):',
    '        tokens = self.token_embedding(inputs)',
    '        return tokens + self.position_embedding(tokens)',
    '',
    '    def compute_output_shape(self, input_shape):',
    '        return tuple(input_shape) + (self.embedding_dim,)',
    '',
    '    def get_config(self):',
    '        return {',
    '            **super().get_config(),',
    '            "vocabulary_size": self.vocabulary_size,',
    '            "sequence_length": self.sequence_length,',
    '            "embedding_dim": self.embedding_dim,',
    '            "embeddings_initializer": self.embeddings_initializer,',
    '        }',
  ],
};

/** The problem with a sequence longer than the table, or null. */
function checkLength(kind: string, input: Shape, sequenceLength: number, ctx: ShapeContext): InferResult | null {
  const length = input[1] ?? null;
  if (length !== null && length > sequenceLength) {
    return fail(
      'invalid-param',
      `${kind} ${ctx.name} learns ${sequenceLength} positions but gets a sequence of ${length} (${formatShape(input)}${fromWhat(ctx)}); ` +
        `raise sequence_length to at least ${length}`,
    );
  }
  return null;
}

const positionParams = {
  sequence_length: int(64, 'The longest sequence the layer learns a position vector for; shorter ones use the first positions.', {
    min: 1,
    alwaysEmit: true,
  }),
  initializer: choice(INITIALIZERS, 'glorot_uniform', 'How the position vectors start before training.', { advanced: true }),
};

/**
 * KerasHub's `keras_hub.layers.PositionEmbedding`: one learned vector per position, returned
 * broadcast to the (batch, seq, features) input's shape (the input's values are not used; add the
 * result to the input with Add, as KerasHub's examples do). The Keras script defines the class
 * itself (`kerasDefinition`), so it runs with plain Keras 3.
 */
export const positionEmbedding = defineLayer({
  kind: 'PositionEmbedding',
  kerasClass: 'PositionEmbedding',
  category: 'Attention',
  keywords: ['transformer', 'positional encoding', 'position', 'keras_hub', 'text', 'nlp'],
  description:
    'Learned position vectors (KerasHub): for a (batch, seq, features) input, returns one learned vector per position in the same shape. Add it to the input to tell a Transformer where each token is.',
  params: positionParams,
  arity: { min: 1, max: 1 },
  kerasRequired: ['sequence_length'],
  inferShape: ([input = []], p, ctx) => {
    if (input.length !== 3) {
      return fail(
        'wrong-rank',
        `PositionEmbedding ${ctx.name} needs a 3-D input (batch, seq, features) but gets ${input.length}-D ${formatShape(input)}${fromWhat(ctx)}; ` +
          'put an Embedding before it',
      );
    }
    if (lastDim(input) === null)
      return fail('unknown-dim', `PositionEmbedding ${ctx.name} needs a known feature size but gets ${formatShape(input)}${fromWhat(ctx)}`);
    return checkLength('PositionEmbedding', input, p.sequence_length, ctx) ?? ok([...input]);
  },
  countParams: ([input = []], p) => ({ trainable: p.sequence_length * known(lastDim(input)), nonTrainable: 0 }),
  toTfjs: (tf, p, name) => netloomLayer(tf, 'PositionEmbedding', { name, sequenceLength: p.sequence_length, initializer: tfjsInitializer(p.initializer) }),
  kerasDefinition: POSITION_EMBEDDING_PY,
  // The script's own class (POSITION_EMBEDDING_PY), not a keras.layers one.
  toKeras: (p, name) => kerasCall('PositionEmbedding', positionParams, [], p, name).replace(/^layers\./, ''),
});

const tokenParams = {
  vocabulary_size: int(1000, 'Vocabulary size: the largest token id plus one.', { min: 1, alwaysEmit: true }),
  sequence_length: int(64, 'The longest sequence the layer learns a position vector for; shorter ones use the first positions.', {
    min: 1,
    alwaysEmit: true,
  }),
  embedding_dim: int(64, 'Length of the vector learned for each token and each position.', { min: 1, alwaysEmit: true }),
  embeddings_initializer: choice(INITIALIZERS, 'random_uniform', 'How the token and position vectors start (KerasHub: uniform in ±0.05).', {
    advanced: true,
  }),
};

/**
 * KerasHub's `keras_hub.layers.TokenAndPositionEmbedding`: integer token ids (batch, seq) to
 * (batch, seq, embedding_dim), the sum of a learned vector per token and one per position. The
 * Keras script defines the class itself, with KerasHub's weight names.
 */
export const tokenAndPositionEmbedding = defineLayer({
  kind: 'TokenAndPositionEmbedding',
  kerasClass: 'TokenAndPositionEmbedding',
  category: 'Attention',
  keywords: ['transformer', 'embedding', 'positional encoding', 'token', 'keras_hub', 'text', 'nlp', 'textvectorization'],
  description:
    'Token ids to vectors that also say where each token sits (KerasHub): a learned vector per token plus one per position, (batch, seq) to (batch, seq, embedding_dim). The usual first layer of a Transformer.',
  params: tokenParams,
  arity: { min: 1, max: 1 },
  kerasRequired: ['vocabulary_size', 'sequence_length', 'embedding_dim'],
  inferShape: ([input = []], p, ctx) => {
    if (input.length !== 2) {
      return fail(
        'wrong-rank',
        `TokenAndPositionEmbedding ${ctx.name} needs token ids (batch, seq) but gets ${input.length}-D ${formatShape(input)}${fromWhat(ctx)}`,
      );
    }
    return checkLength('TokenAndPositionEmbedding', input, p.sequence_length, ctx) ?? ok([...input, p.embedding_dim]);
  },
  countParams: (_inputs, p) => ({ trainable: (p.vocabulary_size + p.sequence_length) * p.embedding_dim, nonTrainable: 0 }),
  toTfjs: (tf, p, name) =>
    netloomLayer(tf, 'TokenAndPositionEmbedding', {
      name,
      vocabularySize: p.vocabulary_size,
      sequenceLength: p.sequence_length,
      embeddingDim: p.embedding_dim,
      embeddingsInitializer: tfjsInitializer(p.embeddings_initializer),
    }),
  kerasDefinition: TOKEN_AND_POSITION_EMBEDDING_PY,
  toKeras: (p, name) => kerasCall('TokenAndPositionEmbedding', tokenParams, [], p, name).replace(/^layers\./, ''),
});
