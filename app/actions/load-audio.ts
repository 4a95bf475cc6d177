import { DEFAULT_AUDIO_SETTINGS } from '../../src/data/audio/settings';
import type { AudioSettings } from '../../src/data/audio/types';
import { entriesFromFiles } from '../../src/data/images/sources';
import type { DroppedItem } from '../../src/data/images/sources';
import type { FileEntry } from '../../src/data/images/types';
import type { AudioSample } from '../../src/data/samples';
import { signatureOfDataset } from '../../src/data/signature';
import { audio } from '../services';
import { useStore } from '../store/store';
import { firstFolder, loading, progress, readySplit, replaceLoaded } from './data-loading';

const store = () => useStore.getState();

/** The audio settings the Data view starts from: the project's, else the defaults. */
export function currentAudioSettings(): AudioSettings {
  const { data } = store();
  return data.kind === 'audio' ? data.settings : DEFAULT_AUDIO_SETTINGS;
}

/**
 * Turns entries (a folder, a zip, recordings, the speech sample) into a dataset of spectrograms in
 * the audio worker, with progress and Cancel; the data shown before stays if it fails.
 */
function loadAudioEntries(entries: readonly FileEntry[], folderName: string, settings: AudioSettings, pickedFolder: boolean, sampleId?: string): Promise<void> {
  return loading(`Reading sound clips from ${folderName}…`, async (current) => {
    store().setDataStatus({ kind: 'loading', label: `Reading sound clips from ${folderName}…`, progress: null, images: { done: 0, total: 0 } });
    const result = await audio.load(entries, settings, pickedFolder, progress(current, 'Making spectrograms'), progress(current, 'Opening files'));
    if (!current()) return;
    const { dataset, previews, counts, skipped } = result;
    replaceLoaded({ kind: 'audio', sourceName: folderName, dataset, previews, counts, skipped, entries, pickedFolder }, signatureOfDataset(dataset));
    const { data } = store();
    const split = readySplit(data.kind === 'audio' && data.folderName === folderName);
    store().setDataConfig({
      kind: 'audio',
      folderName,
      ...(sampleId !== undefined ? { sampleId } : {}),
      settings,
      classes: [...(dataset.classNames ?? [])],
      split,
    });
  });
}

/** Reads a picked or dropped folder (or a zip) of sound clips, one subfolder per class. */
export function loadAudioFiles(files: readonly File[] | readonly DroppedItem[], pickedFolder: boolean, settings = currentAudioSettings()): Promise<void> {
  return loadAudioEntries(entriesFromFiles(files), firstFolder(files, 'sounds'), settings, pickedFolder);
}

/** Reads clips recorded in the Data view (WAV files under `Recordings/<class>/`). */
export function loadRecordedEntries(entries: readonly FileEntry[], settings = currentAudioSettings()): Promise<void> {
  return loadAudioEntries(entries, 'Recordings', settings, false);
}

/** Loads the built-in speech sample: its zip is fetched from the site and opened in the audio worker. */
export function loadAudioSample(sample: AudioSample, settings = currentAudioSettings()): Promise<void> {
  return loadAudioEntries(
    [
      {
        path: sample.path.split('/').pop() ?? 'sample.zip',
        size: 0,
        zip: true,
        read: async () => {
          const response = await fetch(`./${sample.path}`);
          if (!response.ok) throw new Error(`${sample.path}: could not be loaded (HTTP ${response.status})`);
          return new Uint8Array(await response.arrayBuffer());
        },
      },
    ],
    sample.title,
    settings,
    false,
    sample.id,
  );
}

/** Makes the spectrograms again under new settings, from the files already chosen (nothing to pick again). */
export function applyAudioSettings(settings: AudioSettings): Promise<void> {
  const { loaded, data } = store();
  if (loaded?.kind !== 'audio' || data.kind !== 'audio') return Promise.resolve();
  return loadAudioEntries(loaded.entries, loaded.sourceName, settings, loaded.pickedFolder, data.sampleId);
}
