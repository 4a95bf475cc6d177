import type * as tfjs from '@tensorflow/tfjs';
import type { Tf } from '../layer-spec';
import type { Extension, ExtensionClass } from './extension';

type Shape = (number | null)[];

/** The parts of tfjs's DepthwiseConv2D this class reads (tfjs keeps them as plain fields). */
interface DepthwiseFields {
  strides: number[];
  padding: 'valid' | 'same';
  dilationRate: number | number[];
  kernelSize: number[];
  depthMultiplier: number;
  useBias: boolean;
  depthwiseKernel: tfjs.LayerVariable;
  bias: tfjs.LayerVariable | null;
  activation: { apply(x: tfjs.Tensor): tfjs.Tensor } | null;
  depthwiseConstraint: unknown;
}

type DepthwiseBase = new (args: Record<string, unknown>) => tfjs.layers.Layer;

const pair = (v: number | number[]): [number, number] => (Array.isArray(v) ? [v[0] ?? 1, v[1] ?? 1] : [v, v]);

/** Keras's conv_output_length along one axis, dilation included. */
function length(size: number | null, kernel: number, padding: string, stride: number, dilation: number): number | null {
  if (size === null) return null;
  const span = (kernel - 1) * dilation + 1;
  return Math.floor(((padding === 'same' ? size : size - span + 1) + stride - 1) / stride);
}

/**
 * tfjs 4.22's DepthwiseConv2D with `dilation_rate` honoured: tfjs reads it from the file but
 * neither uses it in its output shape nor passes it to the convolution (its source leaves dilation
 * unsupported), so a dilated depthwise layer (DeepLab, some MobileNets) computes something else.
 * Its saved config also wrote the regularizer where the constraint belongs. Subclasses tfjs's own
 * class, so weights, initialisers and everything else stay tfjs's. tfjs cannot train a dilated
 * depthwise convolution (no gradient); it runs it.
 */
function depthwiseClass(tf: Tf): ExtensionClass {
  const map = tf.serialization.SerializationMap.getMap().classNameMap as Record<string, [unknown, unknown] | undefined>;
  const entry = map.DepthwiseConv2D?.[0] as (DepthwiseBase & { netloom?: true }) | undefined;
  // tfjs's class, even when Netloom's already replaced it in the map (registering twice).
  const base = (entry?.netloom ? Object.getPrototypeOf(entry) : entry) as DepthwiseBase | undefined;
  if (base === undefined) throw new Error('tfjs has no DepthwiseConv2D to mend');
  class DepthwiseConv2D extends base {
    static readonly className = 'DepthwiseConv2D';
    static readonly netloom = true as const;
    override call(inputs: tfjs.Tensor | tfjs.Tensor[]): tfjs.Tensor {
      const self = this as unknown as DepthwiseFields;
      return tf.tidy(() => {
        const x = (Array.isArray(inputs) ? inputs[0] : inputs) as tfjs.Tensor4D;
        const kernel = self.depthwiseKernel.read() as tfjs.Tensor4D;
        let y: tfjs.Tensor = tf.depthwiseConv2d(x, kernel, pair(self.strides), self.padding, 'NHWC', pair(self.dilationRate));
        if (self.useBias && self.bias) y = tf.add(y, self.bias.read());
        return self.activation ? self.activation.apply(y) : y;
      });
    }
    override computeOutputShape(shape: Shape | Shape[]): Shape {
      const self = this as unknown as DepthwiseFields;
      const s = (Array.isArray(shape[0]) ? shape[0] : shape) as Shape;
      const [dh, dw] = pair(self.dilationRate);
      const [sh, sw] = pair(self.strides);
      const channels = s[3] ?? null;
      return [
        s[0] ?? null,
        length(s[1] ?? null, self.kernelSize[0] ?? 1, self.padding, sh, dh),
        length(s[2] ?? null, self.kernelSize[1] ?? 1, self.padding, sw, dw),
        channels === null ? null : channels * self.depthMultiplier,
      ];
    }
    override getConfig(): tfjs.serialization.ConfigDict {
      const config = super.getConfig();
      const constraint = (this as unknown as DepthwiseFields).depthwiseConstraint as { getClassName?(): string; getConfig?(): object } | null;
      config.depthwiseConstraint = (
        constraint?.getClassName ? { className: constraint.getClassName(), config: constraint.getConfig?.() ?? {} } : null
      ) as tfjs.serialization.ConfigDictValue;
      return config;
    }
  }
  return DepthwiseConv2D as unknown as ExtensionClass;
}

/** The mended DepthwiseConv2D, registered under tfjs's own name. */
export const DEPTHWISE_EXTENSIONS: readonly Extension[] = [{ className: 'DepthwiseConv2D', make: depthwiseClass }];
