import type { AttentionWeights } from '../../src/train/attention-weights';
import '../training/attention.css';
import { AttentionHeatmap } from '../training/attention-heatmap';
import { headViews } from '../training/attention-view';
import type { SamplePositions } from '../training/attention-view';
import { SamplePicker } from './sample-picker';

/** A chosen validation sample's positions have no tokens the panel knows: they are numbered. */
const NUMBERED: SamplePositions = { sequence: { tokens: [], cut: 0, padding: 0, ids: new Int32Array(0) }, offset: 0, featureNames: [] };

/** An attention layer's weights on the chosen sample: one heatmap per head, positions numbered. */
export function InsightAttention({ layer }: { readonly layer: AttentionWeights }) {
  return (
    <div className="insight-attention" data-testid="insight-attention">
      <SamplePicker />
      <div className="train-attention__heads">
        {headViews(layer, NUMBERED).map((view) => (
          <AttentionHeatmap key={view.head} view={view} layer={layer.layer} />
        ))}
      </div>
      <p className="insp-help">Rows are the positions asking (queries), columns those they look at (keys); each row sums to 1.</p>
    </div>
  );
}
