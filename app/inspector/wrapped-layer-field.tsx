import type { ParamValue, WrappedLayer } from '../../src/graph/types';
import { LAYER_KINDS } from '../../src/graph/layer-kinds';
import type { LayerParamSpec } from '../../src/layers/params';
import { defaultParams } from '../../src/layers/params';
import { layerSpec } from '../../src/layers/registry';
import { describe, useFieldIds } from './field-ids';
import type { FieldProps } from './field-props';
import { FieldShell } from './field-shell';
import { InnerLayerEditor } from './inner-layer-editor';

const isWrapped = (v: ParamValue | undefined): v is WrappedLayer => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The kinds a wrapper may hold: its own list, or every layer that takes one input. */
export function wrappableKinds(spec: LayerParamSpec): readonly string[] {
  return spec.kinds ?? LAYER_KINDS.filter((k) => layerSpec(k).arity.min === 1 && layerSpec(k).arity.max === 1);
}

/**
 * A layer inside a layer (TimeDistributed's `layer`): a select for its kind, then that kind's own
 * parameter fields, each committing the whole wrapped layer. Changing the kind starts it from
 * its defaults.
 */
export function WrappedLayerField({ name, spec, value, onCommit }: FieldProps<LayerParamSpec>) {
  const ids = useFieldIds();
  const inner = isWrapped(value) ? value : spec.default;
  return (
    <FieldShell label={name} help={spec.help} error={null} ids={ids} layout="group">
      <InnerLayerEditor
        value={inner}
        kinds={wrappableKinds(spec)}
        select={{ id: ids.control, ...describe(ids, null) }}
        testId={`wrapped-${name}`}
        withKind={(kind) => ({ kind, params: defaultParams(layerSpec(kind).params) })}
        onCommit={onCommit}
      />
    </FieldShell>
  );
}
