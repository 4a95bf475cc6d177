import { MoreHorizontal } from 'lucide-react';
import type { MenuItem } from '../menu-button';
import { MenuButton } from '../menu-button';
import { useStore } from '../store/store';

/**
 * A layer card's (or a group card's) menu of transfer-learning edits: freeze or unfreeze it with
 * everything before it, use it as a feature extractor, attach a new head for the data, and group
 * the selected layers. Each is one undo step (docs/surgery.md).
 */
export function NodeMenu({ id, name }: { readonly id: string; readonly name: string }) {
  const grouping = useStore((s) => s.selectedNodes.length > 1 && s.selectedNodes.includes(id));
  const hasData = useStore((s) => s.dataSignature !== null);
  const s = () => useStore.getState();
  const items: MenuItem[] = [
    {
      id: 'freeze-through',
      title: 'Freeze through here (F)',
      description: 'Freeze this layer and every layer before it',
      onSelect: () => s().setTrainableThrough([id], false),
    },
    {
      id: 'unfreeze-through',
      title: 'Unfreeze through here (Shift+F)',
      description: 'Make this layer and every layer before it trainable',
      onSelect: () => s().setTrainableThrough([id], true),
    },
    {
      id: 'cut',
      title: 'Use as feature extractor',
      description: 'Remove every layer after this one: its output becomes the model’s',
      onSelect: () => s().cutAfter(id),
    },
    {
      id: 'attach-head',
      title: hasData ? 'Attach a new head for this data' : 'Attach a new head',
      description: hasData
        ? 'Replace what follows with pooling, Dropout(0.2) and a Dense sized for the data'
        : 'Replace what follows with pooling, Dropout(0.2) and a Dense like the current output (load data to size it)',
      onSelect: () => s().attachHead(id),
    },
    ...(grouping
      ? [{ id: 'group', title: 'Group the selected layers (Ctrl+G)', description: 'Draw them as one nested model', onSelect: () => s().groupSelected() }]
      : []),
  ];
  return (
    <MenuButton
      compact
      label={`Model surgery for ${name}`}
      icon={<MoreHorizontal size={14} aria-hidden="true" />}
      title="Freeze, cut, attach a head"
      testId="node-menu"
      itemTestId="node-menu"
      items={items}
    />
  );
}
