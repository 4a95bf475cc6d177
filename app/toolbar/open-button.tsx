import { FolderOpen } from 'lucide-react';
import { useRef } from 'react';

interface OpenButtonProps {
  /** Called with the chosen file; the input is reset afterwards so the same file can be chosen again. */
  readonly onFile: (file: File) => void;
}

/** "Open…": a button that opens the browser's file chooser for a project or a Keras model. */
export function OpenButton({ onFile }: OpenButtonProps) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button
        type="button"
        className="toolbar__button"
        data-testid="toolbar-open"
        title="Open a Netloom project (.netloom.json) or a Keras / TF.js model (model.json)"
        onClick={() => input.current?.click()}
      >
        <FolderOpen size={16} aria-hidden="true" />
        <span className="toolbar__label">Open…</span>
      </button>
      <input
        ref={input}
        type="file"
        accept=".json,.netloom.json,application/json"
        hidden
        aria-label="Open project or model file"
        data-testid="open-file-input"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) onFile(file);
        }}
      />
    </>
  );
}
