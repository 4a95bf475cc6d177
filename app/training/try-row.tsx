import { useState } from 'react';
import type { Prediction } from '../../src/data/preprocess';
import type { FittedPreprocessing } from '../../src/data/types';
import { PredictionBars } from './prediction-bars';
import { predictRow } from '../actions/predict';

/**
 * Predicts on one row typed as CSV values in the features' column order, through exactly the
 * fitted preprocessing the model was trained with.
 */
export function TryRow({ fitted, example }: { fitted: FittedPreprocessing; example: string }) {
  const columns = fitted.features.map((f) => f.name);
  const [text, setText] = useState(example);
  const [result, setResult] = useState<Prediction | null>(null);
  const [error, setError] = useState<string | null>(null);
  const run = async () => {
    try {
      setResult(await predictRow(text, fitted));
      setError(null);
    } catch (e) {
      // The bars of an earlier row would read as this row's answer.
      setResult(null);
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <div className="train-try">
      <label>
        A row of <code>{columns.join(', ')}</code>
        <input
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => e.key === 'Enter' && void run()}
          aria-label="Row to predict"
          data-testid="try-row"
        />
      </label>
      <button type="button" className="data-button" onClick={() => void run()} data-testid="try-predict">
        Predict
      </button>
      {error && (
        <p className="train-message is-error" role="alert">
          {error}
        </p>
      )}
      {result?.kind === 'class' && <PredictionBars classes={fitted.target.classes ?? []} probabilities={result.probabilities} />}
      {result?.kind === 'value' && (
        <p data-testid="prediction">
          Predicted {fitted.target.name}: <strong>{result.value.toFixed(3)}</strong>
        </p>
      )}
    </div>
  );
}
