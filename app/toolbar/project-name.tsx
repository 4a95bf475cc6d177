import { useRef, useState } from 'react';
import { useStore } from '../store/store';

/** The project name, edited in place: Enter or leaving the field keeps it, Escape reverts. */
export function ProjectName() {
  const name = useStore((s) => s.name);
  const setName = useStore((s) => s.setName);
  const [draft, setDraft] = useState<string | null>(null);
  // Escape blurs the field, and blur commits: the flag tells the blur handler not to.
  const cancelled = useRef(false);

  const commit = (value: string) => {
    const next = value.trim();
    if (!cancelled.current && next !== '' && next !== name) setName(next);
    cancelled.current = false;
    setDraft(null);
  };

  return (
    <input
      className="toolbar__name"
      aria-label="Project name"
      data-testid="project-name"
      value={draft ?? name}
      size={Math.max(8, Math.min(32, (draft ?? name).length + 1))}
      spellCheck={false}
      onFocus={(e) => {
        setDraft(name);
        e.currentTarget.select();
      }}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={(e) => commit(e.target.value)}
      onKeyDown={(e) => {
        if (e.key === 'Enter') e.currentTarget.blur();
        if (e.key === 'Escape') {
          cancelled.current = true;
          e.currentTarget.blur();
        }
      }}
    />
  );
}
