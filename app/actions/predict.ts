import { browserDecoder } from '../../src/data/images/decode';
import type { Decoder } from '../../src/data/images/decode';
import { toSample } from '../../src/data/images/resize';
import { decodePrediction, featureOffset, transformRow } from '../../src/data/preprocess';
import type { Prediction } from '../../src/data/preprocess';
import { tokenSequence } from '../../src/data/text';
import type { TokenSequence } from '../../src/data/text';
import { textFeatureOf, vocabularyOf } from '../../src/data/text-column';
import type { Dataset, FittedPreprocessing } from '../../src/data/types';
import { UserFileError } from '../../src/lib/errors';
import type { AttentionWeights } from '../../src/train/attention-weights';
import { trainer } from '../services';
import { useStore } from '../store/store';

/** The model's outputs for one sample (features as the model takes them). */
export const predictSample = (x: Float32Array): Promise<Float32Array> => trainer.predict(x, 1);

/** `text` split into the cells of `columns` (commas, semicolons or tabs); throws when the count is off. */
function cellsOf(text: string, columns: readonly string[]): Record<string, string> {
  const cells = text.split(/[,;\t]/).map((c) => c.trim());
  if (cells.length !== columns.length) throw new Error(`enter ${columns.length} values (${columns.join(', ')}), got ${cells.length}`);
  return Object.fromEntries(columns.map((c, i) => [c, cells[i] ?? '']));
}

/**
 * Predicts on one row typed as CSV values in the features' column order, through exactly the
 * fitted preprocessing the model was trained with. Throws what is wrong with the row.
 */
export async function predictRow(text: string, fitted: FittedPreprocessing): Promise<Prediction> {
  const columns = fitted.features.map((f) => f.name);
  const x = transformRow(cellsOf(text, columns), fitted);
  return decodePrediction(await predictSample(x), fitted);
}

/** The attention weights try-it shows: none when the model has no attention layer, else the layers' or why they could not be read. */
export type TextAttention =
  { readonly kind: 'none' } | { readonly kind: 'layers'; readonly layers: readonly AttentionWeights[] } | { readonly kind: 'error'; readonly message: string };

/** What try-it shows for a typed sentence. */
export interface TextTry {
  /** The sentence's tokens as the model got them (the ids in the sample are these). */
  readonly sequence: TokenSequence;
  /** Where the sentence's ids start in the sample; attention positions from there on are its tokens. */
  readonly offset: number;
  /** The name of each entry of the sample (`review[0]`, ..., and any other feature). */
  readonly featureNames: readonly string[];
  readonly prediction: Prediction;
  readonly attention: TextAttention;
}

/**
 * Predicts on a typed sentence (and, when the data has other features, their values as CSV cells
 * in column order) through the fitted preprocessing, then reads the model's attention weights
 * for it when the graph has a MultiHeadAttention layer. Throws what is wrong with the input or
 * the prediction; an attention failure is reported in `attention`, beside the prediction.
 */
export async function predictText(sentence: string, otherValues: string, fitted: FittedPreprocessing): Promise<TextTry> {
  const feature = textFeatureOf(fitted);
  if (feature === undefined) throw new Error('the data has no text column to type a sentence for');
  const others = fitted.features.filter((f) => f !== feature).map((f) => f.name);
  const cells = others.length > 0 ? cellsOf(otherValues, others) : {};
  const x = transformRow({ ...cells, [feature.name]: sentence }, fitted);
  const sequence = tokenSequence(sentence, vocabularyOf(feature));
  const prediction = decodePrediction(await predictSample(x), fitted);
  const hasAttention = useStore.getState().graph.nodes.some((n) => n.kind === 'MultiHeadAttention');
  let attention: TextAttention = { kind: 'none' };
  if (hasAttention) {
    try {
      attention = { kind: 'layers', layers: await trainer.attention(x) };
    } catch (e) {
      attention = { kind: 'error', message: `The attention weights could not be read: ${e instanceof Error ? e.message : String(e)}` };
    }
  }
  return { sequence, offset: featureOffset(fitted, feature.name), featureNames: fitted.featureNames, prediction, attention };
}

/**
 * The class probabilities of an uploaded picture, resized as the training images were. Throws
 * with the file's name and what to do: our own reason (too many pixels), or that it is no image.
 */
export async function predictImage(file: File, dataset: Dataset, fit: 'pad' | 'crop' | 'stretch', decode: Decoder = browserDecoder): Promise<Float32Array> {
  const [height = 28, width = 28, channels = 1] = dataset.featureShape;
  try {
    const image = await decode(new Uint8Array(await file.arrayBuffer()), file.name);
    const x = toSample(image, { height, width, channels: channels === 3 ? 3 : 1, fit });
    return await predictSample(x);
  } catch (e) {
    // A reason of ours (too many pixels) says what to do; the browser's own errors do not.
    throw new Error(
      e instanceof UserFileError ? `${file.name}: ${e.message}` : `${file.name}: not a readable image (${e instanceof Error ? e.message : String(e)})`,
    );
  }
}
