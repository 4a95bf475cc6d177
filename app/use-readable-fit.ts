import { useReactFlow, useStoreApi } from '@xyflow/react';
import { useCallback } from 'react';
import { readableViewport } from './viewport-math';

/**
 * Frames the graph at a zoom where its text reads (see `readableViewport`): a graph too tall for
 * the canvas opens at its top, the rest a scroll away, rather than shrunk to unreadable text.
 * Takes the cards' sizes as React Flow last measured them.
 */
export function useReadableFit(): (options?: { readonly duration?: number }) => Promise<void> {
  const { getNodes, getNodesBounds, setViewport } = useReactFlow();
  const flow = useStoreApi();
  return useCallback(
    async ({ duration = 0 } = {}) => {
      const nodes = getNodes();
      if (nodes.length === 0) return;
      const { width, height } = flow.getState();
      const viewport = readableViewport(getNodesBounds(nodes), { width, height });
      if (viewport) await setViewport(viewport, { duration });
    },
    [flow, getNodes, getNodesBounds, setViewport],
  );
}
