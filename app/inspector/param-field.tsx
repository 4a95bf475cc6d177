import type { ParamValue } from '../../src/graph/types';
import type { ParamSpec } from '../../src/layers/params';
import { paramProblem } from '../../src/layers/validate-params';
import { useStore } from '../store/store';
import { ParamInput } from './param-input';

interface ParamFieldProps {
  readonly nodeId: string;
  /** The Keras parameter key, e.g. `kernel_size`. */
  readonly name: string;
  readonly spec: ParamSpec;
}

/** The field for one layer parameter, bound to the store. */
export function ParamField({ nodeId, name, spec }: ParamFieldProps) {
  // Only this parameter's value: editing another one, or dragging the node, does not re-render it.
  const value = useStore((s) => s.graph.nodes.find((n) => n.id === nodeId)?.params[name]);
  const setParam = useStore((s) => s.setParam);
  const onCommit = (next: ParamValue): string | null => {
    // Checked here too so that a bad value never reaches the store (or its undo history).
    const problem = paramProblem(spec, next);
    return problem !== null ? `${name} ${problem}` : setParam(nodeId, name, next);
  };
  return <ParamInput name={name} spec={spec} value={value} onCommit={onCommit} />;
}
