import { Boxes } from 'lucide-react';
import { groupOf } from '../../src/graph/groups';
import { useStore } from '../store/store';

/** "In TransformerEncoder": the group a layer belongs to, with a button that selects the group. */
export function GroupBreadcrumb({ nodeId }: { readonly nodeId: string }) {
  const group = useStore((s) => groupOf(s.graph, nodeId));
  if (!group) return null;
  return (
    <p className="insp-group-of" data-testid="inspector-group">
      <Boxes size={14} aria-hidden="true" />
      <span>In</span>
      <button type="button" aria-label={`Select the group ${group.title}`} onClick={() => useStore.getState().select([group.id])}>
        {group.title}
      </button>
    </p>
  );
}
