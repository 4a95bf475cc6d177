interface PaletteItemTextProps {
  readonly name: string;
  /** Why a search found the item; nothing shows when empty. */
  readonly why: readonly string[];
  /** The id the item's button points its aria-describedby at. */
  readonly whyId: string;
}

/** A palette item's name and, for a search result not found by its name, why it matched ("activation: relu"). */
export function PaletteItemText({ name, why, whyId }: PaletteItemTextProps) {
  return (
    <span className="palette-item__text">
      <span className="palette-item__name">{name}</span>
      {why.length > 0 && (
        <span id={whyId} className="palette-item__why" data-testid="palette-why">
          {why.join(' · ')}
        </span>
      )}
    </span>
  );
}
