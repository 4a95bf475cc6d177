import type { ParamValue, WrappedLayer } from '../../src/graph/types';
import { LAYER_KINDS } from '../../src/layers/layer-kinds';
import type { LayerParamSpec } from '../../src/layers/params';
import { defaultParams } from '../../src/layers/params';
import { isLayerKind, layerSpec } from '../../src/layers/registry';
import { paramProblem } from '../../src/layers/validate-params';
import { describe, useFieldIds } from './field-ids';
import type { FieldProps } from './field-props';
import { FieldShell } from './field-shell';
import { ParamInput } from './param-input';

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
  const innerSpec = layerSpec(inner.kind);
  const setKind = (kind: string) => {
    if (!isLayerKind(kind)) return;
    onCommit({ kind, params: defaultParams(layerSpec(kind).params) });
  };
  const commitParam = (key: string, next: ParamValue): string | null => {
    const problem = paramProblem(innerSpec.params[key] as never, next);
    return problem !== null ? `${key} ${problem}` : onCommit({ kind: inner.kind, params: { ...inner.params, [key]: next } });
  };
  return (
    <FieldShell label={name} help={spec.help} error={null} ids={ids} layout="group">
      <select id={ids.control} className="insp-input" value={inner.kind} onChange={(e) => setKind(e.target.value)} {...describe(ids, null)}>
        {wrappableKinds(spec).map((k) => (
          <option key={k} value={k}>
            {layerSpec(k as never).kerasClass}
          </option>
        ))}
      </select>
      <div className="insp-nested" data-testid={`wrapped-${name}`}>
        {Object.entries(innerSpec.params).map(([key, s]) => (
          <ParamInput key={`${inner.kind}.${key}`} name={key} spec={s} value={inner.params[key]} onCommit={(v) => commitParam(key, v)} />
        ))}
      </div>
    </FieldShell>
  );
}
