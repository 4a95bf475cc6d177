import { Search, X } from 'lucide-react';
import type { KeyboardEvent } from 'react';
import { useId, useMemo, useState } from 'react';
import { CATEGORY_ICON, categoryColor } from '../layer-style';
import { useStore } from '../store/store';
import { PaletteItem } from './palette-item';
import { PaletteSearchResults } from './palette-results';
import type { PaletteEntry, PaletteResults } from './palette-search';
import { paletteGroups, searchPalette } from './palette-search';
import './palette.css';

const NO_RESULTS: PaletteResults = { entries: [], templates: [] };

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

/** What the screen reader hears after an add from the palette, or the store's refusal. */
function addEntry(entry: PaletteEntry): string {
  const s = useStore.getState();
  const selected = s.selectedNodes[0];
  const after = s.graph.nodes.find((n) => n.id === selected)?.name ?? s.graph.groups?.find((g) => g.id === selected)?.title;
  if (entry.type === 'block') {
    const result = s.addBlockAfterSelection(entry.id);
    if (!result.ok) {
      s.showNotice({ kind: 'error', text: result.reason });
      return result.reason;
    }
    return `Added ${entry.id} after ${after ?? 'the selection'}, collapsed`;
  }
  const id = s.addLayerAfterSelection(entry.id);
  const name = useStore.getState().graph.nodes.find((n) => n.id === id)?.name ?? entry.id;
  return after === undefined ? `Added ${name}` : `Added ${name} after ${after}`;
}

/**
 * The layer palette: every layer kind and block by category, with a search box whose results come
 * best first, by name or by meaning (what a layer is for, its activations, its parameters), and
 * include the templates a new project can start from. Items drag onto the canvas; Enter or a click adds the item after the selected layer,
 * so a model can be built from the keyboard.
 */
export function Palette() {
  const [query, setQuery] = useState('');
  const [announcement, setAnnouncement] = useState('');
  const searching = query.trim() !== '';
  const groups = useMemo(() => (searching ? [] : paletteGroups()), [searching]);
  const results = useMemo(() => (searching ? searchPalette(query) : NO_RESULTS), [searching, query]);
  const searchId = useId();
  const add = (entry: PaletteEntry) => setAnnouncement(addEntry(entry));

  return (
    <nav className="palette" aria-label="Layer palette">
      <h2 className="sr-only">Layers</h2>
      <div className="palette__search">
        <Search className="palette__search-icon" size={14} aria-hidden="true" />
        <input
          id={searchId}
          type="search"
          className="palette__search-input"
          placeholder="Search: relu, image, text…"
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
        {searching ? (
          <PaletteSearchResults query={query} results={results} idPrefix={searchId} onAdd={add} />
        ) : (
          groups.map(({ category, entries }) => {
            const Icon = CATEGORY_ICON[category];
            const headingId = `${searchId}-${category}`;
            return (
              <div key={category} className="palette__group">
                <h3 id={headingId} className="palette__heading" style={{ color: categoryColor(category) }}>
                  <Icon size={14} aria-hidden="true" />
                  {category}
                </h3>
                <ul className="palette__list" aria-labelledby={headingId}>
                  {entries.map((entry) => (
                    <PaletteItem key={entry.id} entry={entry} onAdd={add} />
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
