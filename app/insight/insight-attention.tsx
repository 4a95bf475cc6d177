import type { AttentionWeights } from '../../src/train/attention-weights';
import '../training/attention.css';
import { AttentionHeatmap } from '../training/attention-heatmap';
import { headViews } from '../training/attention-view';
import type { SamplePositions } from '../../src/data/text';
import { useStore } from '../store/store';
import { SamplePicker } from './sample-picker';

/** Positions with no tokens the panel knows (no text column): they are numbered. */
const NUMBERED: SamplePositions = { sequence: { tokens: [], cut: 0, padding: 0, ids: new Int32Array(0) }, offset: 0, featureNames: [] };

/** An attention layer's weights on the chosen sample: one heatmap per head, by token for text data, else positions numbered. */
export function InsightAttention({ layer }: { readonly layer: AttentionWeights }) {
  const positions = useStore((s) => s.insight.latest?.sample.positions) ?? NUMBERED;
  return (
    <div className="insight-attention" data-testid="insight-attention">
      <SamplePicker />
      <div className="train-attention__heads">
        {headViews(layer, positions).map((view) => (
          <AttentionHeatmap key={view.head} view={view} layer={layer.layer} />
        ))}
      </div>
      <p className="insp-help">
        Rows are the positions asking (queries), columns those they look at (keys); each row sums to 1{positions === NUMBERED ? '' : ' with the padding column'}
        .
      </p>
    </div>
  );
}
