import { MousePointerClick } from 'lucide-react';
import { useStore } from '../store/store';
import { groupById } from '../../src/graph/groups';
import { GroupPanel } from './group-panel';
import { LayerForm } from './layer-form';
import './inspector.css';

/** The right-hand panel: the parameters of the selected layer (the first, when several are), or the selected group. */
export function Inspector() {
  const count = useStore((s) => s.selectedNodes.length);
  // Null when nothing is selected or the selection points at a layer that is gone (after undo).
  const nodeId = useStore((s) => {
    const id = s.selectedNodes[0];
    return id !== undefined && s.graph.nodes.some((n) => n.id === id) ? id : null;
  });
  const groupId = useStore((s) => {
    const id = s.selectedNodes[0];
    return id !== undefined && groupById(s.graph, id) ? id : null;
  });
  return (
    <aside className="inspector" aria-label="Inspector" data-testid="inspector">
      {groupId !== null ? (
        <GroupPanel key={groupId} groupId={groupId} />
      ) : nodeId === null ? (
        <div className="insp-empty">
          <MousePointerClick size={20} aria-hidden="true" />
          <p>Select a layer to edit its parameters, or drag one from the palette.</p>
        </div>
      ) : (
        <>
          {count > 1 && (
            <p className="insp-multi" role="status">
              {count} layers selected; editing the first.
            </p>
          )}
          {/* Keyed by node: every field's draft and error reset when another layer is selected. */}
          <LayerForm key={nodeId} nodeId={nodeId} />
        </>
      )}
    </aside>
  );
}
