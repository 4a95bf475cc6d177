import { useEffect } from 'react';
import { useStore } from './store/store';

/**
 * Asks before the page is left while a run is training: its weights reach the page (and
 * autosave) only when the run ends, so closing or reloading now would lose them. Everything else
 * is autosaved as it changes.
 */
export function useLeaveGuard(): void {
  useEffect(() => {
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      const status = useStore.getState().run?.status;
      if (status !== 'running' && status !== 'starting') return;
      event.preventDefault();
      // Older browsers show the prompt only when returnValue is set.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, []);
}
