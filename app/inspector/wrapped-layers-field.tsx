import { useState } from 'react';
import type { ParamValue, Params, WrappedLayer } from '../../src/graph/types';
import type { LayerKind } from '../../src/graph/layer-kinds';
import type { LayerListParamSpec } from '../../src/layers/params';
import { defaultParams } from '../../src/layers/params';
import { layerSpec } from '../../src/layers/registry';
import { paramProblem } from '../../src/layers/validate-params';
import { useFieldIds } from './field-ids';
import type { FieldProps } from './field-props';
import { FieldShell } from './field-shell';
import { InnerLayerEditor } from './inner-layer-editor';

const isWrapped = (v: unknown): v is WrappedLayer => typeof v === 'object' && v !== null && !Array.isArray(v);
const isWrappedList = (v: ParamValue | undefined): v is readonly WrappedLayer[] => Array.isArray(v) && v.every(isWrapped);

/** `layer` as another kind: that kind's defaults, keeping each value the new kind shares and accepts (units, say). */
function withKind(layer: WrappedLayer, kind: LayerKind): WrappedLayer {
  const specs = layerSpec(kind).params;
  const kept: Params = Object.fromEntries(
    Object.entries(layer.params).filter(([key, v]) => {
      const spec = specs[key];
      return spec !== undefined && paramProblem(spec, v) === null;
    }),
  );
  return { kind, params: { ...defaultParams(specs), ...kept } };
}

/**
 * A list of layers inside a layer (an RNN's cells): each entry with its kind, its own fields (less
 * the ones the outer layer does not use) and a Remove button; Add appends a copy of the last one.
 * The list never gets shorter than the spec allows.
 */
export function WrappedLayersField({ name, spec, value, onCommit }: FieldProps<LayerListParamSpec>) {
  const ids = useFieldIds();
  const [error, setError] = useState<string | null>(null);
  const list = isWrappedList(value) ? value : spec.default;
  const commit = (next: readonly WrappedLayer[]): string | null => {
    const problem = onCommit(next);
    setError(problem);
    return problem;
  };
  const last = list.at(-1) ?? spec.default[0];
  return (
    <FieldShell label={name} help={spec.help} error={error} ids={ids} layout="group">
      <ol className="insp-list" data-testid={`wrapped-list-${name}`}>
        {list.map((layer, i) => (
          // Keyed by length too: adding or removing an entry starts every entry's fields afresh,
          // so a half-typed value never moves to a neighbour.
          <li key={`${list.length}.${i}`} className="insp-list-item">
            <div className="insp-list-head">
              <span className="insp-list-title">{`${name} ${i + 1}`}</span>
              <button
                type="button"
                className="insp-list-button"
                aria-label={`Remove ${name} ${i + 1}`}
                disabled={list.length <= spec.minLength}
                onClick={() => commit(list.filter((_, j) => j !== i))}
              >
                Remove
              </button>
            </div>
            <InnerLayerEditor
              value={layer}
              kinds={spec.kinds}
              hidden={spec.unused ?? []}
              select={{ 'aria-label': `${name} ${i + 1} kind`, 'aria-describedby': ids.help }}
              testId={`wrapped-${name}-${i + 1}`}
              withKind={(kind) => withKind(layer, kind)}
              onCommit={(next) => commit(list.map((l, j) => (j === i ? next : l)))}
            />
          </li>
        ))}
      </ol>
      {last !== undefined && (
        <button type="button" className="insp-list-button" onClick={() => commit([...list, last])}>
          {`Add ${name}`}
        </button>
      )}
    </FieldShell>
  );
}
