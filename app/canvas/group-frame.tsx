import type { NodeProps } from '@xyflow/react';
import { Boxes } from 'lucide-react';
import { memo } from 'react';
import { useStore } from '../store/store';
import { GroupActions } from '../group-actions';
import { groupView } from '../group-view';

function GroupFrameView({ id, selected }: NodeProps) {
  const view = useStore((s) => groupView(s.graph, id, s.dataSignature));
  if (view === null) return null;
  return (
    <div className={`group-frame${selected ? ' is-selected' : ''}${view.errors > 0 ? ' has-error' : ''}`} data-testid={`frame-${view.title}`}>
      <div className="group-frame__head" title="Drag to move the whole group">
        <Boxes className="group-node__icon" size={14} aria-hidden />
        <span className="group-node__title">{view.title}</span>
        <span className="group-node__count">{view.layers} layers</span>
        <GroupActions id={id} title={view.title} collapsed={false} />
      </div>
    </div>
  );
}

/** An expanded group: a labelled frame around its layers, moved by its title bar, with collapse and ungroup. */
export const GroupFrame = memo(GroupFrameView);
