import type { AnyLayerSpec } from '../../src/layers/layer-spec';
import { CATEGORY_ICON, categoryColor } from '../layer-style';
import { PanelHeader } from './panel-header';

/** Category icon and colour, Keras class and what the layer does. */
export function LayerHeader({ spec }: { readonly spec: AnyLayerSpec }) {
  return (
    <PanelHeader icon={CATEGORY_ICON[spec.category]} title={spec.kerasClass} tag={spec.category} color={categoryColor(spec.category)}>
      {spec.description}
    </PanelHeader>
  );
}
