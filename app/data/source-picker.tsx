import { Binary, FileSpreadsheet, FolderOpen, Images } from 'lucide-react';
import type { DragEvent } from 'react';
import { useState } from 'react';
import { SAMPLES, sampleUnit } from '../../src/data/samples';
import { filesFromDroppedEntries } from '../../src/data/images/sources';
import type { DroppedEntry } from '../../src/data/images/sources';
import { useStore } from '../store/store';
import { isIdxName } from '../../src/data/idx-pair';
import { loadCsvFile, loadIdxFiles, loadImageFiles, loadSample, loadZipFile } from '../actions/load-data';
import type { ImageChoice } from '../actions/load-data';
import { formatCount } from '../../src/lib/format-count';
import { FilePickButton } from '../file-pick-button';
import { AudioSource } from './audio/audio-source';
import { isAudioPath } from '../../src/data/audio/formats';
import { loadAudioFiles } from '../actions/load-audio';

const isCsv = (f: File) => /\.(csv|tsv|txt)$/i.test(f.name) || f.type === 'text/csv';

/** Where data comes from: built-in samples, a CSV, or a folder / zip of images (pick or drop). */
export function SourcePicker() {
  const status = useStore((s) => s.dataStatus);
  const [over, setOver] = useState(false);
  const [choice, setChoice] = useState<ImageChoice>({ size: 28, channels: 1, fit: 'pad' });
  const busy = status.kind === 'loading';

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    // The item list empties when the handler returns: take the entries now.
    const entries = Array.from(e.dataTransfer.items)
      .map((i) => i.webkitGetAsEntry())
      .filter((x): x is FileSystemEntry => x !== null);
    const files = Array.from(e.dataTransfer.files);
    if (entries.length === 1 && entries[0]?.isFile && files[0] && isCsv(files[0])) {
      void loadCsvFile(files[0]);
      return;
    }
    // Loose files named like IDX (train-images-idx3-ubyte.gz + its labels) are one IDX pair.
    if (entries.every((x) => x.isFile) && files.some((f) => isIdxName(f.name))) {
      void loadIdxFiles(files);
      return;
    }
    if (entries.length === 1 && entries[0]?.isFile && files[0] && /\.zip$/i.test(files[0].name)) {
      void loadZipFile(files[0], choice);
      return;
    }
    const oneFolder = entries.length === 1 && entries[0]?.isDirectory === true;
    // The DOM's FileSystemEntry is the structural DroppedEntry the core walks.
    void filesFromDroppedEntries(entries as unknown as DroppedEntry[]).then((dropped) =>
      // A folder of sound clips goes to the audio loader, anything else to the image loader.
      dropped.some((d) => 'file' in d && isAudioPath(d.relativePath))
        ? loadAudioFiles(dropped, oneFolder)
        : loadImageFiles(dropped, { pickedFolder: oneFolder, ...choice }),
    );
  };

  return (
    <div className="data-source">
      <h2>Built-in samples</h2>
      <ul className="data-samples">
        {SAMPLES.map((s) => (
          <li key={s.id}>
            <button type="button" disabled={busy} onClick={() => void loadSample(s)} data-testid={`sample-${s.id}`} title={`${s.description} (${s.licence})`}>
              <strong>{s.title}</strong>
              <span className="muted">
                {formatCount(s.rows)} {sampleUnit(s.kind)} · {s.task}
              </span>
            </button>
          </li>
        ))}
      </ul>
      <h2>Your data</h2>
      <div
        className={`data-drop${over ? ' is-over' : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
        data-testid="data-drop"
      >
        <p>
          Drop a CSV file, a folder of images or sound clips (one subfolder per class), a .zip of either, or an IDX image file with its label file here, or:
        </p>
        <FilePickButton
          icon={<FileSpreadsheet size={15} aria-hidden />}
          label="Upload CSV"
          testId="csv-input"
          accept=".csv,.tsv,.txt,text/csv"
          onFiles={([file]) => {
            if (file) void loadCsvFile(file);
          }}
        />
        <FilePickButton
          icon={<FolderOpen size={15} aria-hidden />}
          label="Image folder"
          testId="folder-input"
          multiple
          directory
          onFiles={(files) => void loadImageFiles(files, { pickedFolder: true, ...choice })}
        />
        <FilePickButton
          icon={<Images size={15} aria-hidden />}
          label="Images .zip"
          testId="zip-input"
          accept=".zip,application/zip"
          onFiles={([file]) => {
            if (file) void loadZipFile(file, choice);
          }}
        />
        <FilePickButton
          icon={<Binary size={15} aria-hidden />}
          label="IDX images + labels"
          testId="idx-input"
          multiple
          onFiles={(files) => void loadIdxFiles(files)}
        />
      </div>
      <fieldset className="data-image-options">
        <legend>Images become</legend>
        <label>
          size{' '}
          <select value={choice.size} onChange={(e) => setChoice({ ...choice, size: Number(e.target.value) })} aria-label="Image size">
            {[28, 32, 64, 96].map((n) => (
              <option key={n} value={n}>
                {n}x{n}
              </option>
            ))}
          </select>
        </label>
        <label>
          <select value={choice.channels} onChange={(e) => setChoice({ ...choice, channels: Number(e.target.value) as 1 | 3 })} aria-label="Image colour">
            <option value={1}>grayscale</option>
            <option value={3}>RGB</option>
          </select>
        </label>
        <label>
          <select value={choice.fit} onChange={(e) => setChoice({ ...choice, fit: e.target.value as ImageChoice['fit'] })} aria-label="Image fit">
            <option value="pad">pad (keep aspect)</option>
            <option value="crop">crop centre</option>
            <option value="stretch">stretch</option>
          </select>
        </label>
        <p className="muted">pixel values scaled to [0, 1]</p>
      </fieldset>
      <AudioSource />
    </div>
  );
}
