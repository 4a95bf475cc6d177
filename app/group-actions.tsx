import { Flame, Maximize2, Minimize2, Snowflake, Ungroup } from 'lucide-react';
import { groupView } from './group-view';
import { useStore } from './store/store';

interface GroupActionsProps {
  readonly id: string;
  readonly title: string;
  readonly collapsed: boolean;
  /** Show the words beside the icons (the inspector), not icons alone (the canvas). */
  readonly labelled?: boolean;
}

/** Expand or collapse a group, freeze or unfreeze it, and ungroup it: buttons for its card, its frame and the inspector. */
export function GroupActions({ id, title, collapsed, labelled = false }: GroupActionsProps) {
  const toggle = collapsed ? 'Expand' : 'Collapse';
  const ToggleIcon = collapsed ? Maximize2 : Minimize2;
  const frozen = useStore((s) => groupView(s.graph, id, s.dataSignature)?.frozen ?? false);
  const FreezeIcon = frozen ? Flame : Snowflake;
  const freeze = frozen ? 'Unfreeze' : 'Freeze';
  return (
    <span className="group-actions">
      <button
        type="button"
        className="group-actions__button nodrag"
        aria-label={`${freeze} ${title}`}
        aria-pressed={frozen}
        title={frozen ? 'Unfreeze: training updates its layers again' : 'Freeze: training leaves its layers’ weights alone (trainable = False)'}
        data-testid="group-freeze"
        onClick={() => useStore.getState().setTrainable([id], frozen)}
      >
        <FreezeIcon size={13} aria-hidden="true" />
        {labelled && <span>{freeze}</span>}
      </button>
      <button
        type="button"
        className="group-actions__button nodrag"
        aria-label={`${toggle} ${title}`}
        title={collapsed ? 'Show its layers' : 'Show it as one node'}
        data-testid={collapsed ? 'group-expand' : 'group-collapse'}
        onClick={() => useStore.getState().setGroupCollapsed(id, !collapsed)}
      >
        <ToggleIcon size={13} aria-hidden="true" />
        {labelled && <span>{toggle}</span>}
      </button>
      <button
        type="button"
        className="group-actions__button nodrag"
        aria-label={`Ungroup ${title}`}
        title="Ungroup: keep the layers, drop the group"
        data-testid="group-ungroup"
        onClick={() => useStore.getState().ungroup(id)}
      >
        <Ungroup size={13} aria-hidden="true" />
        {labelled && <span>Ungroup</span>}
      </button>
    </span>
  );
}
