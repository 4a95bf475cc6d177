import { useStoreApi } from '@xyflow/react';
import { useEffect, useRef } from 'react';
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
  const done = useRef(0);
  useEffect(() => {
    if (fitRequest === done.current) return;
    // An empty graph has nothing to frame; waiting would fit the user's first drop instead.
    if (useStore.getState().graph.nodes.length === 0) {
      done.current = fitRequest;
      return;
    }
    // React Flow takes the new nodes in its own effects, which run before this one; it has
    // measured them once it says they are initialized.
    let frame = 0;
    let waited = 0;
    const attempt = () => {
      const { nodes, nodesInitialized } = flow.getState();
      if (nodes.length > 0 && nodesInitialized) {
        done.current = fitRequest;
        void fit();
      } else if (waited < MEASURE_FRAMES) {
        waited += 1;
        frame = requestAnimationFrame(attempt);
      } else done.current = fitRequest;
    };
    attempt();
    return () => cancelAnimationFrame(frame);
  }, [fitRequest, fit, flow]);
}
