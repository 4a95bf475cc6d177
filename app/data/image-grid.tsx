import type { Dataset } from '../../src/data/types';
import { formatCount } from '../../src/lib/format-count';
import { ImageThumb } from './image-thumb';

interface ImageGridProps {
  readonly dataset: Dataset;
  readonly previews: Readonly<Record<string, readonly Float32Array[]>>;
  readonly counts: Readonly<Record<string, number>>;
}

/** A row of thumbnails per class with its image count. */
export function ImageGrid({ dataset, previews, counts }: ImageGridProps) {
  const [height = 1, width = 1, channels = 1] = dataset.featureShape;
  return (
    <div className="data-grid" data-testid="image-grid">
      {(dataset.classNames ?? []).map((name) => (
        <section key={name} className="data-grid__class" aria-label={`Class ${name}`}>
          <h4>
            {name}{' '}
            <span className="muted" data-testid={`class-count-${name}`}>
              {formatCount(counts[name] ?? 0)} images
            </span>
          </h4>
          <div className="data-grid__thumbs">
            {(previews[name] ?? []).map((p, i) => (
              <ImageThumb key={i} pixels={p} height={height} width={width} channels={channels} label={`${name} example ${i + 1}`} />
            ))}
          </div>
        </section>
      ))}
    </div>
  );
}
