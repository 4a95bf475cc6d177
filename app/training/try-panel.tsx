import { useStore } from '../store/store';
import { TryDraw } from './try-draw';
import { TryImage } from './try-image';
import { TryRow } from './try-row';

/** "Try it": predict on a new row or picture with the trained model and the saved preprocessing. */
export function TryPanel() {
  const loaded = useStore((s) => s.loaded);
  const data = useStore((s) => s.data);
  if (!loaded) return null;
  let body = null;
  if (loaded.kind === 'table' && (data.kind === 'csv' || data.kind === 'sample') && data.fitted) {
    const fitted = data.fitted;
    const first = loaded.table.preview[0] ?? [];
    const names = loaded.table.columns.map((c) => c.name);
    const example = fitted.features.map((f) => first[names.indexOf(f.name)] ?? '').join(', ');
    body = <TryRow fitted={fitted} example={example} />;
  } else if (loaded.kind !== 'table' && loaded.dataset.featureShape.length === 3) {
    body = (
      <>
        <TryDraw dataset={loaded.dataset} />
        <TryImage dataset={loaded.dataset} fit={data.kind === 'images' ? data.fit : 'pad'} />
      </>
    );
  }
  if (!body) return null;
  return (
    <section className="train-eval" aria-label="Try it" data-testid="try-it">
      <h3>Try it</h3>
      {body}
    </section>
  );
}
