import { ChevronLeft, ChevronRight } from 'lucide-react';
import { chooseInsightSample } from '../actions/insight';
import { useStore } from '../store/store';

/** Which validation sample the pictures are of: its number with previous and next, and its class when known. */
export function SamplePicker() {
  const chosen = useStore((s) => s.insightSample);
  const shown = useStore((s) => s.insight.latest);
  const count = shown?.sample.count ?? 0;
  const pick = (i: number) => void chooseInsightSample(count > 0 ? Math.min(count - 1, Math.max(0, i)) : Math.max(0, i));
  return (
    <div className="insight-sample" data-testid="insight-sample">
      <span className="muted">Sample</span>
      <button
        type="button"
        className="insight-sample__step"
        aria-label="Previous sample"
        disabled={chosen <= 0}
        onClick={() => pick(chosen - 1)}
        data-testid="insight-sample-prev"
      >
        <ChevronLeft size={14} aria-hidden />
      </button>
      <input
        className="insp-input num"
        type="number"
        min={1}
        max={count > 0 ? count : undefined}
        value={chosen + 1}
        aria-label="Sample number"
        onChange={(e) => {
          const n = Number(e.target.value);
          if (Number.isInteger(n) && n >= 1) pick(n - 1);
        }}
        data-testid="insight-sample-index"
      />
      {count > 0 && <span className="muted">of {count}</span>}
      <button
        type="button"
        className="insight-sample__step"
        aria-label="Next sample"
        disabled={count > 0 && chosen >= count - 1}
        onClick={() => pick(chosen + 1)}
        data-testid="insight-sample-next"
      >
        <ChevronRight size={14} aria-hidden />
      </button>
      {shown?.sample.label !== undefined && shown.snapshot.sample === chosen && (
        <span className="insight-sample__label" data-testid="insight-sample-label">
          class <strong>{shown.sample.label}</strong>
        </span>
      )}
    </div>
  );
}
