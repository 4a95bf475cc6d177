import { useId } from 'react';
import { useStore } from '../store/store';

/**
 * Keras's `trainable` for one layer: unchecked freezes it, so training leaves its weights as they
 * are and the summary counts them as non-trainable.
 */
export function TrainableField({ nodeId }: { readonly nodeId: string }) {
  const id = useId();
  const trainable = useStore((s) => s.graph.nodes.find((n) => n.id === nodeId)?.trainable !== false);
  const setTrainable = useStore((s) => s.setTrainable);
  return (
    <div className="insp-field insp-inline">
      <div className="insp-inline-row">
        <input
          id={id}
          className="insp-check"
          type="checkbox"
          data-testid="inspector-trainable"
          checked={trainable}
          onChange={(e) => setTrainable([nodeId], e.target.checked)}
          aria-describedby={`${id}-help`}
        />
        <label className="insp-label" htmlFor={id}>
          trainable
        </label>
      </div>
      <p id={`${id}-help`} className="insp-help">
        {trainable
          ? 'Training updates this layer’s weights. Uncheck to freeze it, as in Keras (layer.trainable = False).'
          : 'Frozen: training leaves this layer’s weights as they are; they count as non-trainable.'}
      </p>
    </div>
  );
}
