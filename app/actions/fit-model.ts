import { outputFor, wireModel } from '../../src/data/wiring';
import { analyze } from '../../src/analysis/analyze';
import { useStore } from '../store/store';

/** Sets the Input shape, output units/activation and the loss so the model fits the data. */
export function fitModelToData(): void {
  const s = useStore.getState();
  const { graph, dataSignature } = s;
  if (!dataSignature) return;
  s.setGraph(wireModel(graph, analyze(graph), dataSignature));
  s.setTraining({ loss: outputFor(dataSignature).loss });
  s.showNotice({ kind: 'info', text: 'The model now takes the data: Input shape, output units, activation and loss were set.' });
}
