import { Activity, Database, Network } from 'lucide-react';
import { useStore } from './store/store';

/** Switches the main area between the model editor and the data panel. */
export function ViewTabs() {
  const view = useStore((s) => s.view);
  const setView = useStore((s) => s.setView);
  const loaded = useStore((s) => s.loaded);
  return (
    <div className="view-tabs" role="tablist" aria-label="Main view">
      <button type="button" role="tab" aria-selected={view === 'model'} onClick={() => setView('model')} data-testid="tab-model">
        <Network size={15} aria-hidden /> Model
      </button>
      <button
        type="button"
        role="tab"
        className="view-tabs__data"
        aria-selected={view === 'data'}
        onClick={() => setView('data')}
        title={loaded ? `Data: ${loaded.sourceName}` : undefined}
        data-testid="tab-data"
      >
        <Database size={15} aria-hidden /> <span className="view-tabs__label">Data{loaded ? `: ${loaded.sourceName}` : ''}</span>
      </button>
      <button type="button" role="tab" aria-selected={view === 'train'} onClick={() => setView('train')} data-testid="tab-train">
        <Activity size={15} aria-hidden /> Train
      </button>
    </div>
  );
}
