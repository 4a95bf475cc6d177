import { useState } from 'react';
import type { Dataset } from '../../src/data/types';
import { predictImage } from '../actions/predict';
import { PredictionBars } from './prediction-bars';

/** Predicts the class of an uploaded picture, resized as the training images were. */
export function TryImage({ dataset, fit }: { dataset: Dataset; fit: 'pad' | 'crop' | 'stretch' }) {
  const [probabilities, setProbabilities] = useState<Float32Array | null>(null);
  const [error, setError] = useState<string | null>(null);
  const onFile = async (file: File) => {
    try {
      setProbabilities(await predictImage(file, dataset, fit));
      setError(null);
    } catch (e) {
      // The bars of an earlier picture would read as this one's answer.
      setProbabilities(null);
      setError(e instanceof Error ? e.message : String(e));
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
