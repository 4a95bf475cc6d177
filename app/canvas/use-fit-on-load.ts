import { useStoreApi } from '@xyflow/react';
import { useEffect } from 'react';
import { useStore } from '../store/store';
import { useReadableFit } from '../use-readable-fit';

/** Frames to wait for React Flow to measure a new graph's cards before giving up on fitting it. */
const MEASURE_FRAMES = 120;

/**
 * Frames a newly loaded graph (see `useReadableFit`) once React Flow has measured its cards, in
 * one move: the view never jumps under a click made just after it opens. React Flow's own
 * `fitView` prop would instead fire when the first node appears, shifting the canvas under the
 * user's second drop.
 */
export function useFitOnLoad(): void {
  const fitRequest = useStore((s) => s.fitRequest);
  const fit = useReadableFit();
  const flow = useStoreApi();
  useEffect(() => {
    const { markFitted } = useStore.getState();
    if (fitRequest === useStore.getState().fitted) return;
    // An empty graph has nothing to frame; waiting would fit the user's first drop instead.
    if (useStore.getState().graph.nodes.length === 0) {
      markFitted(fitRequest);
      return;
    }
    // React Flow takes the new nodes in its own effects, which run before this one; it has
    // measured them once it says they are initialized.
    let frame = 0;
    let waited = 0;
    const attempt = () => {
      const { nodes, nodesInitialized } = flow.getState();
      if (nodes.length > 0 && nodesInitialized) {
        markFitted(fitRequest);
        void fit();
      } else if (waited < MEASURE_FRAMES) {
        waited += 1;
        frame = requestAnimationFrame(attempt);
      } else markFitted(fitRequest);
    };
    attempt();
    return () => cancelAnimationFrame(frame);
  }, [fitRequest, fit, flow]);
}
