/**
 * Which classes of a model.json only Netloom registers with tfjs, and so whether a TF.js export
 * ships `netloom-layers.js` (the bundled `registerNetloomLayers`, see
 * `scripts/build-netloom-layers.mjs`) beside it. Pure: the module text is passed in, so the page
 * loads it only for a model that needs it.
 */
import { EXTENSION_ACTIVATION_CLASSES, EXTENSION_LAYER_CLASSES } from '../layers/tfjs-extra/index';
import { UserFileError } from '../lib/errors';
import { WEIGHTS_FILE, type ModelFiles } from './model-files';

/** The module's file name in an export. */
export const NETLOOM_LAYERS_FILE = 'netloom-layers.js';

/** What the export notice and the CLI say about a model that needs the module. */
export const NETLOOM_LAYERS_NOTE = `needs ${NETLOOM_LAYERS_FILE}: call registerNetloomLayers(tf) before tf.loadLayersModel`;

const LAYERS = new Set(EXTENSION_LAYER_CLASSES);
const ACTIVATIONS = new Set(EXTENSION_ACTIVATION_CLASSES);

/** tfjs's own `toCamelCase`, which it applies to every string of a file before looking classes up. */
const camel = (id: string): string => (id.length <= 1 || !id.includes('_') ? id : id.replace(/_+(\w|$)/g, (_, c: string) => c.toUpperCase()));

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/**
 * The class names in a model.json (its text, or the parsed object) that tfjs 4.22 cannot load
 * without `registerNetloomLayers(tf)`, sorted: layer classes wherever a `class_name` names one
 * (wrapped layers, RNN cells and nested models included), and activations named by any
 * `activation` or `recurrent_activation` setting, by the camelCase identifier tfjs looks up
 * (`gelu_new` is `geluNew`). Empty for a model of stock tfjs classes only.
 */
export function netloomClassesIn(modelJson: string | unknown): string[] {
  let root: unknown = modelJson;
  if (typeof modelJson === 'string') {
    try {
      root = JSON.parse(modelJson);
    } catch (error) {
      throw new UserFileError(`model.json is not JSON: ${error instanceof Error ? error.message : String(error)}`, 'model.json');
    }
  }
  const found = new Set<string>();
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (!isRecord(value)) return;
    for (const [key, item] of Object.entries(value)) {
      if ((key === 'class_name' || key === 'className') && typeof item === 'string' && (LAYERS.has(item) || ACTIVATIONS.has(camel(item)))) {
        found.add(LAYERS.has(item) ? item : camel(item));
      } else if (/activation$/i.test(key) && typeof item === 'string' && ACTIVATIONS.has(camel(item))) found.add(camel(item));
      else visit(item);
    }
  };
  visit(root);
  return [...found].sort();
}

/** One file of a TF.js export: its name and its bytes (text for the JSON and the module). */
export interface ExportFile {
  readonly name: string;
  readonly contents: string | Uint8Array;
}

/**
 * The files a TF.js export writes: `model.json`, the weights file and, when the model uses a
 * class Netloom registers, `netloom-layers.js` with the given module text. Throws when the model
 * needs the module and no text was given, so no caller ships a model.json that cannot load.
 */
export function tfjsExportFiles(files: ModelFiles, layersJs: string | undefined, weightsFileName = WEIGHTS_FILE): ExportFile[] {
  const out: ExportFile[] = [
    { name: 'model.json', contents: files.modelJson },
    { name: weightsFileName, contents: files.weights },
  ];
  const needed = netloomClassesIn(files.modelJson);
  if (needed.length === 0) return out;
  if (layersJs === undefined) throw new Error(`the model uses ${needed.join(', ')}, so its export needs the ${NETLOOM_LAYERS_FILE} text`);
  return [...out, { name: NETLOOM_LAYERS_FILE, contents: layersJs }];
}
