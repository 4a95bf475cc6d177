import type { ParamValue, WrappedLayer } from '../../src/graph/types';
import type { LayerKind } from '../../src/graph/layer-kinds';
import { isLayerKind, layerSpec } from '../../src/layers/registry';
import { paramProblem } from '../../src/layers/validate-params';
import { ParamInput } from './param-input';

interface InnerLayerEditorProps {
  readonly value: WrappedLayer;
  /** The kinds the select offers. */
  readonly kinds: readonly string[];
  /** Params of the inner kind that the outer layer does not use: not shown. */
  readonly hidden?: readonly string[];
  /** Attributes of the kind select: its id or aria-label, and what describes it. */
  readonly select: Readonly<Record<string, string | boolean>>;
  readonly testId: string;
  /** The layer that replaces `value` when the user picks another kind. */
  readonly withKind: (kind: LayerKind) => WrappedLayer;
  /** Validates and stores the whole inner layer; returns why it was refused, or null. */
  readonly onCommit: (next: WrappedLayer) => string | null;
}

/**
 * A layer held inside another: a select for its kind, then that kind's own parameter fields, each
 * committing the whole inner layer (each field checks its own value first and shows its error).
 */
export function InnerLayerEditor({ value, kinds, hidden = [], select, testId, withKind, onCommit }: InnerLayerEditorProps) {
  const spec = layerSpec(value.kind);
  const commitParam = (key: string, next: ParamValue): string | null => {
    const paramSpec = spec.params[key];
    const problem = paramSpec === undefined ? 'is not a parameter' : paramProblem(paramSpec, next);
    return problem !== null ? `${key} ${problem}` : onCommit({ kind: value.kind, params: { ...value.params, [key]: next } });
  };
  const setKind = (kind: string) => {
    if (isLayerKind(kind) && kind !== value.kind) onCommit(withKind(kind));
  };
  return (
    <>
      <select className="insp-input" value={value.kind} onChange={(e) => setKind(e.target.value)} {...select}>
        {kinds.map((k) => (
          <option key={k} value={k}>
            {layerSpec(k as LayerKind).kerasClass}
          </option>
        ))}
      </select>
      <div className="insp-nested" data-testid={testId}>
        {Object.entries(spec.params)
          .filter(([key]) => !hidden.includes(key))
          .map(([key, s]) => (
            <ParamInput key={`${value.kind}.${key}`} name={key} spec={s} value={value.params[key]} onCommit={(v) => commitParam(key, v)} />
          ))}
      </div>
    </>
  );
}
