import { activation } from './activation';
import { add } from './add';
import { average } from './average';
import { averagePooling1d } from './average-pooling1d';
import { averagePooling2d } from './average-pooling2d';
import { batchNormalization } from './batch-normalization';
import { bidirectional } from './bidirectional';
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
import type { AnyLayerSpec } from './layer-spec';
import { lstm } from './lstm';
import { maxPooling1d } from './max-pooling1d';
import { maxPooling2d } from './max-pooling2d';
import { multiply } from './multiply';
import { prelu } from './prelu';
import { relu } from './relu';
import { reshape } from './reshape';
import { separableConv2d } from './separable-conv2d';
import { simpleRnn } from './simple-rnn';
import { softmax } from './softmax';
import { thresholdedRelu } from './thresholded-relu';
import { upSampling2d } from './up-sampling2d';
import { zeroPadding2d } from './zero-padding2d';

export type { LayerKind } from './layer-kinds';
export { LAYER_KINDS } from './layer-kinds';

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
  Bidirectional: bidirectional,
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

const byKerasClass = new Map<string, LayerKind>(
  Object.values(registry).map((spec) => [spec.kerasClass, spec.kind]),
);

/** The layer kind for a Keras class name (`InputLayer` -> `Input`), or undefined. */
export function kindForKerasClass(kerasClass: string): LayerKind | undefined {
  return byKerasClass.get(kerasClass);
}

/** True when `value` names a layer kind. */
export function isLayerKind(value: string): value is LayerKind {
  return Object.hasOwn(registry, value);
}
