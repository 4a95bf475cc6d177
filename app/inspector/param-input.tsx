import type { ParamSpec } from '../../src/layers/params';
import { assertNever } from '../../src/lib/assert-never';
import type { FieldProps } from './field-props';
import { IntsListField } from './ints-list-field';
import { IntsTupleField } from './ints-tuple-field';
import { PairsField } from './pairs-field';
import { ScalarInput } from './scalar-input';
import { WrappedLayerField } from './wrapped-layer-field';
import { WrappedLayersField } from './wrapped-layers-field';

/** The field for one parameter value, chosen by its spec's type; the caller stores what it commits. */
export function ParamInput(props: FieldProps) {
  const { spec } = props;
  const typed = <S extends ParamSpec>(s: S): FieldProps<S> => ({ ...props, spec: s });
  switch (spec.type) {
    case 'int':
    case 'float':
    case 'bool':
    case 'choice':
      return <ScalarInput {...typed(spec)} />;
    case 'ints':
      return spec.length !== undefined ? <IntsTupleField {...typed(spec)} /> : <IntsListField {...typed(spec)} />;
    case 'pairs':
      return <PairsField {...typed(spec)} />;
    case 'layer':
      return <WrappedLayerField {...typed(spec)} />;
    case 'layers':
      return <WrappedLayersField {...typed(spec)} />;
    default:
      return assertNever(spec, 'param spec');
  }
}
