import { GraphBuilder } from './builder';
import { addTransformerEncoder } from './transformer-encoder';
import { layeredLayout } from '../graph/layout';
import type { LayerKind } from '../graph/layer-kinds';
import type { Graph, ParamValue } from '../graph/types';
import { defaultParams } from '../layers/params';
import { layerSpec } from '../layers/registry';

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

/** One clip's log-mel spectrogram with the default audio settings: 49 frames of 40 mel bands. */
const SPECTROGRAM: readonly [number, number, number] = [49, 40, 1];

/**
 * A small CNN for keyword spotting on log-mel spectrograms (`[frames, mels, 1]`, like a
 * one-channel image). BatchNormalization first, because log-mel values sit around -14..5 rather
 * than in [0, 1]. It ends in GlobalMaxPooling2D rather than Flatten: a word is the same word
 * wherever it falls in the clip, and taking each filter's strongest response anywhere says so
 * (on the speech sample it reached 0.98-1.00 validation accuracy in 30 epochs where the same
 * blocks with Flatten reached 0.81-0.88), with a third of the weights (about 28k).
 */
export function speechCnn(classes = 8, input: readonly number[] = SPECTROGRAM): Graph {
  const b = new GraphBuilder();
  const conv = (filters: number): [LayerKind, Record<string, ParamValue>] => ['Conv2D', { filters, kernel_size: [3, 3], padding: 'same', activation: 'relu' }];
  b.chain(
    b.input(input),
    ['BatchNormalization'],
    conv(16),
    ['MaxPooling2D'],
    conv(32),
    ['MaxPooling2D'],
    conv(64),
    ['GlobalMaxPooling2D'],
    ['Dropout', { rate: 0.25 }],
    ['Dense', { units: 64, activation: 'relu' }],
    ['Dense', { units: classes, activation: 'softmax' }],
  );
  return layeredLayout(b.graph);
}

/**
 * A recurrent keyword spotter: the spectrogram read as a sequence of frames. TimeDistributed(Flatten)
 * turns `[frames, mels, 1]` into `[frames, mels]` whatever the mel count, BatchNormalization
 * scales each mel band, and a GRU reads the frames in order.
 */
export function speechGru(classes = 8, input: readonly number[] = SPECTROGRAM): Graph {
  const b = new GraphBuilder();
  b.chain(
    b.input(input),
    ['TimeDistributed', { layer: { kind: 'Flatten', params: defaultParams(layerSpec('Flatten').params) } }],
    ['BatchNormalization'],
    ['GRU', { units: 64 }],
    ['Dense', { units: classes, activation: 'softmax' }],
  );
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
    id: 'speech-cnn',
    title: 'Speech commands — CNN',
    description:
      'BatchNormalization -> three Conv2D blocks -> GlobalMaxPooling2D -> Dense over 49x40 log-mel spectrograms of 1 s sound clips; for keyword spotting.',
    keywords: ['audio', 'sound', 'speech', 'spectrogram', 'keyword spotting', 'voice', 'microphone', 'cnn', 'speech commands'],
    build: () => speechCnn(),
  },
  {
    id: 'speech-gru',
    title: 'Speech commands — GRU',
    description: 'TimeDistributed(Flatten) -> BatchNormalization -> GRU -> Dense: a 49x40 log-mel spectrogram read frame by frame; for keyword spotting.',
    keywords: ['audio', 'sound', 'speech', 'spectrogram', 'keyword spotting', 'voice', 'microphone', 'rnn', 'recurrent', 'speech commands'],
    build: () => speechGru(),
  },
  {
    id: 'resnet',
    title: 'Residual block',
    description: 'A ResNet-style block: two convolutions whose output is added to their input.',
    keywords: ['image', 'cnn', 'resnet', 'skip connection', 'residual'],
    build: () => residualBlock(),
  },
];
