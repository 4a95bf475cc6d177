import { Download, Mic, Plus, Trash } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';
import { recordingEntries, recordingsProblem, recordingsZip } from '../../../src/data/audio/recordings';
import type { AudioSettings } from '../../../src/data/audio/types';
import { assertNever } from '../../../src/lib/assert-never';
import { loadRecordedEntries } from '../../actions/load-audio';
import { MicrophoneError, openMicrophone } from '../../audio/microphone';
import type { Microphone } from '../../audio/microphone';
import type { RecordingsStorage } from '../../store/recording-slice';
import { useStore } from '../../store/store';
import { LevelMeter } from './level-meter';

/** Whether the browser keeps the recordings, or why not (nothing before the first save). */
function StorageLine({ storage }: { readonly storage: RecordingsStorage }) {
  switch (storage.kind) {
    case 'none':
      return null;
    case 'saved':
      return storage.clips === 0 ? null : (
        <p className="muted" data-testid="recordings-storage">
          {storage.clips === 1 ? '1 clip' : `${storage.clips} clips`} kept in this browser
        </p>
      );
    case 'problem':
      return (
        <p className="is-error" role="alert" data-testid="recordings-storage">
          {storage.text}
        </p>
      );
    default:
      return assertNever(storage);
  }
}

/** Records clips per class with the microphone, with a level meter; they become the data, or a zip to keep, and stay in this browser's storage. */
export function Recorder({ settings }: { readonly settings: AudioSettings }) {
  const recordings = useStore((s) => s.recordings);
  const storage = useStore((s) => s.recordingsStorage);
  const busy = useStore((s) => s.dataStatus.kind === 'loading');
  const { addRecordedClip, removeLastClip, renameRecordedClass, addRecordedClass, removeRecordedClass } = useStore.getState();
  const mic = useRef<Microphone | null>(null);
  // The open microphone again as state, for the meter to render from.
  const [live, setLive] = useState<Microphone | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [recording, setRecording] = useState<number | null>(null);
  useEffect(() => () => mic.current?.close(), []);

  const record = async (index: number) => {
    setError(null);
    // Busy from the click on: a second click while the microphone opens would open another.
    setRecording(index);
    try {
      mic.current ??= await openMicrophone();
      setLive(mic.current);
      addRecordedClip(index, await mic.current.record(settings.clipSeconds));
    } catch (e) {
      setError(e instanceof MicrophoneError ? e.message : `Recording failed: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setRecording(null);
    }
  };
  const download = () => {
    const url = URL.createObjectURL(new Blob([recordingsZip(recordings) as BlobPart], { type: 'application/zip' }));
    const a = Object.assign(document.createElement('a'), { href: url, download: 'recordings.zip' });
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };
  const problem = recordingsProblem(recordings);
  const total = recordings.reduce((n, c) => n + c.clips.length, 0);
  return (
    <fieldset className="audio-recorder" data-testid="recorder">
      <legend>Record with the microphone</legend>
      {live && <LevelMeter mic={live} />}
      {error && (
        <p className="is-error" role="alert" data-testid="mic-error">
          {error}
        </p>
      )}
      <ul className="audio-recorder__classes">
        {recordings.map((c, i) => (
          <li key={i}>
            <input value={c.name} aria-label={`Name of recorded class ${i + 1}`} onChange={(e) => renameRecordedClass(i, e.target.value)} />
            <button type="button" disabled={recording !== null} onClick={() => void record(i)} data-testid={`record-${i}`}>
              <Mic size={14} aria-hidden /> {recording === i ? 'Recording…' : `Record ${settings.clipSeconds} s`}
            </button>
            <span className="muted" data-testid={`recorded-count-${i}`}>
              {c.clips.length === 1 ? '1 clip' : `${c.clips.length} clips`}
            </span>
            <button
              type="button"
              disabled={c.clips.length === 0}
              onClick={() => removeLastClip(i)}
              aria-label={`Undo clip of ${c.name}`}
              title={`Delete the last clip recorded for ${c.name}`}
            >
              Undo clip
            </button>
            <button type="button" onClick={() => removeRecordedClass(i)} aria-label={`Remove class ${c.name}`} disabled={recordings.length <= 2}>
              <Trash size={14} aria-hidden />
            </button>
          </li>
        ))}
      </ul>
      <div className="audio-recorder__actions">
        <button type="button" onClick={addRecordedClass}>
          <Plus size={14} aria-hidden /> Add class
        </button>
        <button
          type="button"
          disabled={problem !== null || busy}
          title={problem ?? undefined}
          onClick={() => void loadRecordedEntries(recordingEntries(recordings), settings)}
          data-testid="use-recordings"
        >
          Use the recordings as data
        </button>
        <button type="button" disabled={total === 0} onClick={download} data-testid="download-recordings">
          <Download size={14} aria-hidden /> Download .zip
        </button>
      </div>
      {problem && total > 0 && <p className="muted">{problem}</p>}
      <StorageLine storage={storage} />
    </fieldset>
  );
}
