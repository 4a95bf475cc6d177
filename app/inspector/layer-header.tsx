import type { CSSProperties } from 'react';
import type { AnyLayerSpec } from '../../src/layers/layer-spec';
import { CATEGORY_ICON, categoryColor } from '../layer-style';

/** Category icon and colour, Keras class and what the layer does. */
export function LayerHeader({ spec }: { readonly spec: AnyLayerSpec }) {
  const Icon = CATEGORY_ICON[spec.category];
  const style = { '--cat': categoryColor(spec.category) } as CSSProperties;
  return (
    <header className="insp-header" style={style}>
      <div className="insp-title">
        <span className="insp-icon" aria-hidden="true">
          <Icon size={16} strokeWidth={2} />
        </span>
        <h2 className="insp-class">{spec.kerasClass}</h2>
        <span className="insp-category">{spec.category}</span>
      </div>
      <p className="insp-description">{spec.description}</p>
    </header>
  );
}
