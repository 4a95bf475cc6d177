import type { TokenSequence } from '../../src/data/text';
import './try-it.css';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * A sentence's tokens as the model gets them: standardised, split and cut to the sequence
 * length, each with its id; unknown ones (id 1) marked, with a legend, and the padding counted.
 */
export function TokenList({ sequence }: { sequence: TokenSequence }) {
  const { tokens, cut, padding, ids } = sequence;
  const unknown = tokens.filter((t) => t.oov).length;
  return (
    <div className="train-tokens" data-testid="token-list">
      <h4>Tokens the model gets</h4>
      {tokens.length === 0 ? (
        <p className="muted" data-testid="token-empty">
          No tokens: after standardising and splitting nothing is left, so the model gets {plural(ids.length, 'padding id')} (0).
        </p>
      ) : (
        <ol className="train-tokens__list" aria-label="Tokens with their ids">
          {tokens.map((t, i) => (
            <li
              key={i}
              className={t.oov ? 'train-token is-oov' : 'train-token'}
              data-oov={t.oov}
              title={t.oov ? `"${t.token}" is not in the vocabulary: the model gets id 1 ([UNK])` : `"${t.token}" has id ${t.index}`}
            >
              <span className="train-token__text">{t.token}</span>
              <span className="train-token__id">{t.oov ? <span aria-label="unknown, id 1">1</span> : t.index}</span>
            </li>
          ))}
        </ol>
      )}
      <p className="train-tokens__legend muted" data-testid="token-summary">
        <span className="train-token is-oov" aria-hidden="true">
          <span className="train-token__text">word</span>
          <span className="train-token__id">1</span>
        </span>{' '}
        is not in the vocabulary (the model sees [UNK], id 1). {plural(tokens.length, 'token')} ({unknown} unknown)
        {padding > 0 ? ` and ${plural(padding, 'padding id')} (0)` : ''} fill the sequence of {ids.length}.
        {cut > 0 ? ` ${plural(cut, 'token')} past the sequence length ${cut === 1 ? 'was' : 'were'} cut off.` : ''}
      </p>
    </div>
  );
}
