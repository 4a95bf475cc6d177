import type { LucideIcon } from 'lucide-react';
import { ArrowDownToLine, Filter, GitMerge, Grid3x3, Network, Repeat, Rows3, Shrink } from 'lucide-react';
import type { Category } from '../src/layers/layer-spec';

/** One icon per palette category. */
export const CATEGORY_ICON: Readonly<Record<Category, LucideIcon>> = {
  Input: ArrowDownToLine,
  Core: Network,
  Convolution: Grid3x3,
  Pooling: Shrink,
  Recurrent: Repeat,
  Normalization: Rows3,
  Regularization: Filter,
  Merge: GitMerge,
};

/** Palette order of the categories. */
export const CATEGORY_ORDER: readonly Category[] = [
  'Input',
  'Core',
  'Convolution',
  'Pooling',
  'Recurrent',
  'Normalization',
  'Regularization',
  'Merge',
];

/** The CSS colour variable of a category, e.g. `var(--cat-convolution)`. */
export const categoryColor = (category: Category) => `var(--cat-${category.toLowerCase()})`;
