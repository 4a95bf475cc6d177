import { FileOutput } from 'lucide-react';
import { exportKeras, exportKerasWithData, exportTfjs, saveProjectWithWeights } from '../actions/export-files';
import { exportPicturePng, exportPictureSvg } from '../actions/export-picture';
import { saveProjectWithRuns } from '../actions/save-file';
import { copyShareLink } from '../actions/share-link';
import { MenuButton } from '../menu-button';

const ITEMS = [
  {
    id: 'copy-link',
    title: 'Copy link',
    description: 'A link that opens this model and its settings in Netloom, copied to the clipboard: no data, weights or run history.',
    onSelect: () => void copyShareLink(),
  },
  {
    id: 'tfjs-zip',
    title: 'TF.js model (.zip)',
    description: 'model.json + model.weights.bin in one zip (and netloom-layers.js if the model needs it); loads with tf.loadLayersModel.',
    onSelect: () => void exportTfjs('zip'),
  },
  {
    id: 'tfjs-files',
    title: 'TF.js model (files)',
    description: 'model.json and model.weights.bin (and netloom-layers.js if needed) as separate downloads.',
    onSelect: () => void exportTfjs('files'),
  },
  {
    id: 'project-weights',
    title: 'Project with weights (.netloom.json)',
    description: 'The project file with the trained weights inside, to continue later.',
    onSelect: () => void saveProjectWithWeights(),
  },
  {
    id: 'project-runs',
    title: 'Project with run history (.netloom.json)',
    description: 'Save as, with every kept run inside: its curves, settings, graph and the weights it kept.',
    onSelect: () => void saveProjectWithRuns(),
  },
  {
    id: 'keras',
    title: 'Keras Python script',
    description: 'A runnable script: data loading, the model, compile and fit.',
    onSelect: () => exportKeras('none'),
  },
  {
    id: 'keras-zip',
    title: 'Keras script + data (.zip)',
    description: 'The script with the data it reads beside it (built-in samples; your own files you add).',
    onSelect: () => void exportKerasWithData(),
  },
  {
    id: 'keras-mirrored',
    title: 'Keras script, several GPUs',
    description: 'The same, under tf.distribute.MirroredStrategy.',
    onSelect: () => exportKeras('mirrored'),
  },
  {
    id: 'keras-multi-worker',
    title: 'Keras script, several machines',
    description: 'The same, under MultiWorkerMirroredStrategy (set TF_CONFIG).',
    onSelect: () => exportKeras('multi-worker'),
  },
  {
    id: 'picture-svg',
    title: 'Model picture (SVG)',
    description: 'The model drawn as keras.utils.plot_model draws it: each layer with its class, shapes, activation and whether it trains.',
    onSelect: () => exportPictureSvg(),
  },
  {
    id: 'picture-png',
    title: 'Model picture (PNG)',
    description: 'The same picture as an image, at twice its size.',
    onSelect: () => void exportPicturePng(),
  },
];

/** The Export menu: a link to the model, TF.js model files, Keras Python code or a picture of the model. */
export function ExportMenu() {
  return (
    <MenuButton
      label="Export"
      icon={<FileOutput size={16} aria-hidden="true" />}
      title="Copy a link to the model, or export it as TF.js files, Keras Python or a picture"
      testId="toolbar-export"
      itemTestId="export"
      items={ITEMS}
    />
  );
}
