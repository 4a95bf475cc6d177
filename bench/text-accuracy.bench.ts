// The text templates on the built-in first-names sample, with the app's default settings (10
// epochs, batch 32, Adam 1e-3, the sample's 80/20 stratified split), on wasm as the app trains
// here: validation accuracy of the Transformer and LSTM templates against a bag of characters
// (Keras's multi-hot baseline) on the same split, and the Transformer's training speed.
import * as tf from '@tensorflow/tfjs';
import { textModels, trainTextModel } from '../src/train/first-names-models';
import { activateBackend } from '../src/train/backend';
// The explicit .js: tsx would take a bare `.node` for a native addon.
import { nodeWasmPaths } from '../src/train/wasm-paths.node.js';

await activateBackend(tf, ['wasm'], { wasmPaths: nodeWasmPaths() });
const results: Record<string, number | string> = { bench: 'text-accuracy-first-names', backend: tf.getBackend() };
for (const [name, graph] of Object.entries(textModels())) {
  const run = await trainTextModel(graph, {});
  results[`${name}_val_accuracy`] = Number(run.valAccuracy.toFixed(3));
  results[`${name}_best_epoch_val_accuracy`] = Number(Math.max(...run.curve).toFixed(3));
  results[`${name}_seconds`] = Number(run.seconds.toFixed(1));
}
console.log(JSON.stringify(results));
