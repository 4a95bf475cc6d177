import { activation } from './activation';
import { add } from './add';
import { alphaDropout } from './alpha-dropout';
import { average } from './average';
import { averagePooling1d } from './average-pooling1d';
import { averagePooling2d } from './average-pooling2d';
import { averagePooling3d } from './average-pooling3d';
import { batchNormalization } from './batch-normalization';
import { bidirectionalLayer } from './bidirectional';
import { categoryEncoding } from './category-encoding';
import { centerCrop } from './center-crop';
import { concatenate } from './concatenate';
import { convLstm2d } from './conv-lstm2d';
import { conv1d } from './conv1d';
import { conv2d } from './conv2d';
import { conv2dTranspose } from './conv2d-transpose';
import { conv3d } from './conv3d';
import { conv3dTranspose } from './conv3d-transpose';
import { cropping2d } from './cropping2d';
import { dense } from './dense';
import { depthwiseConv2d } from './depthwise-conv2d';
import { dot } from './dot';
import { dropout } from './dropout';
import { elu } from './elu';
import { embedding } from './embedding';
import { flatten } from './flatten';
import { gaussianDropout } from './gaussian-dropout';
import { gaussianNoise } from './gaussian-noise';
import { globalAveragePooling1d } from './global-average-pooling1d';
import { globalAveragePooling2d } from './global-average-pooling2d';
import { globalMaxPooling1d } from './global-max-pooling1d';
import { globalMaxPooling2d } from './global-max-pooling2d';
import { gru } from './gru';
import { input } from './input';
import type { LayerKind } from '../graph/layer-kinds';
import { layerNormalization } from './layer-normalization';
import { leakyRelu } from './leaky-relu';
import type { AnyLayerSpec, LayerLookup } from './layer-spec';
import { lstm } from './lstm';
import { masking } from './masking';
import { maxPooling1d } from './max-pooling1d';
import { maxPooling2d } from './max-pooling2d';
import { maxPooling3d } from './max-pooling3d';
import { maximum } from './maximum';
import { minimum } from './minimum';
import { multiHeadAttention } from './multi-head-attention';
import { positionEmbedding, tokenAndPositionEmbedding } from './position-embedding';
import { multiply } from './multiply';
import { permute } from './permute';
import { prelu } from './prelu';
import { randomWidth } from './random-width';
import { relu } from './relu';
import { repeatVector } from './repeat-vector';
import { rescaling } from './rescaling';
import { reshape } from './reshape';
import { resizing } from './resizing';
import { rnnLayer } from './rnn';
import { separableConv2d } from './separable-conv2d';
import { simpleRnn } from './simple-rnn';
import { softmax } from './softmax';
import { spatialDropout1d } from './spatial-dropout1d';
import { thresholdedRelu } from './thresholded-relu';
import { timeDistributedLayer } from './time-distributed';
import { upSampling2d } from './up-sampling2d';
import { zeroPadding1d } from './zero-padding1d';
import { zeroPadding2d } from './zero-padding2d';

export type { LayerKind } from '../graph/layer-kinds';
export { LAYER_KINDS } from '../graph/layer-kinds';

// Wrappers reach the specs they hold through this, when called: never while the registry is built.
const lookup: LayerLookup = {
  spec: (kind) => registry[kind],
  kindFor: (kerasClass) => kindForKerasClass(kerasClass),
};

/**
 * The registry's type: every kind has a spec, and the spec under a kind is that kind's (a Conv2D
 * spec registered as Dense does not compile).
 */
export type Registry = { readonly [K in LayerKind]: AnyLayerSpec & { readonly kind: K } };

