import { Search, X } from 'lucide-react';
import type { KeyboardEvent } from 'react';
import { useId, useMemo, useState } from 'react';
import type { LayerKind } from '../../src/graph/layer-kinds';
import { CATEGORY_ICON, categoryColor } from '../layer-style';
import { useStore } from '../store/store';
import { PaletteItem } from './palette-item';
import { paletteGroups } from './palette-search';
import './palette.css';

/** Moves focus between palette items with the arrow keys, Home and End. */
function onListKeyDown(e: KeyboardEvent<HTMLElement>) {
  const step = { ArrowDown: 1, ArrowUp: -1 }[e.key];
  if (step === undefined && e.key !== 'Home' && e.key !== 'End') return;
  const items = [...e.currentTarget.querySelectorAll<HTMLButtonElement>('button.palette-item')];
  if (items.length === 0) return;
  const current = items.findIndex((item) => item === document.activeElement);
  const next = e.key === 'Home' ? 0 : e.key === 'End' ? items.length - 1 : Math.min(items.length - 1, Math.max(0, current + (step ?? 0)));
  e.preventDefault();
  items[next]?.focus();
}

/**
 * The layer palette: every layer kind by category, with a search box. Items drag onto the canvas;
 * Enter or a click adds the layer after the selected one, so a model can be built from the keyboard.
 */
export function Palette() {
  const [query, setQuery] = useState('');
  const [announcement, setAnnouncement] = useState('');
  const groups = useMemo(() => paletteGroups(query), [query]);
  const searchId = useId();

  const add = (kind: LayerKind) => {
    const s = useStore.getState();
    const after = s.graph.nodes.find((n) => n.id === s.selectedNodes[0])?.name;
    const id = s.addLayerAfterSelection(kind);
    const name = useStore.getState().graph.nodes.find((n) => n.id === id)?.name ?? kind;
    setAnnouncement(after === undefined ? `Added ${name}` : `Added ${name} after ${after}`);
  };

  return (
    <nav className="palette" aria-label="Layer palette">
      <div className="palette__search">
        <Search className="palette__search-icon" size={14} aria-hidden="true" />
        <input
          id={searchId}
          type="search"
          className="palette__search-input"
          placeholder="Search layers"
          aria-label="Search layers"
          data-testid="palette-search"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape' && query !== '') {
              e.stopPropagation();
              setQuery('');
            }
          }}
        />
        {query !== '' && (
          <button type="button" className="palette__clear" aria-label="Clear search" onClick={() => setQuery('')}>
            <X size={14} aria-hidden="true" />
          </button>
        )}
      </div>
      <div className="palette__groups" onKeyDown={onListKeyDown}>
        {groups.length === 0 ? (
          <p className="palette__empty" role="status">
            No layer matches “{query.trim()}”.
          </p>
        ) : (
          groups.map(({ category, kinds }) => {
            const Icon = CATEGORY_ICON[category];
            const headingId = `${searchId}-${category}`;
            return (
              <div key={category} className="palette__group">
                <h3 id={headingId} className="palette__heading" style={{ color: categoryColor(category) }}>
                  <Icon size={14} aria-hidden="true" />
                  {category}
                </h3>
                <ul className="palette__list" aria-labelledby={headingId}>
                  {kinds.map((kind) => (
                    <PaletteItem key={kind} kind={kind} onAdd={add} />
                  ))}
                </ul>
              </div>
            );
          })
        )}
      </div>
      <p className="palette__hint">Drag a layer onto the canvas, or press Enter to add it after the selected layer.</p>
      <p className="palette__live" aria-live="polite">
        {announcement}
      </p>
    </nav>
  );
}
