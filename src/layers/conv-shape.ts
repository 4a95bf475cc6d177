import { formatShape, lastDim } from '../graph/shape';
import type { Dim, Shape } from '../graph/types';
import type { InferResult, LayerProblem, ShapeContext } from './layer-spec';
import { checkPositive, checkRank, convLength, deconvLength, fail } from './shape-utils';

/** The window settings of a convolution or pooling layer over `n` spatial axes. */
export interface Window {
  readonly kernel: readonly number[];
  readonly strides: readonly number[];
  readonly padding: string;
  readonly dilation?: readonly number[];
  /** Transposed convolution grows the input instead of shrinking it. */
  readonly transposed?: boolean;
}

const LAYOUT: Readonly<Record<number, string>> = {
  1: '(batch, steps, channels)',
  2: '(batch, height, width, channels)',
  3: '(batch, depth, height, width, channels)',
};

/**
 * Spatial output lengths of a window sliding over a channels-last input with `n` spatial axes,
 * or the problem: wrong rank, unknown channels, strides with dilation, or an empty output.
 */
export function windowOutput(input: Shape, n: number, win: Window, kerasClass: string, ctx: ShapeContext): { dims: Dim[]; channels: number } | InferResult {
  const wrong = checkRank(input, n + 2, kerasClass, LAYOUT[n] ?? '', ctx);
  if (wrong) return wrong;
  const channels = lastDim(input);
  if (channels === null) {
    return fail('unknown-dim', `${kerasClass} ${ctx.name} needs a known number of channels, got ${formatShape(input)}`);
  }
  const dilation = win.dilation ?? [];
  if (win.strides.some((s) => s > 1) && dilation.some((d) => d > 1)) {
    return fail('invalid-param', `${kerasClass} ${ctx.name}: strides above 1 cannot be combined with dilation_rate above 1`);
  }
  const length = win.transposed ? deconvLength : convLength;
  const dims = Array.from({ length: n }, (_, i) => length(input[i + 1] ?? null, win.kernel[i] ?? 1, win.padding, win.strides[i] ?? 1, dilation[i] ?? 1));
  const empty = checkPositive(dims, input, kerasClass, ctx, kerasClass.includes('Pool') ? 'pool_size' : 'kernel');
  return empty ?? { dims, channels };
}

/** Narrows `windowOutput`'s result to the failure case. */
export const isProblem = (r: ReturnType<typeof windowOutput>): r is InferResult => 'ok' in r;

/** The parameters a filter-bank convolution (Conv1D to Conv3D, their transposes) reads here. */
interface ConvParams {
  readonly filters: number;
  readonly kernel_size: readonly number[];
  readonly strides: readonly number[];
  readonly padding: string;
  readonly dilation_rate?: readonly number[];
  readonly use_bias: boolean;
}

/**
 * The warning for a dilated window: tfjs 4.22 has no gradient for convolutions with
 * dilation_rate above 1, so such a layer runs but cannot train.
 */
export function dilationWarnings(kerasClass: string, ctx: ShapeContext, p: Pick<ConvParams, 'kernel_size' | 'dilation_rate'>): LayerProblem[] {
  if (!(p.dilation_rate ?? []).some((d) => d > 1)) return [];
  return [
    {
      code: 'cannot-train',
      message: `TF.js cannot train ${kerasClass} with dilation_rate above 1 (it can run it); set dilation_rate to 1 to train ${ctx.name} in the browser`,
      fix: { kind: 'set-param', label: 'Use dilation 1', param: 'dilation_rate', value: p.kernel_size.map(() => 1) },
    },
  ];
}

/** Shape inference of a convolution with `filters` outputs over `n` spatial axes. */
export function convInfer(n: 1 | 2 | 3, kerasClass: string, transposed = false) {
  return ([input = []]: readonly Shape[], p: ConvParams, ctx: ShapeContext): InferResult => {
    const win = { kernel: p.kernel_size, strides: p.strides, padding: p.padding, dilation: p.dilation_rate ?? [], transposed };
    const out = windowOutput(input, n, win, kerasClass, ctx);
    if (isProblem(out)) return out;
    return { ok: true, shape: [null, ...out.dims, p.filters], warnings: dilationWarnings(kerasClass, ctx, p) };
  };
}

/** Kernel (window x input channels x filters) plus one bias per filter. */
export function convWeights([input = []]: readonly Shape[], p: ConvParams) {
  const kernel = p.kernel_size.reduce((a, b) => a * b, 1) * (lastDim(input) ?? 0) * p.filters;
  return { trainable: kernel + (p.use_bias ? p.filters : 0), nonTrainable: 0 };
}
