import { useStore } from '../store/store';
import { tidyLayout } from '../tidy';

/** Arranges the layers top to bottom, as one undo step, from the sizes the canvas measured. */
export function tidy(): void {
  const { graph, measured, setPositions } = useStore.getState();
  setPositions(tidyLayout(graph, measured));
}
