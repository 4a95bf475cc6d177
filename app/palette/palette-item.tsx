import type { CSSProperties, DragEvent, KeyboardEvent } from 'react';
import type { LayerKind } from '../../src/graph/layer-kinds';
import { layerSpec } from '../../src/layers/registry';
import { CATEGORY_ICON, categoryColor } from '../layer-style';
import { LAYER_DRAG_TYPE } from '../drag-type';

interface PaletteItemProps {
  readonly kind: LayerKind;
  readonly onAdd: (kind: LayerKind) => void;
}

/** One layer kind: drag it onto the canvas, or press Enter / click to add it after the selection. */
export function PaletteItem({ kind, onAdd }: PaletteItemProps) {
  const spec = layerSpec(kind);
  const Icon = CATEGORY_ICON[spec.category];

  const onDragStart = (e: DragEvent<HTMLButtonElement>) => {
    e.dataTransfer.setData(LAYER_DRAG_TYPE, kind);
    e.dataTransfer.effectAllowed = 'copy';
  };
  const onKeyDown = (e: KeyboardEvent<HTMLButtonElement>) => {
    if (e.key !== 'Enter' || e.repeat) return;
    // Handled here rather than by the button's synthetic click so that it behaves the same in every
    // browser and in tests; preventDefault stops the browser from also clicking.
    e.preventDefault();
    onAdd(kind);
  };

  return (
    <li className="palette-item-row">
      <button
        type="button"
        className="palette-item"
        draggable
        data-testid={`palette-${kind}`}
        aria-label={`Add ${kind} layer`}
        title={`${spec.kerasClass}: ${spec.description}`}
        style={{ '--item-color': categoryColor(spec.category) } as CSSProperties}
        onClick={() => onAdd(kind)}
        onKeyDown={onKeyDown}
        onDragStart={onDragStart}
      >
        <Icon className="palette-item__icon" size={14} aria-hidden="true" />
        <span className="palette-item__name">{kind}</span>
      </button>
    </li>
  );
}
