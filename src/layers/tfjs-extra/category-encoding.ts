import type * as tfjs from '@tensorflow/tfjs';
import type { Tf } from '../layer-spec';
import type { Extension, ExtensionClass } from './extension';

type Shape = (number | null)[];
type Kwargs = Record<string, unknown>;
type Mode = 'oneHot' | 'multiHot' | 'count';

/** tfjs's spelling of an output mode, from its own or from Keras's (`one_hot`). */
const MODES: Readonly<Record<string, Mode>> = {
  oneHot: 'oneHot',
  one_hot: 'oneHot',
  multiHot: 'multiHot',
  multi_hot: 'multiHot',
  count: 'count',
};

const one = (x: tfjs.Tensor | tfjs.Tensor[]): tfjs.Tensor => (Array.isArray(x) ? (x[0] as tfjs.Tensor) : x);
const oneShape = (s: Shape | Shape[]): Shape => (Array.isArray(s[0]) ? (s[0] as Shape) : (s as Shape));

/**
 * Keras's CategoryEncoding. tfjs 4.22's cannot one-hot more than one id per sample (it fails on
 * (batch, 3) where Keras gives (batch, 3, num_tokens)), writes its output shape into its input's
 * symbolic shape, and has no gradient (DenseBincount), so a lone one cannot be checked. Modes come
 * in tfjs's spelling (`oneHot`, which model.json holds as Keras's `one_hot`) or Keras's. This one builds every mode from
 * one_hot (zero gradient, as Keras has none either), then the max (multi_hot) or sum (count)
 * over the ids of a sample. It refuses ids outside [0, num_tokens) as tfjs does.
 */
function categoryEncodingClass(tf: Tf): ExtensionClass {
  class CategoryEncoding extends tf.layers.Layer {
    static readonly className = 'CategoryEncoding';
    static readonly netloom = true as const;
    readonly numTokens: number;
    readonly outputMode: Mode;
    constructor(args: Kwargs = {}) {
      super(args);
      this.numTokens = Number(args.numTokens);
      const mode = MODES[String(args.outputMode ?? 'multiHot')];
      if (mode === undefined) throw new Error(`CategoryEncoding cannot compute output mode "${String(args.outputMode)}"`);
      this.outputMode = mode;
    }
    override call(inputs: tfjs.Tensor | tfjs.Tensor[]): tfjs.Tensor {
      return tf.tidy(() => {
        const ids = tf.cast(one(inputs), 'int32');
        const [lo = 0, hi = 0] = [tf.min(ids).dataSync()[0], tf.max(ids).dataSync()[0]];
        if (lo < 0 || hi >= this.numTokens) {
          throw new Error(`CategoryEncoding ${this.name} got id ${lo < 0 ? lo : hi}; ids must be from 0 to num_tokens - 1 = ${this.numTokens - 1}`);
        }
        // tfjs-backend-wasm 4.22's OneHot ignores the dtype asked for and writes int32 bits into a
        // float32 tensor (1 reads as 1.4e-45), so the one-hot is made as int32 and cast.
        const floatHot = (x: tfjs.Tensor) => tf.cast(tf.oneHot(x, this.numTokens), 'float32');
        if (this.outputMode === 'oneHot') {
          // (batch, 1) gives (batch, num_tokens); (batch, n) gives (batch, n, num_tokens).
          return floatHot(ids.shape[ids.rank - 1] === 1 ? tf.squeeze(ids, [ids.rank - 1]) : ids);
        }
        const hot = floatHot(ids);
        return this.outputMode === 'multiHot' ? tf.max(hot, -2) : tf.sum(hot, -2);
      });
    }
    override computeOutputShape(shape: Shape | Shape[]): Shape {
      const s = oneShape(shape);
      if (this.outputMode === 'oneHot' && s[s.length - 1] !== 1) return [...s, this.numTokens];
      return [...s.slice(0, -1), this.numTokens];
    }
    override getConfig(): tfjs.serialization.ConfigDict {
      return { ...super.getConfig(), numTokens: this.numTokens, outputMode: this.outputMode };
    }
  }
  return CategoryEncoding as unknown as ExtensionClass;
}

/** CategoryEncoding in place of tfjs 4.22's. */
export const CATEGORY_ENCODING_EXTENSIONS: readonly Extension[] = [{ className: 'CategoryEncoding', make: categoryEncodingClass }];
