import { useEffect } from 'react';
import { warmUpTrainer } from '../actions/train';
import { weightsFor } from '../store/model-weights';
import { useStore } from '../store/store';
import { BackendPanel } from './backend-panel';
import { BoundaryPanel } from './boundary-panel';
import { CallbackSettings } from './callback-settings';
import { CompileSettings } from './compile-settings';
import { EvaluationPanel } from './evaluation-panel';
import { FineTuneSettings } from './fine-tune-settings';
import { HistoryCharts } from './history-charts';
import { InsightSettings } from './insight-settings';
import { MetricPicker } from './metric-picker';
import { RunHistory } from './run-history';
import { TrainControls } from './train-controls';
import './training.css';
import { TryPanel } from './try-panel';

/** The training panel: Keras's compile/fit settings, Train/Stop, live charts, evaluation, try-it. */
export function TrainingView() {
  const runDone = useStore(
    (s) => (s.run !== null && s.run.status !== 'running' && s.run.status !== 'starting') || weightsFor(s.graph, s.modelWeights) !== null,
  );
  useEffect(() => warmUpTrainer(), []);
  return (
    <div className="train-view" data-testid="training-view">
      <aside className="train-settings" aria-label="Training settings">
        <CompileSettings />
        <MetricPicker />
        <CallbackSettings />
        <InsightSettings />
        <FineTuneSettings />
        <BackendPanel />
      </aside>
      <section className="train-main" aria-label="Training">
        <TrainControls />
        <HistoryCharts />
        <BoundaryPanel />
        <EvaluationPanel />
        {runDone && <TryPanel />}
        <RunHistory />
      </section>
    </div>
  );
}
