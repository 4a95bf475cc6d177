/**
 * The pictures of the views, of the one chosen sample: convolution filters and feature maps,
 * decision boundaries over the plane of a 2-D input, attention maps.
 */
import { sampleRows } from '../data/features';
import type * as tfjs from '@tensorflow/tfjs';
import type { Dataset, SplitDataset } from '../data/types';
import type { Tf } from '../layers/layer-spec';
import { isAttentionLayer } from '../layers/tfjs-extra';
import { attentionWeights } from './attention-weights';
import type { BoundaryView, ConvView, Grid, InsightSnapshot } from './insight-types';
import { rowsTensor, singleOutput, viewedSamples } from './insight-probe';
import { boundaryPart } from './insight-boundary';
import type { BoundaryPart } from './insight-boundary';

/** At most this many filters and feature maps per convolution layer. */
export const CONV_CHANNELS = 32;

/**
 * How each convolution class's first weight (its kernel) becomes one picture per output channel,
 * channels first: Conv1D/Conv2D average over the input channels; DepthwiseConv2D and
 * SeparableConv2D (its depthwise step) have one spatial filter per output channel of that step
 * (input channel x multiplier, in tfjs's order); Conv2DTranspose's kernel is (h, w, out, in).
 */
const FILTERS_OF: Readonly<Record<string, (tf: Tf, kernel: tfjs.Tensor) => tfjs.Tensor>> = {
  Conv1D: (tf, k) => tf.transpose(tf.mean(k, 1), [1, 0]),
  Conv2D: (tf, k) => tf.transpose(tf.mean(k, 2), [2, 0, 1]),
  DepthwiseConv2D: (tf, k) => tf.transpose(tf.reshape(k, [k.shape[0] ?? 1, k.shape[1] ?? 1, -1]), [2, 0, 1]),
  SeparableConv2D: (tf, k) => tf.transpose(tf.reshape(k, [k.shape[0] ?? 1, k.shape[1] ?? 1, -1]), [2, 0, 1]),
  Conv2DTranspose: (tf, k) => tf.transpose(tf.mean(k, 3), [2, 0, 1]),
};

/** A model's picture makers, built once per model; the models made here share its layers and are never disposed. */
export interface Pictures {
  take(sample: number): Promise<Pick<InsightSnapshot, 'conv' | 'boundary' | 'attention' | 'sample'>>;
}

/** Splits (count, ...rest) values into `count` grids of width x height. */
function grids(values: Float32Array, count: number, width: number, height: number): Grid[] {
  const size = width * height;
  return Array.from({ length: count }, (_, i) => ({ width, height, values: values.slice(i * size, (i + 1) * size) }));
}

/** A picture stack: `count` pictures of width x height, flat. */
interface Stack {
  readonly values: tfjs.Tensor;
  readonly count: number;
  readonly width: number;
  readonly height: number;
}

/** (channels, height, width), capped at {@link CONV_CHANNELS} channels; a (channels, length) tensor is of height 1. */
function stack(tf: Tf, t: tfjs.Tensor): Stack {
  const [channels = 0, a = 1, b] = t.shape;
  const count = Math.min(CONV_CHANNELS, channels);
  return { values: tf.slice(t, 0, count).reshape([-1]), count, width: b ?? a, height: b === undefined ? 1 : a };
}

/** A conv layer's filters (see {@link FILTERS_OF}) and its output on one sample, channels first. */
function convTensors(tf: Tf, layer: tfjs.layers.Layer, output: tfjs.Tensor): { filters: Stack; maps: Stack } {
  const kernel = (layer.weights[0] as tfjs.LayerVariable).read();
  const filtersOf = FILTERS_OF[layer.getClassName()] as (tf: Tf, kernel: tfjs.Tensor) => tfjs.Tensor;
  const filters = filtersOf(tf, kernel);
  const oneD = output.rank === 3;
  const maps = (oneD ? tf.transpose(output, [0, 2, 1]) : tf.transpose(output, [0, 3, 1, 2])).squeeze([0]);
  return { filters: stack(tf, filters), maps: stack(tf, maps) };
}

/**
 * The picture makers of `model` on `data`: conv views for its convolution layers, the
 * boundary view when it takes one input of shape [null, 2], attention maps when it has
 * MultiHeadAttention layers. All for one sample of {@link viewedSamples}, clamped.
 */
export function makePictures(tf: Tf, model: tfjs.LayersModel, data: SplitDataset): Pictures {
  const samples: Dataset = viewedSamples(data);
  const convs = model.layers.flatMap((layer) => {
    const output = singleOutput(layer);
    // Channels-last only: a channels_first layer's maps would be read across the wrong axis.
    const channelsLast = (layer.getConfig().dataFormat ?? 'channelsLast') === 'channelsLast';
    return layer.getClassName() in FILTERS_OF && channelsLast && output && layer.weights.length > 0 ? [{ layer, output }] : [];
  });
  const single = model.inputs.length === 1;
  const convModel = single && convs.length > 0 ? tf.model({ inputs: model.inputs, outputs: convs.map((c) => c.output) }) : undefined;
  const boundary: BoundaryPart | undefined = single ? boundaryPart(tf, model, data.train) : undefined;
  const attention = single && model.layers.some(isAttentionLayer);

  async function conv(x: tfjs.Tensor): Promise<ConvView[]> {
    if (!convModel) return [];
    // tidy keeps the tensors inside the returned stacks (it walks plain objects) and frees the rest.
    const made = tf.tidy(() => {
      const outs = convModel.predict(x);
      const list = Array.isArray(outs) ? outs : [outs];
      return convs.map((c, i) => convTensors(tf, c.layer, list[i] as tfjs.Tensor)) as unknown as tfjs.TensorContainer;
    }) as unknown as { filters: Stack; maps: Stack }[];
    try {
      const toGrids = async ({ values, count, width, height }: Stack) => grids((await values.data()) as Float32Array, count, width, height);
      return await Promise.all(
        made.map(async ({ filters, maps }, i) => ({
          layer: (convs[i] as (typeof convs)[number]).layer.name,
          filters: await toGrids(filters),
          featureMaps: await toGrids(maps),
        })),
      );
    } finally {
      tf.dispose(made.flatMap((m) => [m.filters.values, m.maps.values]));
    }
  }

  return {
    async take(requested) {
      const sample = Math.max(0, Math.min(samples.count - 1, Math.floor(requested)));
      const wanted = convModel !== undefined || attention;
      const x = wanted && samples.count > 0 ? rowsTensor(tf, samples, sample, 1) : undefined;
      try {
        const views: ConvView[] = x ? await conv(x) : [];
        const boundaryView: BoundaryView | undefined = boundary ? await boundary.take() : undefined;
        const maps = attention && samples.count > 0 ? attentionWeights(tf, model, sampleRows(samples, sample, 1)) : [];
        return { sample, conv: views, attention: maps, ...(boundaryView ? { boundary: boundaryView } : {}) };
      } finally {
        x?.dispose();
      }
    },
  };
}
