import type { DiagnosticCode } from '../graph/diagnostics';
import { formatShape } from '../graph/shape';
import type { Dim, Shape } from '../graph/types';
import type { InferResult, LayerFix, ShapeContext } from './layer-spec';

/** A successful inference. */
export const ok = (shape: Shape): InferResult => ({ ok: true, shape });

/** A failed inference. */
export const fail = (code: DiagnosticCode, message: string, fix?: LayerFix): InferResult => ({
  ok: false,
  problem: fix === undefined ? { code, message } : { code, message, fix },
});

/** "from Conv2D" when the upstream layer is known. */
export function fromWhat(ctx: ShapeContext, slot = 0): string {
  const cls = ctx.inputClasses[slot];
  return cls === undefined ? '' : ` from ${cls}`;
}

/**
 * Checks the input's rank (batch axis included). `layout` names the axes for the message, e.g.
 * `(batch, height, width, channels)`.
 */
export function checkRank(input: Shape, expected: number, kerasClass: string, layout: string, ctx: ShapeContext, fix?: LayerFix): InferResult | null {
  if (input.length === expected) return null;
  return fail(
    'wrong-rank',
    `${kerasClass} needs a ${expected}-D input ${layout} but ${ctx.name} gets ${input.length}-D ` + `${formatShape(input)}${fromWhat(ctx)}`,
    fix,
  );
}

/** Output length of a convolution or pooling window along one axis (Keras `conv_output_length`). */
export function convLength(length: Dim, kernel: number, padding: string, stride: number, dilation = 1): Dim {
  if (length === null) return null;
  const span = (kernel - 1) * dilation + 1;
  const out = padding === 'same' ? length : length - span + 1;
  return Math.floor((out + stride - 1) / stride);
}

/** Output length of a transposed convolution along one axis (Keras `deconv_output_length`). */
export function deconvLength(length: Dim, kernel: number, padding: string, stride: number, dilation = 1): Dim {
  if (length === null) return null;
  const span = (kernel - 1) * dilation + 1;
  return padding === 'same' ? length * stride : length * stride + Math.max(span - stride, 0);
}

/** A problem when any spatial output length is zero or negative, naming the axes. */
export function checkPositive(dims: readonly Dim[], input: Shape, kerasClass: string, ctx: ShapeContext, what: string): InferResult | null {
  if (dims.every((d) => d === null || d > 0)) return null;
  return fail(
    'empty-output',
    `${kerasClass} ${ctx.name}: the ${what} is larger than its input ${formatShape(input)}, ` +
      `so the output would be empty; use a smaller ${what}, fewer strides, or padding="same"`,
  );
}

/** Total count of a weight tensor's entries. */
export const size = (...dims: number[]) => dims.reduce((a, b) => a * b, 1);

/** A dimension as a number for weight counts; inference has already refused unknown ones. */
export const known = (d: Dim | undefined): number => d ?? 0;
