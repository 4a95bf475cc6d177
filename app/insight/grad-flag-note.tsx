import type { GradientFlag } from '../../src/train/insight-types';
import { gradFlagText } from './insight-lookup';

/** The layer's gradient flag, in words: what it means and what to try. */
export function GradFlagNote({ flag }: { readonly flag: GradientFlag }) {
  return (
    <p className={`insight-flag is-${flag}`} role="status" data-testid="insight-grad-flag">
      {gradFlagText(flag)}
    </p>
  );
}
