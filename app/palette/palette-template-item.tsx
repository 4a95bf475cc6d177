import { LayoutTemplate } from 'lucide-react';
import type { CSSProperties } from 'react';
import { useId } from 'react';
import { PaletteItemText } from './palette-item-text';
import type { Template } from '../../src/analysis/templates';
import { newFromTemplate } from '../actions/new-project';

interface PaletteTemplateItemProps {
  readonly template: Template;
  /** Why the search found it (`keyword: image`). */
  readonly why: readonly string[];
}

/**
 * A template a palette search found: a click or Enter starts a new project from it, as New does
 * (the data stays; Undo brings back the graph it replaced).
 */
export function PaletteTemplateItem({ template, why }: PaletteTemplateItemProps) {
  const whyId = useId();
  return (
    <li className="palette-item-row">
      <button
        type="button"
        className="palette-item is-template"
        data-testid={`palette-template-${template.id}`}
        aria-label={`New project from the template ${template.title}`}
        aria-describedby={why.length > 0 ? whyId : undefined}
        title={`${template.title}: ${template.description}`}
        style={{ '--item-color': 'var(--muted)' } as CSSProperties}
        onClick={() => void newFromTemplate(template)}
      >
        <LayoutTemplate className="palette-item__icon" size={14} aria-hidden="true" />
        <PaletteItemText name={template.title} why={why} whyId={whyId} />
      </button>
    </li>
  );
}
