import type { LucideIcon } from 'lucide-react';
import { Activity, ArrowDownToLine, Filter, Focus, GitMerge, Grid3x3, Network, Repeat, Rows3, Shapes, Shrink, SlidersHorizontal } from 'lucide-react';
import type { Category } from '../src/layers/layer-spec';

/** One icon per palette category. */
export const CATEGORY_ICON: Readonly<Record<Category, LucideIcon>> = {
  Input: ArrowDownToLine,
  Core: Network,
  Activation: Activity,
  Convolution: Grid3x3,
  Pooling: Shrink,
  Recurrent: Repeat,
  Attention: Focus,
  Preprocessing: SlidersHorizontal,
  Normalization: Rows3,
  Regularization: Filter,
  Reshaping: Shapes,
  Merge: GitMerge,
};

/** Palette order of the categories. */
export const CATEGORY_ORDER: readonly Category[] = [
  'Input',
  'Core',
  'Activation',
  'Convolution',
  'Pooling',
  'Recurrent',
  'Attention',
  'Preprocessing',
  'Normalization',
  'Regularization',
  'Reshaping',
  'Merge',
];

/** The CSS colour variable of a category, e.g. `var(--cat-convolution)`. */
export const categoryColor = (category: Category) => `var(--cat-${category.toLowerCase()})`;
