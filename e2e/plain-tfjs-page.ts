import type { Page } from '@playwright/test';
import type * as tfjs from '@tensorflow/tfjs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { ModelFiles } from '../src/compile/model-files';
import type { PlainTensor } from '../src/compile/plain-node-support';

/** A TF.js export as the app downloads it: model.json, its one weights file, and netloom-layers.js when it came. */
export type ExportedFiles = ModelFiles & { readonly layersJs?: string };

/** An origin no server holds: every request to it is answered by the routes below. */
const ORIGIN = 'http://plain-tfjs.test';
const TF_MIN_JS = createRequire(import.meta.url).resolve('@tensorflow/tfjs/dist/tf.min.js');

/**
 * Loads an exported model the way someone else's web page would, with nothing of Netloom's: a
 * blank page at its own origin with tfjs 4.22's own `tf.min.js` as a script, where
 * netloom-layers.js is imported from a Blob URL (so it can lean on no file beside it),
 * `registerNetloomLayers(tf)` runs on the page's `tf`, and `tf.loadLayersModel` reads the files
 * from memory. Predicts `inputs` (one per model input) on the cpu backend, for comparisons with
 * the app within 1e-5. Navigates `page`: pass a new page of the test's context.
 */
export async function predictInPlainPage(page: Page, files: ExportedFiles, inputs: readonly PlainTensor[]): Promise<PlainTensor[]> {
  const tfMin = await readFile(TF_MIN_JS);
  await page.route(`${ORIGIN}/**`, (route) => {
    const path = new URL(route.request().url()).pathname;
    if (path === '/tf.min.js') return route.fulfill({ body: tfMin, contentType: 'text/javascript' });
    return route.fulfill({ body: '<!doctype html><title>plain tfjs</title><script src="/tf.min.js"></script>', contentType: 'text/html' });
  });
  await page.goto(`${ORIGIN}/`);
  const weights = Buffer.from(files.weights).toString('base64');
  return page.evaluate(
    async ({ modelJson, weights, layersJs, inputs }) => {
      const tf = (window as unknown as { tf: typeof tfjs }).tf;
      await tf.setBackend('cpu');
      if (layersJs !== undefined) {
        const url = URL.createObjectURL(new Blob([layersJs], { type: 'text/javascript' }));
        try {
          const module = (await import(url)) as { registerNetloomLayers(tf: unknown): void };
          module.registerNetloomLayers(tf);
        } finally {
          URL.revokeObjectURL(url);
        }
      }
      const json = JSON.parse(modelJson) as tfjs.io.ModelJSON;
      const bytes = Uint8Array.from(atob(weights), (c) => c.charCodeAt(0));
      const model = await tf.loadLayersModel(
        tf.io.fromMemory({ modelTopology: json.modelTopology, weightSpecs: json.weightsManifest.flatMap((g) => g.weights), weightData: bytes.buffer }),
      );
      const xs = inputs.map((x) => tf.tensor(x.values as number[], x.shape as number[]));
      const predicted = model.predict(xs.length === 1 ? (xs[0] as tfjs.Tensor) : xs);
      const outputs = Array.isArray(predicted) ? predicted : [predicted];
      return outputs.map((y) => ({ shape: y.shape, values: Array.from(y.dataSync()) }));
    },
    { modelJson: files.modelJson, weights, layersJs: files.layersJs, inputs },
  );
}
