import { useReactFlow, useStoreApi } from '@xyflow/react';
import { useEffect, useRef } from 'react';
import { reducedMotion } from '../reduced-motion';
import { useStore } from '../store/store';
import { useReadableFit } from '../use-readable-fit';
import type { FlowRect } from '../viewport-math';
import { revealViewport, unionRect } from '../viewport-math';

/** Frames to wait for React Flow to measure a new card before revealing what is measured. */
const MEASURE_FRAMES = 10;

/**
 * Pans the canvas, at its zoom, just enough to show the cards the store asks to reveal (a layer
 * added from the keyboard, a paste), once React Flow has measured them: a card added below the
 * view, or at the canvas's very edge, would otherwise be out of sight or cut off.
 */
export function useRevealRequests(): void {
  const request = useStore((s) => s.revealRequest);
  const { getInternalNode, getViewport, setViewport } = useReactFlow();
  const flow = useStoreApi();
  const fit = useReadableFit();
  // A request made while the canvas was not on screen is old news once it is: the fit on load frames it.
  const before = useRef(request);
  useEffect(() => {
    if (!request || request === before.current || request.ids.length === 0) return;
    let frame = 0;
    let waited = 0;
    const reveal = () => {
      const boxes = request.ids.flatMap((id): FlowRect[] => {
        const node = getInternalNode(id);
        const width = node?.measured.width;
        const height = node?.measured.height;
        return node && width && height ? [{ ...node.internals.positionAbsolute, width, height }] : [];
      });
      if (boxes.length < request.ids.length && waited < MEASURE_FRAMES) {
        waited += 1;
        frame = requestAnimationFrame(reveal);
        return;
      }
      // The first card of a new model (all there is) is framed like an opened graph, not left in a corner.
      if (boxes.length === flow.getState().nodes.length) {
        void fit({ duration: reducedMotion() ? 0 : 200 });
        return;
      }
      const box = unionRect(boxes);
      const { width, height } = flow.getState();
      const next = box && revealViewport(box, getViewport(), { width, height });
      if (next) void setViewport(next, { duration: reducedMotion() ? 0 : 200 });
    };
    frame = requestAnimationFrame(reveal);
    return () => cancelAnimationFrame(frame);
  }, [request, getInternalNode, getViewport, setViewport, flow, fit]);
}
