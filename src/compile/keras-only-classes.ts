/**
 * Keras 3 layer classes that TF.js 4.22 cannot load and Netloom does not add, with why, so an
 * import names the class for what it is instead of calling it custom. Kept by hand from Keras
 * 3.15's `keras.layers` against tfjs 4.22's class registry; the README lists the same.
 */
const GROUPS: readonly (readonly [reason: string, classes: string])[] = [
  ['TF.js has no attention layers', 'Attention AdditiveAttention GroupQueryAttention EinsumDense'],
  [
    'a preprocessing or augmentation layer TF.js does not have; apply it to the data before the model',
    'AugMix AutoContrast ContrastLimitedAdaptiveHistogramEqualization CutMix Discretization Equalization HashedCrossing ' +
      'Hashing IntegerLookup MaxNumBoundingBoxes MelSpectrogram MixUp Normalization Pipeline RandAugment RandomBrightness ' +
      'RandomColorDegeneration RandomColorJitter RandomContrast RandomCrop RandomElasticTransform RandomErasing RandomFlip ' +
      'RandomGaussianBlur RandomGrayscale RandomHue RandomInvert RandomPerspective RandomPosterization RandomRotation ' +
      'RandomSaturation RandomSharpness RandomShear RandomTranslation RandomZoom STFTSpectrogram Solarization StringLookup ' +
      'TextVectorization',
  ],
  ['it runs Python code, which a model.json cannot carry', 'Lambda TFSMLayer JaxLayer FlaxLayer TorchModuleWrapper'],
  [
    'TF.js has no such layer',
    'ActivityRegularization AdaptiveAveragePooling1D AdaptiveAveragePooling2D AdaptiveAveragePooling3D AdaptiveMaxPooling1D ' +
      'AdaptiveMaxPooling2D AdaptiveMaxPooling3D Conv1DTranspose ConvLSTM1D ConvLSTM3D Cropping1D Cropping3D DepthwiseConv1D ' +
      'GlobalAveragePooling3D GlobalMaxPooling3D GroupNormalization Identity RMSNormalization ReversibleEmbedding ' +
      'SeparableConv1D SpatialDropout2D SpatialDropout3D SpectralNormalization Subtract UnitNormalization UpSampling1D ' +
      'UpSampling3D ZeroPadding3D',
  ],
];

/** Keras class name -> why TF.js cannot load it. */
export const KERAS_ONLY_CLASSES: ReadonlyMap<string, string> = new Map(
  GROUPS.flatMap(([reason, classes]) => classes.split(' ').map((cls) => [cls, reason] as const)),
);
