import { emptyProject } from '../../src/project/project-file';
import type { Template } from '../../src/analysis/templates';
import { useStore } from '../store/store';

/**
 * Replaces the project with a fresh one built from `template`, keeping the data; the old graph
 * stays undoable.
 */
export function newFromTemplate(template: Template): void {
  const name = template.id === 'blank' ? 'Untitled' : template.title;
  const s = useStore.getState();
  // The data in memory stays, with its plan: trying another model on one's data is the point.
  s.loadProject({ ...emptyProject(name), graph: template.build(), data: s.data });
  s.showNotice({ kind: 'info', text: `New project: ${template.title}. Undo brings back the previous graph.` });
}
