import { GraphBuilder } from './builder';
import { addTransformerEncoder } from './transformer-encoder';
import { layeredLayout } from '../graph/layout';
import type { Graph } from '../graph/types';

/** A starting graph users can pick instead of a blank canvas. */
export interface Template {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  /** Other words palette search finds it by: the data it is for and the job it does. */
  readonly keywords: readonly string[];
  readonly build: () => Graph;
  /**
   * A project file under `public/` holding `build()`'s graph with trained weights: New opens it
   * with them, as Open does a project saved with its weights.
   */
  readonly weightsProject?: string;
}

/**
 * The Keras example every user knows: `Sequential([Dense(64, activation='relu',
 * input_shape=(d,)), Dense(k, activation='softmax')])`.
 */
export function seedExample(features = 4, classes = 3): Graph {
  const b = new GraphBuilder();
  b.chain(b.input([features]), ['Dense', { units: 64, activation: 'relu' }], ['Dense', { units: classes, activation: 'softmax' }]);
  return layeredLayout(b.graph);
}

/** The feature layers of {@link digitsCnn}: two Conv2D + MaxPooling blocks, then Flatten. */
function chainDigitsBase(b: GraphBuilder): string {
  return b.chain(
    b.input([28, 28, 1]),
    ['Conv2D', { filters: 16, kernel_size: [3, 3], activation: 'relu' }],
    ['MaxPooling2D'],
    ['Conv2D', { filters: 32, kernel_size: [3, 3], activation: 'relu' }],
    ['MaxPooling2D'],
    ['Flatten'],
  );
}

/** A small CNN for 28x28 grayscale digits. */
export function digitsCnn(classes = 10): Graph {
  const b = new GraphBuilder();
  b.chain(chainDigitsBase(b), ['Dropout', { rate: 0.25 }], ['Dense', { units: 64, activation: 'relu' }], ['Dense', { units: classes, activation: 'softmax' }]);
  return layeredLayout(b.graph);
}

/**
 * The convolutional base of {@link digitsCnn} without its head (Keras's `include_top=False`): its
 * layers have the same names, so the weights `scripts/make-pretrained-base.ts` trains in the full
 * CNN fit it. It ends in Flatten, ready for a new Dense head.
 */
export function digitsCnnBase(): Graph {
  const b = new GraphBuilder();
  chainDigitsBase(b);
  return layeredLayout(b.graph);
}

/** The project file, under `public/`, with {@link digitsCnnBase} pretrained on the built-in digits. */
export const PRETRAINED_DIGITS_BASE = 'models/pretrained-digits-base.netloom.json';

/** An LSTM text classifier over padded token ids. */
export function lstmTextClassifier(vocabulary = 5000, length = 100, classes = 2): Graph {
  const b = new GraphBuilder();
  b.chain(
    b.input([length]),
    ['Embedding', { input_dim: vocabulary, output_dim: 32 }],
    ['LSTM', { units: 32 }],
    ['Dense', { units: classes, activation: 'softmax' }],
  );
  return layeredLayout(b.graph);
}

/**
 * Keras's "text classification with Transformer" example: token and position embeddings, one
 * encoder block (self-attention and a feed-forward network, each with a residual Add and
 * LayerNormalization; one collapsed TransformerEncoder group on the canvas), then average pooling
 * over the sequence and a softmax.
 */
export function transformerTextClassifier(vocabulary = 5000, length = 100, classes = 2, dModel = 32): Graph {
  const b = new GraphBuilder();
  const embedded = b.add('TokenAndPositionEmbedding', { vocabulary_size: vocabulary, sequence_length: length, embedding_dim: dModel }, b.input([length]));
  const encoder = addTransformerEncoder(b, embedded, { dModel, ffDim: 64 });
  b.chain(encoder.output, ['GlobalAveragePooling1D'], ['Dropout', { rate: 0.1 }], ['Dense', { units: classes, activation: 'softmax' }]);
  return layeredLayout(b.graph);
}

/** A small ResNet-style network: one residual block whose skip connection joins with Add. */
export function residualBlock(classes = 10): Graph {
  const b = new GraphBuilder();
  const stem = b.add('Conv2D', { filters: 16, kernel_size: [3, 3], padding: 'same', activation: 'relu' }, b.input([32, 32, 3]));
  const branch = b.chain(
    stem,
    ['Conv2D', { filters: 16, kernel_size: [3, 3], padding: 'same', activation: 'relu' }],
    ['Conv2D', { filters: 16, kernel_size: [3, 3], padding: 'same' }],
  );
  const sum = b.add('Add', {}, stem, branch);
  b.chain(sum, ['Activation', { activation: 'relu' }], ['GlobalAveragePooling2D'], ['Dense', { units: classes, activation: 'softmax' }]);
  return layeredLayout(b.graph);
}

/** Every template, in the order the UI offers them. */
export const TEMPLATES: readonly Template[] = [
  {
    id: 'blank',
    title: 'Blank canvas',
    description: 'Start from nothing: drag an Input from the palette.',
    keywords: ['empty', 'new'],
    build: () => ({ nodes: [], edges: [] }),
  },
  {
    id: 'seed',
    title: 'Dense classifier (Keras seed)',
    description: 'Input(4) -> Dense(64, relu) -> Dense(3, softmax), the Keras example for tabular data such as Iris.',
    keywords: ['tabular', 'iris', 'csv', 'mlp', 'fully connected', 'example'],
    build: () => seedExample(),
  },
  {
    id: 'cnn',
    title: 'CNN for 28x28 images',
    description: 'Two Conv2D + MaxPooling blocks, then Dense layers; for handwritten digits.',
    keywords: ['image', 'cnn', 'convnet', 'vision', 'digits', 'mnist'],
    build: () => digitsCnn(),
  },
  {
    id: 'pretrained-digits',
    title: 'Pretrained digits base (transfer learning)',
    description:
      "The CNN's convolutional base with weights pretrained on the built-in MNIST digits, no head: freeze it, attach a Dense head for your images, train.",
    keywords: ['image', 'cnn', 'pretrained', 'transfer learning', 'fine-tune', 'digits', 'mnist'],
    build: () => digitsCnnBase(),
    weightsProject: PRETRAINED_DIGITS_BASE,
  },
  {
    id: 'text-transformer',
    title: 'Text classifier — Transformer',
    description: 'TokenAndPositionEmbedding -> a Transformer encoder block (MultiHeadAttention, Add, LayerNormalization, feed-forward) -> pooling -> Dense.',
    keywords: ['text', 'transformer', 'attention', 'sequence', 'nlp', 'bert'],
    build: () => transformerTextClassifier(),
  },
  {
    id: 'lstm',
    title: 'Text classifier — LSTM',
    description: 'Embedding -> LSTM -> Dense over sequences of token ids.',
    keywords: ['text', 'sequence', 'rnn', 'recurrent', 'nlp'],
    build: () => lstmTextClassifier(),
  },
  {
    id: 'resnet',
    title: 'Residual block',
    description: 'A ResNet-style block: two convolutions whose output is added to their input.',
    keywords: ['image', 'cnn', 'resnet', 'skip connection', 'residual'],
    build: () => residualBlock(),
  },
];
