import { useEffect, useId, useRef, useState } from 'react';
import { saveProjectAs } from './actions/save-file';
import { dataSourceText, hasProjectContent, openSharedProject, projectSummary, takeSharedLink } from './actions/share-link';
import type { Project } from '../src/project/project-file';
import { useStore } from './store/store';
import './dialog.css';

/**
 * Opens a link's `#project=...` once the last session is restored (`ready`), and again whenever
 * the hash changes to one (a link pasted into this tab's address bar). An empty project is
 * replaced at once; one with anything in it asks first, in a modal dialog.
 */
export function SharedLinkDialog({ ready }: { readonly ready: boolean }) {
  const [offer, setOffer] = useState<Project | null>(null);
  const dialog = useRef<HTMLDialogElement>(null);
  const keep = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const name = useStore((s) => s.name);
  const layerCount = useStore((s) => s.graph.nodes.length);

  useEffect(() => {
    if (!ready) return;
    const check = () => {
      const project = takeSharedLink();
      if (project === null) return;
      if (hasProjectContent()) setOffer(project);
      else void openSharedProject(project);
    };
    check();
    window.addEventListener('hashchange', check);
    return () => window.removeEventListener('hashchange', check);
  }, [ready]);

  useEffect(() => {
    const element = dialog.current;
    if (!offer || !element || element.open) return;
    element.showModal();
    // Keeping is the safe answer, so it has the focus (showModal would give it to the first button).
    keep.current?.focus();
  }, [offer]);

  if (!offer) return null;
  const answer = (replace: boolean) => {
    dialog.current?.close();
    setOffer(null);
    if (replace) void openSharedProject(offer);
    else useStore.getState().showNotice({ kind: 'info', text: 'Kept your project; the shared model was not opened.' });
  };

  return (
    <dialog
      ref={dialog}
      className="confirm-dialog"
      aria-labelledby={titleId}
      data-testid="share-dialog"
      // Escape answers "keep", as the Keep button does.
      onCancel={(event) => {
        event.preventDefault();
        answer(false);
      }}
    >
      <h2 id={titleId}>Open the shared model?</h2>
      <p>
        The link holds {projectSummary(offer.name, offer.graph.nodes.length)}
        {dataSourceText(offer.data)}, with its training settings.
      </p>
      <p>
        It replaces {projectSummary(name, layerCount)} in this tab. Undo brings that graph back, but not its training settings and data choice: save it as a
        file first to keep them.
      </p>
      <div className="confirm-dialog__buttons">
        <button type="button" className="confirm-dialog__button is-quiet" data-testid="share-dialog-save" onClick={saveProjectAs}>
          Save mine as a file
        </button>
        <button type="button" className="confirm-dialog__button" data-testid="share-dialog-keep" ref={keep} onClick={() => answer(false)}>
          Keep mine
        </button>
        <button type="button" className="confirm-dialog__button is-primary" data-testid="share-dialog-open" onClick={() => answer(true)}>
          Open the shared model
        </button>
      </div>
    </dialog>
  );
}
