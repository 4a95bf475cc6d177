import { assertNever } from '../../src/lib/assert-never';
import type { TrainResponse } from '../../src/train/protocol';
import { useStore } from '../store/store';
import { evaluateRun } from './evaluate-run';

const MAX_BATCH_POINTS = 2000;

/** Applies one worker message to the store; messages of an older run are ignored. */
export function onRunMessage(msg: Exclude<TrainResponse, { type: 'prediction' }>): void {
  const s = useStore.getState();
  const current = s.run;
  switch (msg.type) {
    case 'backend':
      useStore.setState({ backend: { name: msg.backend, reason: msg.reason } });
      return;
    case 'error':
      s.showNotice({ kind: 'error', text: msg.message });
      if (current && (current.status === 'running' || current.status === 'starting')) {
        useStore.setState({ run: { ...current, status: 'failed', message: msg.message } });
      }
      return;
    case 'started':
      if (current?.runId !== msg.runId) return;
      useStore.setState({ run: { ...current, status: 'running', epochs: msg.epochs, batchesPerEpoch: msg.batchesPerEpoch, samples: msg.samples } });
      return;
    case 'batch': {
      if (current?.runId !== msg.runId) return;
      const points = s.batchLoss;
      const last = points[points.length - 1];
      // Exponential smoothing, as TensorBoard shows noisy batch losses.
      const smoothed = last ? 0.9 * last.smoothed + 0.1 * msg.loss : msg.loss;
      const step = (last?.step ?? 0) + 1;
      const next = [...points, { step, loss: msg.loss, smoothed }];
      const total = current.epochs * Math.max(1, current.batchesPerEpoch);
      const done = msg.epoch * Math.max(1, current.batchesPerEpoch) + msg.batch + 1;
      const elapsed = (performance.now() - current.startedAt) / 1000;
      const secondsLeft = done / total > 0.02 ? elapsed * (total / done - 1) : undefined;
      useStore.setState({
        run: { ...current, epoch: msg.epoch, batch: msg.batch, samplesPerSecond: msg.samplesPerSecond, ...(secondsLeft === undefined ? {} : { secondsLeft }) },
        batchLoss: next.length > MAX_BATCH_POINTS ? next.filter((_, i) => i % 2 === 0) : next,
      });
      return;
    }
    case 'epoch':
      if (current?.runId !== msg.runId) return;
      useStore.setState({ run: { ...current, epoch: msg.epoch + 1, learningRate: msg.learningRate }, history: [...s.history, msg.logs] });
      return;
    case 'done':
      if (current?.runId !== msg.runId) return;
      useStore.setState({
        run: { ...current, status: msg.status, epoch: msg.epochsRun, ...(msg.message ? { message: msg.message } : {}) },
        report: msg.validationOutputs ? evaluateRun(msg.validationOutputs) : null,
      });
      return;
    default:
      assertNever(msg, 'training message');
  }
}
