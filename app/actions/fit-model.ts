import { outputFor, wireModel } from '../../src/data/wiring';
import { analyze } from '../../src/analysis/analyze';
import { readinessOf } from '../store/analysis';
import { useStore } from '../store/store';

/**
 * Sets the Input shape, output units/activation and the loss so the model fits the data, and says
 * so only when it is true: a model whose layers still cannot take the data (a CNN on a table) is
 * told apart, with its first problem.
 */
export function fitModelToData(): void {
  const s = useStore.getState();
  const { graph, dataSignature } = s;
  if (!dataSignature) return;
  const wired = wireModel(graph, analyze(graph), dataSignature);
  s.setGraph(wired);
  s.setTraining({ loss: outputFor(dataSignature).loss });
  const [first, ...rest] = readinessOf(wired, dataSignature).problems;
  const set = 'Input shape, output units, activation and loss were set';
  if (first === undefined) {
    s.showNotice({ kind: 'info', text: `The model now takes the data: ${set}.` });
    return;
  }
  const more = rest.length === 0 ? '' : ` (and ${rest.length} more)`;
  s.showNotice({ kind: 'error', text: `${set}, but the model still cannot train on this data: ${first.message}${more}` });
}
