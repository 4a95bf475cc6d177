import { assertNever } from '../../src/lib/assert-never';
import type { ScalarSpec } from '../../src/lib/value-spec';
import { BoolField } from './bool-field';
import { ChoiceField } from './choice-field';
import type { ScalarFieldProps } from './field-props';
import { NumberField } from './number-field';

/** The field for one single value (a layer param or a training setting), chosen by its spec's type. */
export function ScalarInput(props: ScalarFieldProps) {
  const { spec } = props;
  const typed = <S extends ScalarSpec>(s: S): ScalarFieldProps<S> => ({ ...props, spec: s });
  switch (spec.type) {
    case 'int':
    case 'float':
      return <NumberField {...typed(spec)} />;
    case 'bool':
      return <BoolField {...typed(spec)} />;
    case 'choice':
      return <ChoiceField {...typed(spec)} />;
    default:
      return assertNever(spec, 'scalar spec');
  }
}
