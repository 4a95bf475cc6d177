import { FileAudio, FolderOpen } from 'lucide-react';
import { useState } from 'react';
import type { AudioSettings } from '../../../src/data/audio/types';
import { applyAudioSettings, currentAudioSettings, loadAudioFiles } from '../../actions/load-audio';
import { useStore } from '../../store/store';
import { FilePickButton } from '../../file-pick-button';
import { AudioSettingsFields, audioSettingsError } from './audio-settings-fields';
import { Recorder } from './recorder';

const same = (a: AudioSettings, b: AudioSettings) => JSON.stringify(a) === JSON.stringify(b);

/** Sound clips as data: a folder or zip of clips per class, or clips recorded here, and how they become spectrograms. */
export function AudioSource() {
  const [settings, setSettings] = useState<AudioSettings>(currentAudioSettings);
  const saved = useStore((s) => (s.data.kind === 'audio' ? s.data.settings : null));
  const audioLoaded = useStore((s) => s.loaded?.kind === 'audio');
  const busy = useStore((s) => s.dataStatus.kind === 'loading');
  const valid = audioSettingsError(settings) === null;
  return (
    <>
      <h3>Sound clips</h3>
      <div className="data-drop data-drop--audio">
        <p>One subfolder per class of WAV clips (OGG, MP3 or WebM where the browser plays them), or record your own:</p>
        <FilePickButton
          icon={<FolderOpen size={15} aria-hidden />}
          label="Sound folder"
          testId="audio-folder-input"
          multiple
          directory
          disabled={!valid}
          onFiles={(files) => void loadAudioFiles(files, true, settings)}
        />
        <FilePickButton
          icon={<FileAudio size={15} aria-hidden />}
          label="Sound .zip"
          testId="audio-zip-input"
          accept=".zip,application/zip"
          disabled={!valid}
          onFiles={(files) => void loadAudioFiles(files, false, settings)}
        />
      </div>
      <fieldset className="data-image-options" data-testid="audio-options">
        <legend>Sound clips become</legend>
        <AudioSettingsFields value={settings} onChange={setSettings} />
        {audioLoaded && saved && !same(saved, settings) && (
          <button type="button" disabled={!valid || busy} onClick={() => void applyAudioSettings(settings)} data-testid="audio-apply">
            Apply to the loaded clips
          </button>
        )}
      </fieldset>
      <Recorder settings={settings} />
    </>
  );
}
