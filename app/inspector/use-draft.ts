import { useState } from 'react';
import type { KeyboardEvent } from 'react';

/** What a text-like field needs to edit a value locally and commit it on Enter or blur. */
export interface Draft<D> {
  /** The user's unsaved text, or null while the field shows the stored value. */
  readonly draft: D | null;
  /** Why the last commit was refused, or null. */
  readonly error: string | null;
  edit(next: D): void;
  /** Commits the draft; a refused one stays, with its reason, so that the user can correct it. */
  commit(): void;
  /** Drops the draft and the error: the field shows the stored value again. */
  revert(): void;
  setError(reason: string | null): void;
  /** Enter commits, Escape reverts. */
  onKeyDown(e: KeyboardEvent<HTMLElement>): void;
}

/**
 * Local draft state for one field. `save` returns a reason when the draft is refused, or null
 * when it was saved (or was unchanged); the stored value then shows through again, so undo and
 * other edits are never hidden by a stale draft.
 */
export function useDraft<D>(save: (draft: D) => string | null): Draft<D> {
  const [draft, setDraft] = useState<D | null>(null);
  const [error, setError] = useState<string | null>(null);
  const commit = () => {
    if (draft === null) return;
    const reason = save(draft);
    if (reason === null) setDraft(null);
    setError(reason);
  };
  const revert = () => {
    setDraft(null);
    setError(null);
  };
  return {
    draft,
    error,
    edit: setDraft,
    commit,
    revert,
    setError,
    onKeyDown(e) {
      if (e.key === 'Enter') {
        e.preventDefault();
        commit();
      } else if (e.key === 'Escape') {
        e.preventDefault();
        revert();
      }
    },
  };
}
