import type { ParamValue } from '../../src/graph/types';
import type { ParamSpec } from '../../src/layers/params';
import { paramProblem } from '../../src/layers/validate-params';
import { assertNever } from '../../src/lib/assert-never';
import { useStore } from '../store/store';
import { BoolField } from './bool-field';
import { ChoiceField } from './choice-field';
import { IntsListField } from './ints-list-field';
import { IntsTupleField } from './ints-tuple-field';
import { NumberField } from './number-field';

interface ParamFieldProps {
  readonly nodeId: string;
  /** The Keras parameter key, e.g. `kernel_size`. */
  readonly name: string;
  readonly spec: ParamSpec;
}

/** The field for one layer parameter, chosen by its spec's type. */
export function ParamField({ nodeId, name, spec }: ParamFieldProps) {
  // Only this parameter's value: editing another one, or dragging the node, does not re-render it.
  const value = useStore((s) => s.graph.nodes.find((n) => n.id === nodeId)?.params[name]);
  const setParam = useStore((s) => s.setParam);
  const onCommit = (next: ParamValue): string | null => {
    // Checked here too so that a bad value never reaches the store (or its undo history).
    const problem = paramProblem(spec, next);
    return problem !== null ? `${name} ${problem}` : setParam(nodeId, name, next);
  };
  const props = { name, value, onCommit };
  switch (spec.type) {
    case 'int':
    case 'float':
      return <NumberField {...props} spec={spec} />;
    case 'bool':
      return <BoolField {...props} spec={spec} />;
    case 'choice':
      return <ChoiceField {...props} spec={spec} />;
    case 'ints':
      return spec.length !== undefined ? <IntsTupleField {...props} spec={spec} /> : <IntsListField {...props} spec={spec} />;
    default:
      return assertNever(spec, 'param spec');
  }
}
