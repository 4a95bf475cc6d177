import { useMemo } from 'react';
import { formatShape } from '../../src/graph/shape';
import { useStore } from '../store/store';
import './data.css';
import { previewsOf } from './dataset-previews';
import { ImageGrid } from './image-grid';
import { ImageProgress } from './image-progress';
import { SourcePicker } from './source-picker';
import { TablePlan } from './table-plan';
import { WiringBar } from './wiring-bar';
import { formatCount } from '../../src/lib/format-count';
import { fractionOf } from '../../src/data/validation';
import { SplitFields } from './split-fields';
import { SkippedFiles } from './skipped-files';
import { AudioSummary } from './audio/audio-summary';

/** The data panel: pick a source, see what was read, choose how it becomes x and y. */
export function DataView() {
  const loaded = useStore((s) => s.loaded);
  const status = useStore((s) => s.dataStatus);
  // Images, IDX pairs, sound clips and ready samples hold out a share of their own (a table's is in its plan, below).
  const held = useStore((s) =>
    s.data.kind === 'images' || s.data.kind === 'idx' || s.data.kind === 'audio' || (s.data.kind === 'sample' && s.data.plan === undefined)
      ? fractionOf(s.data)
      : null,
  );
  const readyPreviews = useMemo(() => (loaded?.kind === 'dataset' && loaded.dataset.featureShape.length === 3 ? previewsOf(loaded.dataset) : null), [loaded]);
  return (
    <div className="data-view" data-testid="data-view">
      <SourcePicker />
      <section className="data-main" aria-label="Dataset">
        {status.kind === 'loading' && status.images !== undefined && <ImageProgress label={status.label} {...status.images} />}
        {status.kind === 'loading' && status.images === undefined && (
          <div className="data-status" role="status" data-testid="data-loading">
            {status.label}
            {status.progress !== null && <progress value={status.progress} max={1} />}
          </div>
        )}
        {status.kind === 'error' && (
          <div className="data-status is-error" role="alert" data-testid="data-error">
            {status.message}
          </div>
        )}
        {status.kind === 'info' && (
          <div className="data-status" role="status" data-testid="data-info">
            {status.message}
          </div>
        )}
        {!loaded && status.kind === 'idle' && <p className="data-empty">Pick a built-in sample or upload your own data to see it here.</p>}
        {loaded && (
          <>
            <h2 data-testid="data-source-name">{loaded.sourceName}</h2>
            <WiringBar />
            {loaded.kind === 'table' && <TablePlan table={loaded.table} {...(loaded.validation ? { validation: loaded.validation.table } : {})} />}
            {loaded.kind === 'images' && (
              <>
                <p className="muted">
                  {formatCount(loaded.dataset.count)} images · {formatShape(loaded.dataset.featureShape)} each · {loaded.dataset.classNames?.length} classes
                </p>
                {held && <SplitFields split={held} classification />}
                <ImageGrid dataset={loaded.dataset} previews={loaded.previews} counts={loaded.counts} />
                <SkippedFiles skipped={loaded.skipped} />
              </>
            )}
            {loaded.kind === 'audio' && (
              <>
                {held && <SplitFields split={held} classification />}
                <AudioSummary loaded={loaded} />
              </>
            )}
            {loaded.kind === 'dataset' && (
              <>
                <p className="muted">
                  {formatCount(loaded.dataset.count)} samples · {formatShape(loaded.dataset.featureShape)} each · {loaded.dataset.classNames?.join(', ')}
                </p>
                {held && <SplitFields split={held} classification={loaded.dataset.task === 'classification'} />}
                {readyPreviews && <ImageGrid dataset={loaded.dataset} previews={readyPreviews.previews} counts={readyPreviews.counts} />}
              </>
            )}
          </>
        )}
      </section>
    </div>
  );
}
