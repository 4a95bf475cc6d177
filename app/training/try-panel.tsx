import { fittedOf } from '../../src/data/config';
import { textFeatureOf } from '../../src/data/text-column';
import './try-it.css';
import { useStore } from '../store/store';
import { TryAudio } from './try-audio';
import { TryDraw } from './try-draw';
import { TryImage } from './try-image';
import { TryRow } from './try-row';
import { TryText } from './try-text';

/** "Try it": predict on a new row, sentence, picture or sound clip with the trained model and the saved preprocessing. */
export function TryPanel() {
  const loaded = useStore((s) => s.loaded);
  const data = useStore((s) => s.data);
  if (!loaded) return null;
  let body = null;
  const fitted = fittedOf(data);
  if (loaded.kind === 'table' && fitted) {
    const first = loaded.table.preview[0] ?? [];
    const names = loaded.table.columns.map((c) => c.name);
    const cell = (name: string) => first[names.indexOf(name)] ?? '';
    const text = textFeatureOf(fitted);
    if (text) {
      const others = fitted.features.filter((f) => f !== text).map((f) => cell(f.name));
      body = <TryText key={text.name} fitted={fitted} column={text.name} example={cell(text.name)} otherExample={others.join(', ')} />;
    } else {
      body = <TryRow fitted={fitted} example={fitted.features.map((f) => cell(f.name)).join(', ')} />;
    }
  } else if (loaded.kind === 'audio' && data.kind === 'audio') {
    body = <TryAudio classes={loaded.dataset.classNames ?? []} settings={data.settings} />;
  } else if (loaded.kind !== 'table' && loaded.kind !== 'audio' && loaded.dataset.featureShape.length === 3) {
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
      <h2>Try it</h2>
      {body}
    </section>
  );
}
