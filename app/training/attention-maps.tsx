import type { TextAttention } from '../actions/predict';
import { AttentionLayer } from './attention-layer';
import type { SamplePositions } from '../../src/data/text';

/** The attention weights of every MultiHeadAttention layer for the sentence, or why they could not be read. */
export function AttentionMaps({ attention, sample }: { attention: TextAttention; sample: SamplePositions }) {
  if (attention.kind === 'none') return null;
  return (
    <section className="train-attention" aria-label="Attention weights" data-testid="attention-maps">
      <h4>Attention weights</h4>
      {attention.kind === 'error' ? (
        <p className="train-message is-error" role="alert">
          {attention.message}
        </p>
      ) : (
        <>
          <p className="muted">
            Each row is a token asking (query), each column a token it looks at (key); a row&apos;s weights sum to 1 with the padding column. Hover a cell for
            its value.
          </p>
          {attention.layers.map((layer) => (
            <AttentionLayer key={layer.layer} layer={layer} sample={sample} />
          ))}
        </>
      )}
    </section>
  );
}
