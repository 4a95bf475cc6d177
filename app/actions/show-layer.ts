import { shownIds } from '../../src/graph/groups';
import { useStore } from '../store/store';

/**
 * A problem's link: selects its layer on the canvas (its collapsed group when it is inside one)
 * and opens the Model tab, where the canvas is, from the Data or Train tab.
 */
export function showLayer(nodeId: string): void {
  const { graph, select, setView } = useStore.getState();
  select(shownIds(graph, [nodeId]));
  setView('model');
}
