import { useMemo, useState } from 'react';
import { summarize } from '../src/compile/summary';
import { analyze } from '../src/graph/analyze';
import { TEMPLATES } from '../src/graph/templates';
import { SummaryTable } from './summary/summary-table';

/**
 * The application shell. Until the canvas lands, it shows what the core computes for each
 * starting template: Keras summary, shapes and parameter counts.
 */
export function App() {
  const [templateId, setTemplateId] = useState('seed');
  const template = TEMPLATES.find((t) => t.id === templateId) ?? TEMPLATES[0];
  const summary = useMemo(() => {
    const graph = template?.build() ?? { nodes: [], edges: [] };
    return summarize(graph, analyze(graph), template?.id ?? 'model');
  }, [template]);

  return (
    <div className="app">
      <header className="app-header">
        <h1 className="app-title">Netloom</h1>
        <p className="app-tagline">Keras, but visual, in the browser</p>
      </header>
      <main className="app-main" data-testid="app-root">
        <label className="field">
          <span>Start from</span>
          <select value={templateId} onChange={(e) => setTemplateId(e.target.value)}>
            {TEMPLATES.map((t) => (
              <option key={t.id} value={t.id}>
                {t.title}
              </option>
            ))}
          </select>
        </label>
        <p className="muted">{template?.description}</p>
        {summary.rows.length === 0 ? (
          <p className="empty">An empty model: the editor will let you drag layers here.</p>
        ) : (
          <SummaryTable summary={summary} />
        )}
      </main>
    </div>
  );
}
