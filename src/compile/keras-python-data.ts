/**
 * The data half of a Keras script: whatever the project trains on, loaded and prepared in Python
 * the way Netloom prepared it in the browser. Every branch is runnable; with no data the script
 * trains on random samples of the right shapes and says so.
 */
import { DEFAULT_AUDIO_SETTINGS } from '../data/audio/settings';
import type { DataConfig } from '../data/config';
import { sampleById } from '../data/samples';
import { assertNever } from '../lib/assert-never';
import type { TrainingConfig } from '../settings/training';
import type { ModelShapes } from './keras-python-arrays';
import { audioData } from './keras-python-audio';
import { csvData } from './keras-python-csv';
import { baseName, idxData, randomData, toyData, uploadedIdxData } from './keras-python-arrays';
import { settingArg, trainingArg } from './keras-python-settings';
import { VALIDATION_SETTINGS } from '../settings/validation';
import { DEFAULT_SPLIT, fractionOf, validationOf } from '../data/validation';
import { percent } from './keras-python-split';
import type { DataCode } from './keras-python-util';
import { HERE_LINES, pyCall, pyCommentText, pyPath, pyString, pyStrings } from './keras-python-util';

type ImagesConfig = Extract<DataConfig, { kind: 'images' }>;

/** How Keras labels images so that they fit the loss: one-hot, class ids, or one 0/1 number. */
function labelMode(training: TrainingConfig, shapes: ModelShapes): string {
  if (training.loss === 'sparse_categorical_crossentropy') return 'int';
  if (training.loss === 'binary_crossentropy' && shapes.outputs[0]?.at(-1) === 1) return 'binary';
  return 'categorical';
}

/** Keras's equivalent of Netloom's fit mode; stretching is what Keras does by default. */
function fitArgs(fit: ImagesConfig['fit']): string[] {
  switch (fit) {
    case 'crop':
      return ['crop_to_aspect_ratio=True'];
    case 'pad':
      return ['pad_to_aspect_ratio=True'];
    case 'stretch':
      return [];
    default:
      return assertNever(fit, 'image fit');
  }
}

/** A folder of images, one subfolder per class, as batched tf.data datasets scaled to [0, 1]. */
function imageData(data: ImagesConfig, training: TrainingConfig, shapes: ModelShapes): DataCode {
  const split = fractionOf(data);
  const validation = split.validation > 0;
  const args = [
    'DATA_DIR',
    `label_mode=${pyString(labelMode(training, shapes))}`,
    ...(data.classes ? [`class_names=${pyStrings(data.classes)}`] : []),
    `color_mode=${pyString(data.channels === 1 ? 'grayscale' : 'rgb')}`,
    trainingArg(training, 'batchSize'),
    `image_size=(${data.imageSize[0]}, ${data.imageSize[1]})`,
    trainingArg(training, 'shuffle'),
    trainingArg(training, 'seed'),
    ...(validation ? [settingArg(VALIDATION_SETTINGS.validation, split.validation), 'subset="both"'] : []),
    ...fitArgs(data.fit),
  ];
  const folder = pyCommentText(data.folderName);
  const lines = [
    `# The image folder "${folder}" picked in Netloom, with one subfolder of images per`,
    `# class (${folder}/<class>/*.png). Put it beside this script, or change DATA_DIR.`,
    ...(data.fit === 'pad' ? ['# pad_to_aspect_ratio needs Keras 3; on Keras 2, crop_to_aspect_ratio=True comes closest.'] : []),
    ...(validation
      ? [
          `# Keras holds out its own ${percent(split.validation)} of the images (Netloom held out the same share,`,
          `# ${split.stratified ? 'stratified, ' : ''}with split seed ${split.seed}): the same share, not the same images.`,
        ]
      : []),
    ...HERE_LINES,
    `DATA_DIR = ${pyPath(data.folderName)}`,
    ...pyCall('keras.utils.image_dataset_from_directory', args, validation ? 'train_ds, val_ds' : 'train_ds'),
    '# Netloom trains on pixels scaled to [0, 1].',
    'train_ds = train_ds.map(lambda x, y: (x / 255.0, y))',
    ...(validation ? ['val_ds = val_ds.map(lambda x, y: (x / 255.0, y))'] : []),
  ];
  return { lines, files: [{ kind: 'user', name: data.folderName }], needs: new Set(['os']), pip: [], fit: { kind: 'datasets', validation } };
}

/** Python that defines the training (and validation) data of the project. */
export function dataCode(data: DataConfig, training: TrainingConfig, shapes: ModelShapes): DataCode {
  switch (data.kind) {
    case 'none':
      return randomData(['# No data was chosen in Netloom.'], training, shapes);
    case 'images':
      return imageData(data, training, shapes);
    case 'idx':
      // Without class names the labels' ids are the classes, as many as the model's outputs.
      return uploadedIdxData({ ...data, classes: data.classes?.length ?? shapes.outputs[0]?.at(-1) ?? 10 }, training, shapes, fractionOf(data));
    case 'csv': {
      if (data.fitted === undefined) return randomData(unfitted(data.fileName), training, shapes);
      const about = [
        `# ${pyCommentText(data.fileName)}: the CSV file loaded in Netloom, which the export cannot attach: put it beside`,
        '# this script (or change DATA_FILE below).',
      ];
      return csvData({ file: { kind: 'user', name: data.fileName }, about, sniffDelimiter: true, plan: data.plan, fitted: data.fitted }, data.plan.split);
    }
    case 'sample': {
      const sample = sampleById(data.sampleId);
      if (sample === undefined) return randomData([`# Netloom has no sample "${pyCommentText(data.sampleId)}" any more.`], training, shapes);
      switch (sample.kind) {
        case 'csv': {
          if (data.fitted === undefined) return randomData(unfitted(sample.path), training, shapes);
          const name = baseName(sample.path);
          const about = [
            // Built-in text, escaped all the same: comments take nothing unescaped.
            `# ${pyCommentText(name)}: Netloom's "${pyCommentText(sample.title)}" sample, which Netloom's "Keras script + data" export puts`,
            `# beside this script. Source: ${pyCommentText(sample.source)}.`,
            `# Licence: ${pyCommentText(sample.licence)}.`,
          ];
          const file = { kind: 'sample', name, path: sample.path } as const;
          return csvData({ file, about, sniffDelimiter: false, plan: data.plan, fitted: data.fitted }, validationOf(data) ?? DEFAULT_SPLIT);
        }
        case 'idx-images':
          return idxData(sample, training, shapes, fractionOf(data));
        case 'toy':
          return toyData(sample, training, shapes, fractionOf(data));
        case 'audio-zip':
          // The app files the speech sample as audio data; a hand-written project may name it as a sample.
          return audioData(
            { kind: 'audio', folderName: sample.title, sampleId: sample.id, settings: DEFAULT_AUDIO_SETTINGS, classes: [...sample.classNames] },
            training,
            shapes,
            fractionOf(data),
          );
        default:
          return assertNever(sample, 'sample');
      }
    }
    case 'audio':
      return audioData(data, training, shapes, fractionOf(data));
    default:
      return assertNever(data, 'data config');
  }
}

/** Why a CSV project trains on random data: the preprocessing is fitted only once the file is loaded. */
function unfitted(file: string): string[] {
  return [
    `# ${pyCommentText(file)} has not been loaded in Netloom yet, so its preprocessing (scales, categories,`,
    '# classes) is unknown. Load it in the data panel and export again to get the real loading code.',
  ];
}
