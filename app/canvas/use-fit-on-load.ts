import { useNodesInitialized, useReactFlow } from '@xyflow/react';
import { useEffect, useRef } from 'react';
import { useStore } from '../store/store';

const FIT_OPTIONS = { maxZoom: 1.2, padding: 0.2 };

/**
 * Fits the view once the nodes of a newly loaded graph are measured. React Flow's own `fitView`
 * prop would instead fire when the first node appears, shifting the canvas under the user's
 * second drop.
 */
export function useFitOnLoad(): void {
  const fitRequest = useStore((s) => s.fitRequest);
  const initialized = useNodesInitialized();
  const { fitView } = useReactFlow();
  const done = useRef(0);
  useEffect(() => {
    if (fitRequest === done.current || !initialized) return;
    done.current = fitRequest;
    void fitView(FIT_OPTIONS);
  }, [fitRequest, initialized, fitView]);
}
