import { ReactFlowProvider } from '@xyflow/react';
import { useDeferredValue, useEffect, useState } from 'react';
import { FlowCanvas } from './canvas/flow-canvas';
import { DataView } from './data/data-view';
import { ErrorBoundary } from './error-boundary';
import { TrainingView } from './training/training-view';
import { restoreData } from './actions/load-data';
import { Inspector } from './inspector/inspector';
import { NoticeBanner } from './notice-banner';
import { Palette } from './palette/palette';
import { SharedLinkDialog } from './shared-link-dialog';
import { SummaryPanel } from './panels/summary-panel';
import { StartHere } from './start-here/start-here';
import { restoreAutosave, startAutosave } from './store/autosave';
import { useStore } from './store/store';
import { Toolbar } from './toolbar/toolbar';
import { useLeaveGuard } from './use-leave-guard';
import { useRecordingsAutosave } from './use-recordings-autosave';
import { useRunHistory } from './use-run-history';
import { ViewTabs } from './view-tabs';

/**
 * Restores the last session, then saves every change; a broken save is reported, not dropped.
 * True until the restore is done: the editor takes no input till then, so an edit made in the
 * first moments is neither replaced by the restored copy nor missed by the saver (which starts
 * after it).
 */
function useAutosave(): boolean {
  const [restoring, setRestoring] = useState(true);
  useEffect(() => {
    let stop: (() => void) | undefined;
    let cancelled = false;
    const start = useStore.getState();
    void restoreAutosave().then((result) => {
      if (cancelled) return;
      if (result.kind === 'error') {
        useStore.getState().showNotice({ kind: 'error', text: `Your last session could not be restored: ${result.error}` });
      } else if (result.kind === 'restored') restoreData();
      stop = startAutosave(result.revision, undefined, start);
      setRestoring(false);
    });
    return () => {
      cancelled = true;
      stop?.();
    };
  }, []);
  return restoring;
}

/** The editor: toolbar and view tabs, then the model (palette, canvas, inspector, summary) or the data panel. */
export function App() {
  const restoring = useAutosave();
  useLeaveGuard();
  useRunHistory();
  useRecordingsAutosave();
  // The tabs answer the click at once; the view they open renders in the background, in slices
  // that leave the page responsive (mounting the canvas or the Train view takes 60-110 ms).
  const view = useDeferredValue(useStore((s) => s.view));
  return (
    <ReactFlowProvider>
      <div className={`shell is-${view}`} data-testid="app-root" inert={restoring} aria-busy={restoring}>
        <header className="shell__top">
          <Toolbar />
          <ViewTabs />
        </header>
        {view === 'model' ? (
          <>
            <div className="shell__left">
              <ErrorBoundary area="the palette">
                <Palette />
              </ErrorBoundary>
            </div>
            <main className="shell__canvas" aria-label="Model canvas">
              <ErrorBoundary area="the canvas">
                <FlowCanvas />
              </ErrorBoundary>
            </main>
            <div className="shell__right">
              <ErrorBoundary area="the inspector">
                <Inspector />
              </ErrorBoundary>
            </div>
            <div className="shell__bottom">
              <ErrorBoundary area="the summary">
                <SummaryPanel />
              </ErrorBoundary>
            </div>
          </>
        ) : (
          <main className="shell__data" aria-label={view === 'data' ? 'Data' : 'Training'}>
            <ErrorBoundary key={view} area={view === 'data' ? 'the data panel' : 'the training panel'}>
              {view === 'data' ? <DataView /> : <TrainingView />}
            </ErrorBoundary>
          </main>
        )}
        <NoticeBanner />
        <SharedLinkDialog ready={!restoring} />
        <StartHere restoring={restoring} />
      </div>
    </ReactFlowProvider>
  );
}
