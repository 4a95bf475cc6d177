import type { Graph } from '../graph/types';
import { PROJECT_FORMAT, parseProjectFile } from '../project/project-file';
import type { Project } from '../project/project-file';
import { UserFileError } from '../lib/errors';
import { parseJsonText } from '../lib/parse-file';
import { graphFromKerasModel } from './from-keras';

/** A model file as read: a Netloom project, or a Keras / TF.js layers model (topology only). */
export type OpenedFile =
  | { readonly kind: 'project'; readonly name: string; readonly graph: Graph; readonly project: Project }
  | { readonly kind: 'keras'; readonly name: string; readonly graph: Graph; readonly unkept: readonly string[] };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Reads a `.netloom.json` project, a TF.js `model.json` or a Keras `model.to_json()` text,
 * deciding by content rather than by file name. Anything else is a UserFileError naming the file.
 */
export function openModelFile(text: string, fileName?: string): OpenedFile {
  const json = parseJsonText(text, fileName);
  // A project with a damaged format tag is still a project: say what the tag should be.
  const looksLikeProject = isObject(json) && 'graph' in json && 'version' in json && !('modelTopology' in json);
  if (isObject(json) && (json.format === PROJECT_FORMAT || looksLikeProject)) {
    const project = parseProjectFile(text, fileName);
    return { kind: 'project', name: project.name, graph: project.graph, project };
  }
  if (isObject(json) && ('modelTopology' in json || 'class_name' in json || 'model_config' in json || 'format' in json)) {
    try {
      const { graph, modelName, unkept } = graphFromKerasModel(json, fileName);
      return { kind: 'keras', name: modelName, graph, unkept };
    } catch (error) {
      if (error instanceof UserFileError && fileName !== undefined && !error.message.startsWith(fileName)) {
        throw new UserFileError(error.message, fileName);
      }
      throw error;
    }
  }
  throw new UserFileError('is neither a Netloom project (.netloom.json) nor a Keras / TF.js layers model (model.json)', fileName);
}
