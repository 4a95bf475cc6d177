import { BoundaryMaps } from '../insight/boundary-maps';
import { insightOf } from '../store/insight-slice';
import { useStore } from '../store/store';

/**
 * For a model on 2-D data with the views on: the output's decision over the input plane, redrawn
 * while the model learns, as the Playground shows it. Each hidden unit's map is in the Model tab,
 * with its layer selected.
 */
export function BoundaryPanel() {
  const boundary = useStore((s) => insightOf(s).latest?.snapshot.boundary);
  const output = boundary?.layers.find((l) => l.output);
  if (!boundary || !output) return null;
  return (
    <section className="train-boundary" aria-label="Decision boundary" data-testid="train-boundary">
      <h2>What the model decides over the plane</h2>
      <BoundaryMaps boundary={boundary} layer={output.layer} />
      <p className="muted">Select a hidden layer in the Model tab to see what each of its units computes over the same plane.</p>
    </section>
  );
}
