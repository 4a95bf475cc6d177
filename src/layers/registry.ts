import { activation } from './activation';
import { add } from './add';
import { average } from './average';
import { averagePooling1d } from './average-pooling1d';
import { averagePooling2d } from './average-pooling2d';
import { batchNormalization } from './batch-normalization';
import { bidirectionalLayer } from './bidirectional';
import { concatenate } from './concatenate';
import { conv1d } from './conv1d';
import { conv2d } from './conv2d';
import { conv2dTranspose } from './conv2d-transpose';
import { dense } from './dense';
import { depthwiseConv2d } from './depthwise-conv2d';
import { dropout } from './dropout';
import { elu } from './elu';
import { embedding } from './embedding';
import { flatten } from './flatten';
import { globalAveragePooling1d } from './global-average-pooling1d';
import { globalAveragePooling2d } from './global-average-pooling2d';
import { globalMaxPooling1d } from './global-max-pooling1d';
import { globalMaxPooling2d } from './global-max-pooling2d';
import { gru } from './gru';
import { input } from './input';
import type { LayerKind } from './layer-kinds';
import { layerNormalization } from './layer-normalization';
import { leakyRelu } from './leaky-relu';
import type { AnyLayerSpec, LayerLookup } from './layer-spec';
import { lstm } from './lstm';
import { maxPooling1d } from './max-pooling1d';
import { maxPooling2d } from './max-pooling2d';
import { multiply } from './multiply';
import { prelu } from './prelu';
import { relu } from './relu';
import { reshape } from './reshape';
import { rnnLayer } from './rnn';
import { separableConv2d } from './separable-conv2d';
import { simpleRnn } from './simple-rnn';
import { softmax } from './softmax';
import { thresholdedRelu } from './thresholded-relu';
import { timeDistributedLayer } from './time-distributed';
import { upSampling2d } from './up-sampling2d';
import { zeroPadding2d } from './zero-padding2d';

export type { LayerKind } from './layer-kinds';
export { LAYER_KINDS } from './layer-kinds';

// Wrappers reach the specs they hold through this, when called: never while the registry is built.
const lookup: LayerLookup = {
  spec: (kind) => registry[kind],
  kindFor: (kerasClass) => kindForKerasClass(kerasClass),
};

/** Every layer kind's spec; typed so that a kind without a spec does not compile. */
export const registry: { readonly [K in LayerKind]: AnyLayerSpec } = {
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
  Embedding: embedding,
  Conv1D: conv1d,
  Conv2D: conv2d,
  DepthwiseConv2D: depthwiseConv2d,
  SeparableConv2D: separableConv2d,
  Conv2DTranspose: conv2dTranspose,
  ZeroPadding2D: zeroPadding2d,
  UpSampling2D: upSampling2d,
  MaxPooling1D: maxPooling1d,
  MaxPooling2D: maxPooling2d,
  AveragePooling1D: averagePooling1d,
  AveragePooling2D: averagePooling2d,
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
  BatchNormalization: batchNormalization,
  LayerNormalization: layerNormalization,
  Dropout: dropout,
  Add: add,
  Concatenate: concatenate,
  Multiply: multiply,
  Average: average,
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
