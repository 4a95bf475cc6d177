/**
 * Tells other tabs of this browser when this one saved the project (or the recordings), and
 * listens for theirs, so a stale tab learns at once that its copy is old (the revision check at
 * save time catches what arrives late).
 */
const PROJECT_CHANNEL = 'netloom:autosave';

interface Saved {
  readonly type: 'saved';
  readonly tab: string;
  readonly revision: number;
}

const isSaved = (v: unknown): v is Saved => typeof v === 'object' && v !== null && (v as Saved).type === 'saved' && typeof (v as Saved).revision === 'number';

/** Announces this tab's saves on `name` (the project's by default) and calls `onTheirs` with another tab's revision. */
export function watchOtherTabs(tab: string, onTheirs: (revision: number) => void, name = PROJECT_CHANNEL): { announce(revision: number): void; close(): void } {
  if (typeof BroadcastChannel === 'undefined') return { announce: () => undefined, close: () => undefined };
  const channel = new BroadcastChannel(name);
  let open = true;
  channel.onmessage = (event: MessageEvent<unknown>) => {
    if (isSaved(event.data) && event.data.tab !== tab) onTheirs(event.data.revision);
  };
  return {
    // A save that completes after the page stopped autosaving has no one left to tell.
    announce: (revision) => open && channel.postMessage({ type: 'saved', tab, revision } satisfies Saved),
    close: () => {
      open = false;
      channel.close();
    },
  };
}
