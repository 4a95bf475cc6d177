import { emptyProject, parseProjectFile } from '../../src/project/project-file';
import type { Template } from '../../src/analysis/templates';
import { useStore } from '../store/store';
import { loadProjectWithWeights } from './open-file';

/**
 * Replaces the project with a fresh one built from `template`, keeping the data; the old graph
 * stays undoable. A template with pretrained weights opens its project file (served with the
 * app, nothing downloaded from elsewhere) with them, as Open does a project saved with weights.
 */
export function newFromTemplate(template: Template): Promise<void> {
  if (template.weightsProject !== undefined) return newWithWeights(template, template.weightsProject);
  const name = template.id === 'blank' ? 'Untitled' : template.title;
  const s = useStore.getState();
  // The data in memory stays, with its plan: trying another model on one's data is the point.
  s.loadProject({ ...emptyProject(name), graph: template.build(), data: s.data });
  s.showNotice({ kind: 'info', text: `New project: ${template.title}. Undo brings back the previous graph.` });
  return Promise.resolve();
}

async function newWithWeights(template: Template, path: string): Promise<void> {
  const s = useStore.getState();
  try {
    const response = await fetch(`./${path}`);
    if (!response.ok) throw new Error(`${path} could not be loaded (HTTP ${response.status})`);
    const project = parseProjectFile(await response.text(), path);
    await loadProjectWithWeights({ ...project, name: template.title }, path, 'keep');
    s.showNotice({ kind: 'info', text: `New project: ${template.title}, with its pretrained weights. Undo brings back the previous graph.` });
  } catch (error) {
    s.showNotice({ kind: 'error', text: `${template.title}: ${error instanceof Error ? error.message : String(error)}` });
  }
}
