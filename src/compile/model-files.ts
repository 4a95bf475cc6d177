/**
 * A trained model as the two files `tf.loadLayersModel` reads: `model.json` and one weights file.
 * No file system here: the CLI writes the bytes to disk, the page offers them as downloads.
 */
import type * as tfjs from '@tensorflow/tfjs';
import type { Tf } from '../layers/layer-spec';

/** The name `model.json` points its weights manifest at. */
export const WEIGHTS_FILE = 'model.weights.bin';

/** The contents of `model.json` and of the weights file. */
export interface ModelFiles {
  readonly modelJson: string;
  readonly weights: Uint8Array;
}

/**
 * Builds `model.json` as tfjs's own `getModelJSONForModelArtifacts` does (it is not exported):
 * topology, format, generator, and one manifest group for all weights.
 */
export function modelJsonFor(artifacts: tfjs.io.ModelArtifacts, weightsPath = `./${WEIGHTS_FILE}`): tfjs.io.ModelJSON {
  const json: tfjs.io.ModelJSON = {
    modelTopology: artifacts.modelTopology as tfjs.io.ModelJSON['modelTopology'],
    format: artifacts.format,
    generatedBy: artifacts.generatedBy,
    convertedBy: artifacts.convertedBy,
    weightsManifest: [{ paths: [weightsPath], weights: artifacts.weightSpecs ?? [] }],
  };
  if (artifacts.signature != null) json.signature = artifacts.signature;
  if (artifacts.userDefinedMetadata != null) json.userDefinedMetadata = artifacts.userDefinedMetadata;
  if (artifacts.trainingConfig != null) json.trainingConfig = artifacts.trainingConfig;
  return json;
}

/** Serialises a model through `model.save(tf.io.withSaveHandler(...))`. */
export async function modelFiles(tf: Tf, model: tfjs.LayersModel): Promise<ModelFiles> {
  let files: ModelFiles | undefined;
  await model.save(
    tf.io.withSaveHandler(async (artifacts) => {
      const data = artifacts.weightData;
      const buffer = data === undefined ? new ArrayBuffer(0) : Array.isArray(data) ? tf.io.CompositeArrayBuffer.join(data) : data;
      files = { modelJson: JSON.stringify(modelJsonFor(artifacts)), weights: new Uint8Array(buffer) };
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    }),
  );
  if (files === undefined) throw new Error('the model was not saved');
  return files;
}

/** Loads the files back into a model (tests, and the page's "open a trained model"). */
export async function loadModelFiles(tf: Tf, files: ModelFiles): Promise<tfjs.LayersModel> {
  const json = JSON.parse(files.modelJson) as tfjs.io.ModelJSON;
  const weightSpecs = json.weightsManifest.flatMap((group) => group.weights);
  const { buffer, byteOffset, byteLength } = files.weights;
  const weightData = buffer.slice(byteOffset, byteOffset + byteLength) as ArrayBuffer;
  return tf.loadLayersModel(tf.io.fromMemory({ modelTopology: json.modelTopology, weightSpecs, weightData }));
}
