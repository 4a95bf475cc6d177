import type { Page } from '@playwright/test';
import { longTaskFigures } from './app-steps';
import { startBenchApp } from './browser';
import { trainRun } from './train-run';
import type { TrainRunOptions } from './train-run';

/** Trains one template on a sample in the app and reports main-thread long tasks and throughput. */
async function run(page: Page, url: string, label: string, o: TrainRunOptions) {
  const r = await trainRun(page, url, o);
  if (process.env.BENCH_DEBUG) console.error(label, JSON.stringify(r.all), 'run ms', r.seconds * 1000);
  console.log(
    JSON.stringify({
      bench: label,
      backend: r.backend,
      epochs: o.epochs,
      batch_size: o.batch,
      seconds: Number(r.seconds.toFixed(1)),
      peak_samples_per_s: r.peakSamplesPerSecond,
      val_accuracy: r.valAccuracy,
      ...longTaskFigures(r.all),
      ...(o.watch === undefined
        ? {}
        : {
            watched_long_tasks: r.watched.length,
            worst_watched_task_ms: Math.max(0, ...r.watched.map(([, d]) => d)),
            tab_switch_long_tasks: r.switched.length,
          }),
    }),
  );
}

const app = await startBenchApp(Number(process.env.NETLOOM_BENCH_PORT ?? 4323));
try {
  const page = await app.browser.newPage({ viewport: { width: 1440, height: 900 } });
  const cnn = { template: 'cnn', sample: 'digits', epochs: 8, batch: 64 };
  if (process.env.NETLOOM_BENCH_ONLY !== 'views') {
    await run(page, app.url, 'train-iris-mlp', { template: 'seed', sample: 'iris', epochs: 100, batch: 8 });
    // A long run fills the charts past the points they draw, so their thinning is measured too.
    await run(page, app.url, 'train-iris-mlp-long', { template: 'seed', sample: 'iris', epochs: 800, batch: 8 });
    await run(page, app.url, 'train-digits-cnn', cnn);
  }
  // NETLOOM_BENCH_ONLY=views: only these two. The same run watched from the canvas with conv2d_1's filters and feature maps open.
  await run(page, app.url, 'train-digits-cnn-views-open', { ...cnn, watch: 'conv2d_1' });
  // And with the views off: what the tab switches cost without them.
  await run(page, app.url, 'train-digits-cnn-views-off', { ...cnn, watch: 'conv2d_1', viewsOff: true });
} finally {
  await app.close();
}
