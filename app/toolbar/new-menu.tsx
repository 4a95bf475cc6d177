import { FilePlus } from 'lucide-react';
import { TEMPLATES } from '../../src/analysis/templates';
import { MenuButton } from '../menu-button';
import { newFromTemplate } from '../actions/new-project';

const ITEMS = TEMPLATES.map((t) => ({ id: t.id, title: t.title, description: t.description, onSelect: () => void newFromTemplate(t) }));

/** The "New" menu button: a blank canvas or one of the starting templates. */
export function NewMenu() {
  return (
    <MenuButton
      label="New"
      icon={<FilePlus size={16} aria-hidden="true" />}
      title="New project from a template"
      testId="toolbar-new"
      itemTestId="template"
      items={ITEMS}
    />
  );
}
