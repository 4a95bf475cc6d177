import { useState } from 'react';
import { browserDecoder } from '../../src/data/images/decode';
import { toSample } from '../../src/data/images/resize';
import { UserFileError } from '../../src/lib/errors';
import type { Dataset } from '../../src/data/types';
import { PredictionBars } from './prediction-bars';
import { trainer } from './trainer';

/** Predicts the class of an uploaded picture, resized as the training images were. */
export function TryImage({ dataset, fit }: { dataset: Dataset; fit: 'pad' | 'crop' | 'stretch' }) {
  const [height = 28, width = 28, channels = 1] = dataset.featureShape;
  const [probabilities, setProbabilities] = useState<Float32Array | null>(null);
  const [error, setError] = useState<string | null>(null);
  const onFile = async (file: File) => {
    try {
      const image = await browserDecoder(new Uint8Array(await file.arrayBuffer()), file.name);
      const x = toSample(image, { height, width, channels: channels === 3 ? 3 : 1, fit });
      setProbabilities(await trainer.predict(x, 1));
      setError(null);
    } catch (e) {
      // A reason of ours (too many pixels) says what to do; the browser's own errors do not.
      setError(e instanceof UserFileError ? `${file.name}: ${e.message}` : `${file.name}: not a readable image (${e instanceof Error ? e.message : String(e)})`);
    }
  };
  return (
    <div className="train-try">
      <label className="data-button">
        Upload a picture to classify
        <input type="file" accept="image/*" hidden data-testid="try-image" onChange={(e) => e.target.files?.[0] && void onFile(e.target.files[0])} />
      </label>
      {error && (
        <p className="train-message is-error" role="alert">
          {error}
        </p>
      )}
      {probabilities && <PredictionBars classes={dataset.classNames ?? []} probabilities={probabilities} />}
    </div>
  );
}
