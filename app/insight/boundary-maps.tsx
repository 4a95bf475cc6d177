import { BOUNDARY_UNITS } from '../../src/train/insight-boundary';
import type { BoundaryView } from '../../src/train/insight-types';
import { BoundaryImage } from './boundary-image';
import './insight.css';

const UNIT_PX = 72;
/** Past this many units the maps shrink, so a 64-unit layer fits the inspector's width five to a row. */
const MANY_UNITS = 16;
const SMALL_UNIT_PX = 44;
const round = (v: number) => Number(v.toPrecision(3));
const OUTPUT_PX = 240;
/** Hidden layers show at most this many units. */
const MAX_UNITS = BOUNDARY_UNITS;

/**
 * For a model on 2-D data: what this layer computes over the input plane, redrawn while the model
 * learns. The output as its decision (each point of the plane in its most likely class's
 * colour), a hidden layer as one map per unit.
 */
export function BoundaryMaps({ boundary, layer }: { readonly boundary: BoundaryView; readonly layer: string }) {
  const maps = boundary.layers.find((l) => l.layer === layer);
  if (!maps) return null;
  const { x, y } = boundary.extent;
  const plane = `x from ${round(x[0])} to ${round(x[1])}, y from ${round(y[0])} to ${round(y[1])}`;
  const shown = maps.units.slice(0, MAX_UNITS);
  return (
    <figure className="insight-boundary" data-testid="insight-boundary" data-output={maps.output}>
      <figcaption>{maps.output ? 'Decision boundary' : `What each of its ${maps.unitCount} units computes over the plane`}</figcaption>
      {maps.output ? (
        <BoundaryImage units={maps.units} output boundary={boundary} size={OUTPUT_PX} label={`The output's most likely class over the plane (${plane})`} />
      ) : (
        <div className="insight-grids__cells">
          {shown.map((g, i) => (
            <BoundaryImage
              key={i}
              units={[g]}
              output={false}
              boundary={boundary}
              size={shown.length > MANY_UNITS ? SMALL_UNIT_PX : UNIT_PX}
              label={`Unit ${i + 1} over the plane (${plane})`}
            />
          ))}
        </div>
      )}
      <p className="insp-help">
        {maps.output
          ? 'Each point of the plane in the colour of the class the model gives it, paler where it is less sure; dots are training samples in their own class’s colour.'
          : 'Orange where a unit is below 0, blue above, white at 0, over the same plane as the decision boundary.'}
        {maps.unitCount > shown.length ? ` The first ${shown.length} of ${maps.unitCount} units.` : ''}
      </p>
    </figure>
  );
}
