import { formatCount } from '../../src/lib/format-count';
import { useStore } from '../store/store';

const percent = (share: number) => `${(share * 100).toFixed(1)}%`;

/**
 * What the fitted vocabulary of the plan's text column looks like: its size, the top tokens, the
 * row lengths against the chosen sequence length, and how much of the validation rows it misses.
 * The table worker makes the report beside the fit, so no pass over the rows runs on the page.
 */
export function TextSummary() {
  const report = useStore((s) => s.textReport);
  if (report === null) return null;
  const { summary, validationOov, sequenceLength } = report;
  const { lengths } = summary;
  const peak = Math.max(1, ...lengths.bins.map((b) => b.rows));
  return (
    <div className="text-summary" data-testid="text-summary">
      <p>
        Vocabulary: <strong>{formatCount(summary.vocabularySize)}</strong> entries (padding and [UNK] included) from {formatCount(summary.distinctTokens)}{' '}
        distinct training tokens · validation OOV <strong data-testid="validation-oov">{percent(validationOov.share)}</strong> of{' '}
        {formatCount(validationOov.tokens)} tokens
      </p>
      <p data-testid="top-tokens">
        Top tokens:{' '}
        {summary.topTokens.map((t) => (
          <code key={t.index} title={`id ${t.index}`}>
            {t.token} ({t.count}){' '}
          </code>
        ))}
      </p>
      <p data-testid="text-lengths">
        Tokens per row: min {lengths.min} · mean {lengths.mean.toFixed(1)} · p95 {lengths.p95} · max {lengths.max} · sequence length{' '}
        <strong>{sequenceLength}</strong>
        {lengths.truncated > 0 ? ` (cuts ${formatCount(lengths.truncated)} training rows)` : ''}
      </p>
      <svg className="length-histogram" width={240} height={40} role="img" aria-label="Histogram of tokens per row">
        {lengths.bins.map((b, i) => {
          const w = 240 / lengths.bins.length;
          const h = (b.rows / peak) * 36;
          const cut = b.from > sequenceLength;
          return (
            <rect key={b.from} x={i * w} y={40 - h} width={Math.max(1, w - 1)} height={h} fill={cut ? 'var(--danger, #c44)' : 'currentColor'} opacity={0.7} />
          );
        })}
      </svg>
    </div>
  );
}
