import { PaletteItem } from './palette-item';
import { PaletteTemplateItem } from './palette-template-item';
import type { PaletteEntry, PaletteResults } from './palette-search';

interface PaletteSearchResultsProps {
  readonly query: string;
  readonly results: PaletteResults;
  /** A prefix for the headings' ids, unique to this palette. */
  readonly idPrefix: string;
  readonly onAdd: (entry: PaletteEntry) => void;
}

/**
 * What a palette search found: layers and blocks best first, each saying why it matched, then the
 * templates a new project can start from; or, when nothing matches, what to try instead.
 */
export function PaletteSearchResults({ query, results, idPrefix, onAdd }: PaletteSearchResultsProps) {
  if (results.entries.length === 0 && results.templates.length === 0) {
    return (
      <p className="palette__empty" role="status">
        No layer or template matches “{query.trim()}”.
        <span className="palette__empty-tip">
          Try a layer’s name (Dense, Conv2D), what it is for (image, text, sequence, tabular), an activation (relu, softmax) or a job (dropout, normalization).
        </span>
      </p>
    );
  }
  return (
    <>
      {results.entries.length > 0 && (
        <div className="palette__group">
          <h3 id={`${idPrefix}-results`} className="palette__heading">
            Best matches
          </h3>
          <ul className="palette__list" aria-labelledby={`${idPrefix}-results`}>
            {results.entries.map(({ entry, why }) => (
              <PaletteItem key={entry.id} entry={entry} why={why} onAdd={onAdd} />
            ))}
          </ul>
        </div>
      )}
      {results.templates.length > 0 && (
        <div className="palette__group">
          <h3 id={`${idPrefix}-templates`} className="palette__heading">
            Templates (new project)
          </h3>
          <ul className="palette__list" aria-labelledby={`${idPrefix}-templates`}>
            {results.templates.map(({ entry, why }) => (
              <PaletteTemplateItem key={entry.id} template={entry} why={why} />
            ))}
          </ul>
        </div>
      )}
    </>
  );
}
