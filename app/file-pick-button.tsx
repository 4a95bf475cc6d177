import type { ChangeEvent, ReactNode } from 'react';
import { useRef } from 'react';

interface Props {
  readonly icon: ReactNode;
  readonly label: string;
  readonly testId: string;
  readonly accept?: string;
  readonly multiple?: boolean;
  readonly directory?: boolean;
  readonly disabled?: boolean;
  readonly onFiles: (files: File[]) => void;
}

/**
 * A real button that opens a hidden file input: a label around a hidden input is skipped by Tab,
 * so keyboard users could not upload. The input stays for the browser's file dialog.
 */
export function FilePickButton({ icon, label, testId, accept, multiple = false, directory = false, disabled = false, onFiles }: Props) {
  const input = useRef<HTMLInputElement>(null);
  const onChange = (e: ChangeEvent<HTMLInputElement>) => {
    const files = Array.from(e.target.files ?? []);
    e.target.value = '';
    if (files.length > 0) onFiles(files);
  };
  return (
    <>
      <button type="button" className="data-button" disabled={disabled} onClick={() => input.current?.click()}>
        {icon} {label}
      </button>
      <input
        ref={input}
        type="file"
        accept={accept}
        hidden
        multiple={multiple}
        tabIndex={-1}
        aria-label={label}
        data-testid={testId}
        {...(directory ? { webkitdirectory: '' } : {})}
        onChange={onChange}
      />
    </>
  );
}
