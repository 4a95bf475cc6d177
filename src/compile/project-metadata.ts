import { trainingMetadata } from './tfjs-metadata';
import type { NetloomMetadata } from './tfjs-metadata';
import type { DataConfig } from '../data/config';
import { assertNever } from '../lib/assert-never';
import type { Project } from '../project/project-file';

/** The fitted preprocessing a project's data config carries, if any. */
function fittedOf(data: DataConfig) {
  switch (data.kind) {
    case 'none':
    case 'images':
    case 'idx':
    case 'audio':
      return undefined;
    case 'sample':
    case 'csv':
      return data.fitted;
    default:
      return assertNever(data, 'data config');
  }
}

/**
 * What model.json carries from the project: its name, preprocessing, class names, loss and
 * metrics, and a sound model's audio settings. The app's export and the CLI's both use it.
 */
export function projectMetadata(project: Project): NetloomMetadata {
  const preprocessing = fittedOf(project.data);
  const classNames =
    preprocessing?.target.classes ??
    (project.data.kind === 'images' || project.data.kind === 'idx' || project.data.kind === 'audio' ? project.data.classes : undefined);
  const audio = project.data.kind === 'audio' ? project.data.settings : undefined;
  return {
    project: project.name,
    ...(preprocessing ? { preprocessing } : {}),
    ...(classNames ? { classNames } : {}),
    training: trainingMetadata(project.training),
    ...(audio ? { audio } : {}),
  };
}
