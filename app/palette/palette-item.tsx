import { Boxes } from 'lucide-react';
import type { CSSProperties, DragEvent, KeyboardEvent } from 'react';
import { useId } from 'react';
import { layerSpec } from '../../src/layers/registry';
import { CATEGORY_ICON, categoryColor } from '../layer-style';
import { BLOCK_DRAG_TYPE, LAYER_DRAG_TYPE } from '../drag-type';
import { PaletteItemText } from './palette-item-text';
import type { PaletteEntry } from './palette-search';

interface PaletteItemProps {
  readonly entry: PaletteEntry;
  readonly onAdd: (entry: PaletteEntry) => void;
  /** Why a search found it (`activation: relu`), shown under the name; empty outside a search or for a name match. */
  readonly why?: readonly string[];
}

/**
 * One layer kind or block: drag it onto the canvas, or press Enter / click to add it after the
 * selection. A block shows a stack icon and says "block" to screen readers. A search result found
 * by something other than its name says what under the name, and to screen readers as its description.
 */
export function PaletteItem({ entry, onAdd, why = [] }: PaletteItemProps) {
  const whyId = useId();
  const Icon = entry.type === 'block' ? Boxes : CATEGORY_ICON[entry.category];
  const block = entry.type === 'block';

  const onDragStart = (e: DragEvent<HTMLButtonElement>) => {
    e.dataTransfer.setData(block ? BLOCK_DRAG_TYPE : LAYER_DRAG_TYPE, entry.id);
    e.dataTransfer.effectAllowed = 'copy';
  };
  const onKeyDown = (e: KeyboardEvent<HTMLButtonElement>) => {
    if (e.key !== 'Enter' || e.repeat) return;
    // Handled here rather than by the button's synthetic click so that it behaves the same in every
    // browser and in tests; preventDefault stops the browser from also clicking.
    e.preventDefault();
    onAdd(entry);
  };

  return (
    <li className="palette-item-row">
      <button
        type="button"
        className={`palette-item${block ? ' is-block' : ''}`}
        draggable
        data-testid={`palette-${entry.id}`}
        aria-label={`Add ${entry.id} ${block ? 'block' : 'layer'}`}
        aria-describedby={why.length > 0 ? whyId : undefined}
        title={`${block ? `${entry.id} (a block of layers)` : layerSpec(entry.id).kerasClass}: ${entry.description}`}
        style={{ '--item-color': categoryColor(entry.category) } as CSSProperties}
        onClick={() => onAdd(entry)}
        onKeyDown={onKeyDown}
        onDragStart={onDragStart}
      >
        <Icon className="palette-item__icon" size={14} aria-hidden="true" />
        <PaletteItemText name={entry.id} why={why} whyId={whyId} />
      </button>
    </li>
  );
}