/** Every layer kind's spec; typed so that a kind without a spec, or under another kind, does not compile. */
export const registry: Registry = {
  Input: input,
  Dense: dense,
  Activation: activation,
  ReLU: relu,
  LeakyReLU: leakyRelu,
  PReLU: prelu,
  ELU: elu,
  ThresholdedReLU: thresholdedRelu,
  Softmax: softmax,
  Flatten: flatten,
  Reshape: reshape,
  RepeatVector: repeatVector,
  Permute: permute,
  Embedding: embedding,
  Masking: masking,
  MultiHeadAttention: multiHeadAttention,
  PositionEmbedding: positionEmbedding,
  TokenAndPositionEmbedding: tokenAndPositionEmbedding,
  Conv1D: conv1d,
  Conv2D: conv2d,
  Conv3D: conv3d,
  DepthwiseConv2D: depthwiseConv2d,
  SeparableConv2D: separableConv2d,
  Conv2DTranspose: conv2dTranspose,
  ZeroPadding1D: zeroPadding1d,
  Conv3DTranspose: conv3dTranspose,
  ZeroPadding2D: zeroPadding2d,
  Cropping2D: cropping2d,
  UpSampling2D: upSampling2d,
  MaxPooling1D: maxPooling1d,
  MaxPooling2D: maxPooling2d,
  MaxPooling3D: maxPooling3d,
  AveragePooling1D: averagePooling1d,
  AveragePooling2D: averagePooling2d,
  AveragePooling3D: averagePooling3d,
  GlobalAveragePooling1D: globalAveragePooling1d,
  GlobalMaxPooling1D: globalMaxPooling1d,
  GlobalAveragePooling2D: globalAveragePooling2d,
  GlobalMaxPooling2D: globalMaxPooling2d,
  SimpleRNN: simpleRnn,
  LSTM: lstm,
  GRU: gru,
  RNN: rnnLayer(lookup),
  Bidirectional: bidirectionalLayer(lookup),
  TimeDistributed: timeDistributedLayer(lookup),
  ConvLSTM2D: convLstm2d,
  CategoryEncoding: categoryEncoding,
  Resizing: resizing,
  Rescaling: rescaling,
  CenterCrop: centerCrop,
  RandomWidth: randomWidth,
  BatchNormalization: batchNormalization,
  LayerNormalization: layerNormalization,
  Dropout: dropout,
  SpatialDropout1D: spatialDropout1d,
  GaussianNoise: gaussianNoise,
  GaussianDropout: gaussianDropout,
  AlphaDropout: alphaDropout,
  Add: add,
  Concatenate: concatenate,
  Multiply: multiply,
  Average: average,
  Maximum: maximum,
  Minimum: minimum,
  Dot: dot,
};

/** The spec of a layer kind. */
export function layerSpec(kind: LayerKind): AnyLayerSpec {
  return registry[kind];
}

/** Other names Keras files use for a class (Keras 2 aliases such as `Convolution2D`). */
const KERAS_ALIASES: Readonly<Record<string, string>> = {
  Convolution1D: 'Conv1D',
  Convolution2D: 'Conv2D',
  Convolution3D: 'Conv3D',
  Convolution2DTranspose: 'Conv2DTranspose',
  Convolution3DTranspose: 'Conv3DTranspose',
  SeparableConvolution2D: 'SeparableConv2D',
  MaxPool1D: 'MaxPooling1D',
  MaxPool2D: 'MaxPooling2D',
  MaxPool3D: 'MaxPooling3D',
  AvgPool1D: 'AveragePooling1D',
  AvgPool2D: 'AveragePooling2D',
  AvgPool3D: 'AveragePooling3D',
  GlobalMaxPool1D: 'GlobalMaxPooling1D',
  GlobalMaxPool2D: 'GlobalMaxPooling2D',
  GlobalAvgPool1D: 'GlobalAveragePooling1D',
  GlobalAvgPool2D: 'GlobalAveragePooling2D',
};

const byKerasClass = new Map<string, LayerKind>(Object.values(registry).map((spec) => [spec.kerasClass, spec.kind]));

/** The layer kind for a Keras class name (`InputLayer` -> `Input`, `Convolution2D` -> `Conv2D`), or undefined. */
export function kindForKerasClass(kerasClass: string): LayerKind | undefined {
  return byKerasClass.get(KERAS_ALIASES[kerasClass] ?? kerasClass);
}

/** True when `value` names a layer kind. */
export function isLayerKind(value: string): value is LayerKind {
  return Object.hasOwn(registry, value);
}
