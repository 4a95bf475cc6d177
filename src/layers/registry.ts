import { activation } from './activation';
import { add } from './add';
import { average } from './average';
import { averagePooling1d } from './average-pooling1d';
import { averagePooling2d } from './average-pooling2d';
import { averagePooling3d } from './average-pooling3d';
import { batchNormalization } from './batch-normalization';
import { bidirectional } from './bidirectional';
import { categoryEncoding } from './category-encoding';
import { centerCrop } from './center-crop';
import { concatenate } from './concatenate';
import { convLstm2d } from './conv-lstm2d';
import { conv1d } from './conv1d';
import { conv2d } from './conv2d';
import { conv2dTranspose } from './conv2d-transpose';
import { conv3d } from './conv3d';
import { conv3dTranspose } from './conv3d-transpose';
import { dense } from './dense';
import { depthwiseConv2d } from './depthwise-conv2d';
import { dropout } from './dropout';
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
import type { AnyLayerSpec } from './layer-spec';
import { lstm } from './lstm';
import { maxPooling1d } from './max-pooling1d';
import { maxPooling2d } from './max-pooling2d';
import { maxPooling3d } from './max-pooling3d';
import { multiply } from './multiply';
import { randomWidth } from './random-width';
import { rescaling } from './rescaling';
import { reshape } from './reshape';
import { resizing } from './resizing';
import { separableConv2d } from './separable-conv2d';
import { simpleRnn } from './simple-rnn';
import { upSampling2d } from './up-sampling2d';
import { zeroPadding2d } from './zero-padding2d';

export type { LayerKind } from './layer-kinds';
export { LAYER_KINDS } from './layer-kinds';

/** Every layer kind's spec; typed so that a kind without a spec does not compile. */
export const registry: { readonly [K in LayerKind]: AnyLayerSpec } = {
  Input: input,
  Dense: dense,
  Activation: activation,
  Flatten: flatten,
  Reshape: reshape,
  Embedding: embedding,
  Conv1D: conv1d,
  Conv2D: conv2d,
  Conv3D: conv3d,
  DepthwiseConv2D: depthwiseConv2d,
  SeparableConv2D: separableConv2d,
  Conv2DTranspose: conv2dTranspose,
  Conv3DTranspose: conv3dTranspose,
  ZeroPadding2D: zeroPadding2d,
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
  ConvLSTM2D: convLstm2d,
  Bidirectional: bidirectional,
  CategoryEncoding: categoryEncoding,
  Resizing: resizing,
  Rescaling: rescaling,
  CenterCrop: centerCrop,
  RandomWidth: randomWidth,
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
