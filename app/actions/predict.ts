import { browserDecoder } from '../../src/data/images/decode';
import type { Decoder } from '../../src/data/images/decode';
import { toSample } from '../../src/data/images/resize';
import { decodePrediction, transformRow } from '../../src/data/preprocess';
import type { Prediction } from '../../src/data/preprocess';
import type { Dataset, FittedPreprocessing } from '../../src/data/types';
import { UserFileError } from '../../src/lib/errors';
import { trainer } from '../services';

/** The model's outputs for one sample (features as the model takes them). */
export const predictSample = (x: Float32Array): Promise<Float32Array> => trainer.predict(x, 1);

/**
 * Predicts on one row typed as CSV values in the features' column order, through exactly the
 * fitted preprocessing the model was trained with. Throws what is wrong with the row.
 */
export async function predictRow(text: string, fitted: FittedPreprocessing): Promise<Prediction> {
  const columns = fitted.features.map((f) => f.name);
  const cells = text.split(/[,;\t]/).map((c) => c.trim());
  if (cells.length !== columns.length) throw new Error(`enter ${columns.length} values (${columns.join(', ')}), got ${cells.length}`);
  const x = transformRow(Object.fromEntries(columns.map((c, i) => [c, cells[i] ?? ''])), fitted);
  return decodePrediction(await predictSample(x), fitted);
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
