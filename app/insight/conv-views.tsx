import type { ConvView } from '../../src/train/insight-types';
import { GridImage } from './grid-image';
import { SamplePicker } from './sample-picker';

/** How wide each picture of a grid is drawn: filters are tiny (3 × 3), feature maps larger. */
const FILTER_PX = 36;
const MAP_PX = 56;
/** Grids show at most this many channels: a layer of 256 filters would otherwise fill the panel. */
const MAX_SHOWN = 32;

function Pictures({ title, grids, size, testId, what }: { title: string; grids: ConvView['filters']; size: number; testId: string; what: string }) {
  const shown = grids.slice(0, MAX_SHOWN);
  return (
    <figure className="insight-grids" data-testid={testId} data-count={grids.length}>
      <figcaption>
        {title}
        {grids.length > shown.length && (
          <span className="muted">
            {' '}
            (the first {shown.length} of {grids.length})
          </span>
        )}
      </figcaption>
      <div className="insight-grids__cells">
        {shown.map((g, i) => (
          <GridImage key={i} grid={g} size={size} label={`${what} ${i + 1}`} />
        ))}
      </div>
    </figure>
  );
}

/** A convolution's filters (averaged over input channels) and its feature maps on the chosen sample, each scaled min..max. */
export function ConvViews({ view }: { readonly view: ConvView }) {
  return (
    <div className="insight-conv" data-testid="insight-conv">
      <Pictures title="Filters" grids={view.filters} size={FILTER_PX} testId="insight-filters" what="Filter" />
      <SamplePicker />
      <Pictures title="Feature maps of the sample" grids={view.featureMaps} size={MAP_PX} testId="insight-feature-maps" what="Feature map" />
      <p className="insp-help">Each picture is scaled from its own smallest value (black) to its largest (white).</p>
    </div>
  );
}
