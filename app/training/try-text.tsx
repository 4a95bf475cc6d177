import { useState } from 'react';
import type { KeyboardEvent } from 'react';
import type { FittedPreprocessing } from '../../src/data/types';
import { predictText } from '../actions/predict';
import type { TextTry } from '../actions/predict';
import { AttentionMaps } from './attention-maps';
import { PredictionBars } from './prediction-bars';
import { TokenList } from './token-list';

interface TryTextProps {
  readonly fitted: FittedPreprocessing;
  /** The text column's name. */
  readonly column: string;
  /** A sentence and other values to start from (the data's first row). */
  readonly example: string;
  readonly otherExample: string;
}

/**
 * Predicts on a typed sentence (plus the other features' values, when there are any) through the
 * fitted tokenizer, and shows its tokens, the class probabilities and, for a model with
 * MultiHeadAttention, each head's attention weights.
 */
export function TryText({ fitted, column, example, otherExample }: TryTextProps) {
  const others = fitted.features.filter((f) => f.kind !== 'text').map((f) => f.name);
  const text = fitted.features.find((f) => f.kind === 'text');
  // A column read letter by letter (names, words) holds a text, not a sentence.
  const what = text?.kind === 'text' && text.vectorizer.options.split === 'character' ? 'A text' : 'A sentence';
  const [sentence, setSentence] = useState(example);
  const [values, setValues] = useState(otherExample);
  const [result, setResult] = useState<TextTry | null>(null);
  const [error, setError] = useState<string | null>(null);
  const run = async () => {
    try {
      setResult(await predictText(sentence, values, fitted));
      setError(null);
    } catch (e) {
      // The bars of an earlier sentence would read as this one's answer.
      setResult(null);
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  const onEnter = (e: KeyboardEvent) => e.key === 'Enter' && void run();
  return (
    <>
      <div className="train-try">
        <label className="train-try__sentence">
          <span>
            {what} for <code>{column}</code>
          </span>
          <input value={sentence} onChange={(e) => setSentence(e.target.value)} onKeyDown={onEnter} aria-label="Sentence to predict" data-testid="try-text" />
        </label>
        {others.length > 0 && (
          <label>
            <span>
              Values of <code>{others.join(', ')}</code>
            </span>
            <input value={values} onChange={(e) => setValues(e.target.value)} onKeyDown={onEnter} aria-label="Other values" data-testid="try-values" />
          </label>
        )}
        <button type="button" className="data-button" onClick={() => void run()} data-testid="try-predict">
          Predict
        </button>
      </div>
      {error && (
        <p className="train-message is-error" role="alert">
          {error}
        </p>
      )}
      {result && (
        <div className="train-try-text">
          <TokenList sequence={result.sequence} />
          {result.prediction.kind === 'class' ? (
            <PredictionBars classes={fitted.target.classes ?? []} probabilities={result.prediction.probabilities} />
          ) : (
            <p data-testid="prediction">
              Predicted {fitted.target.name}: <strong>{result.prediction.value.toFixed(3)}</strong>
            </p>
          )}
          <AttentionMaps attention={result.attention} sample={result} />
        </div>
      )}
    </>
  );
}
