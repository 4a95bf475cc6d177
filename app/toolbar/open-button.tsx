import { FolderOpen } from 'lucide-react';
import { useRef } from 'react';

interface OpenButtonProps {
  /**
   * Called with the chosen files (a project, or a model.json with its weights files); the input is
   * reset afterwards so the same files can be chosen again.
   */
  readonly onFiles: (files: File[]) => void;
}

/** "Open…": a button that opens the browser's file chooser for a project or a Keras model. */
export function OpenButton({ onFiles }: OpenButtonProps) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button
        type="button"
        className="toolbar__button"
        data-testid="toolbar-open"
        title="Open a Netloom project (.netloom.json), a Keras / TF.js model.json (select its .bin weights files too to keep the trained weights), or a .zip of either, such as Netloom's own TF.js export"
        onClick={() => input.current?.click()}
      >
        <FolderOpen size={16} aria-hidden="true" />
        <span className="toolbar__label">Open…</span>
      </button>
      <input
        ref={input}
        type="file"
        accept=".json,.netloom.json,application/json,.bin,.zip,application/zip"
        multiple
        hidden
        aria-label="Open project or model file"
        data-testid="open-file-input"
        onChange={(e) => {
          const files = Array.from(e.target.files ?? []);
          e.target.value = '';
          if (files.length > 0) onFiles(files);
        }}
      />
    </>
  );
}
