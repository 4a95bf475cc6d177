import type * as tfjs from '@tensorflow/tfjs';
import type { Tf } from '../layer-spec';
import type { Extension, ExtensionClass } from './extension';

type Shape = (number | null)[];
type Kwargs = Record<string, unknown>;

const shapesOf = (s: Shape | Shape[]): Shape[] => (Array.isArray(s[0]) ? (s as Shape[]) : [s as Shape]);
const whole = (v: unknown, fallback: number | null): number | null => (typeof v === 'number' && Number.isInteger(v) ? v : fallback);

/** One projection's kernel and bias (Keras's EinsumDense `query`, `key`, `value`, `attention_output`). */
interface Projection {
  kernel: tfjs.LayerVariable;
  bias: tfjs.LayerVariable | null;
}

/**
 * Keras 3's MultiHeadAttention over the sequence axis of (batch, seq, features) inputs, which
 * TF.js 4.22 lacks: its internal attention layer cannot take symbolic inputs and its Einsum has
 * no gradient, so this one is written from matMul, reshape, transpose and softmax. Weights have
 * Keras's names and layouts (`query/kernel` [features, heads, key_dim], `query/bias` [heads,
 * key_dim], the same for `key` and `value`, `attention_output/kernel` [heads, value_dim, out],
 * `attention_output/bias` [out]), so a Keras file's weights load as they are. One input is
 * self-attention; two are (query, value), with key = value, as Keras's `layer(query, value)`.
 * `useCausalMask` is a config entry here: Keras takes it at call time, and a model.json stores
 * no call arguments. Masks from earlier layers are not supported.
 */
function multiHeadAttentionClass(tf: Tf): ExtensionClass {
  class MultiHeadAttention extends tf.layers.Layer {
    static readonly className = 'MultiHeadAttention';
    static readonly netloom = true as const;
    readonly numHeads: number;
    readonly keyDim: number;
    readonly valueDim: number;
    /** `value_dim` as given: None means key_dim, and the config keeps None. */
    readonly valueDimArg: number | null;
    readonly rate: number;
    readonly useBias: boolean;
    /** Keras's `output_shape` (tfjs's Layer has an `outputShape` of its own). */
    readonly outDim: number | null;
    readonly useCausalMask: boolean;
    private proj: Record<'query' | 'key' | 'value' | 'attention_output', Projection> | null = null;

    constructor(args: Kwargs = {}) {
      super(args);
      this.numHeads = whole(args.numHeads, null) ?? 0;
      this.keyDim = whole(args.keyDim, null) ?? 0;
      if (this.numHeads < 1 || this.keyDim < 1) throw new Error('MultiHeadAttention needs num_heads and key_dim of at least 1');
      this.valueDimArg = whole(args.valueDim, null);
      this.valueDim = this.valueDimArg ?? this.keyDim;
      this.rate = typeof args.dropout === 'number' ? args.dropout : 0;
      this.useBias = args.useBias !== false;
      this.outDim = whole(args.outputShape, null);
      this.useCausalMask = args.useCausalMask === true;
    }

    override build(inputShape: Shape | Shape[]): void {
      const [query = [], value = query] = shapesOf(inputShape);
      const dq = query[query.length - 1] ?? null;
      const dv = value[value.length - 1] ?? null;
      if (dq === null || dv === null) throw new Error(`MultiHeadAttention ${this.name} needs known feature sizes`);
      const [h, k, v] = [this.numHeads, this.keyDim, this.valueDim];
      const out = this.outDim ?? dq;
      const make = (name: string, kernel: number[], bias: number[]): Projection => ({
        kernel: this.addWeight(`${name}/kernel`, kernel, 'float32', tf.initializers.glorotUniform({})),
        bias: this.useBias ? this.addWeight(`${name}/bias`, bias, 'float32', tf.initializers.zeros()) : null,
      });
      this.proj = {
        query: make('query', [dq, h, k], [h, k]),
        key: make('key', [dv, h, k], [h, k]),
        value: make('value', [dv, h, v], [h, v]),
        attention_output: make('attention_output', [h, v, out], [out]),
      };
      this.built = true;
    }

    /** (batch, seq, features) -> (batch, heads, seq, size) through a [features, heads, size] kernel. */
    private heads(x: tfjs.Tensor, p: Projection, size: number): tfjs.Tensor {
      const [b = 0, n = 0, d = 0] = x.shape;
      let y = tf.matMul(tf.reshape(x, [b * n, d]), tf.reshape(p.kernel.read(), [d, this.numHeads * size]));
      if (p.bias) y = tf.add(y, tf.reshape(p.bias.read(), [this.numHeads * size]));
      return tf.transpose(tf.reshape(y, [b, n, this.numHeads, size]), [0, 2, 1, 3]);
    }

    /**
     * The softmax attention probabilities (batch, heads, t, s) of `query` over `value`, and the
     * projected values (batch, heads, s, value_dim): `call` and `attentionProbabilities` share it,
     * so the weights try-it shows are those the output is made of, causal mask and all.
     */
    private attend(query: tfjs.Tensor, value: tfjs.Tensor): { probs: tfjs.Tensor; v: tfjs.Tensor; output: Projection } {
      const p = this.proj;
      if (p === null) throw new Error(`MultiHeadAttention ${this.name} is not built`);
      const t = query.shape[1] ?? 0;
      const s = value.shape[1] ?? 0;
      // Keras scales the projected query by 1/sqrt(key_dim) before the dot product.
      const q = tf.mul(this.heads(query, p.query, this.keyDim), 1 / Math.sqrt(this.keyDim));
      const k = this.heads(value, p.key, this.keyDim);
      let scores = tf.matMul(q, k, false, true); // (batch, heads, t, s)
      if (this.useCausalMask) {
        // Query i sees keys j <= i; the others get Keras's large negative logit (-1e9).
        const blocked = Array.from({ length: t * s }, (_, i) => (i % s <= Math.floor(i / s) ? 0 : -1e9));
        scores = tf.add(scores, tf.tensor2d(blocked, [t, s]));
      }
      return { probs: tf.softmax(scores), v: this.heads(value, p.value, this.valueDim), output: p.attention_output };
    }

    /**
     * Keras's `return_attention_scores`: the softmax probabilities (batch, heads, query length,
     * key length) for these inputs, as in inference (no dropout). `value` defaults to `query`.
     */
    attentionProbabilities(query: tfjs.Tensor, value: tfjs.Tensor = query): tfjs.Tensor {
      return tf.tidy(() => this.attend(query, value).probs);
    }

    override call(inputs: tfjs.Tensor | tfjs.Tensor[], kwargs: Kwargs): tfjs.Tensor {
      return tf.tidy(() => {
        const list = Array.isArray(inputs) ? inputs : [inputs];
        const query = list[0] as tfjs.Tensor;
        const value = list[1] ?? query;
        const [b = 0, t = 0] = query.shape;
        const attended = this.attend(query, value);
        let probs = attended.probs;
        if (kwargs.training === true && this.rate > 0) probs = tf.dropout(probs, this.rate);
        const heads = tf.transpose(tf.matMul(probs, attended.v), [0, 2, 1, 3]); // (batch, t, heads, value_dim)
        const o = attended.output;
        const out = o.kernel.shape[2] ?? 0;
        let y = tf.matMul(tf.reshape(heads, [b * t, this.numHeads * this.valueDim]), tf.reshape(o.kernel.read(), [this.numHeads * this.valueDim, out]));
        if (o.bias) y = tf.add(y, o.bias.read());
        return tf.reshape(y, [b, t, out]);
      });
    }

    override computeOutputShape(inputShape: Shape | Shape[]): Shape {
      const [query = []] = shapesOf(inputShape);
      return [...query.slice(0, -1), this.outDim ?? query[query.length - 1] ?? null];
    }

    override getConfig(): tfjs.serialization.ConfigDict {
      return {
        ...super.getConfig(),
        numHeads: this.numHeads,
        keyDim: this.keyDim,
        valueDim: this.valueDimArg,
        dropout: this.rate,
        useBias: this.useBias,
        outputShape: this.outDim,
        useCausalMask: this.useCausalMask,
      };
    }
  }
  return MultiHeadAttention as unknown as ExtensionClass;
}

/** MultiHeadAttention, which tfjs 4.22 lacks. */
export const ATTENTION_EXTENSIONS: readonly Extension[] = [{ className: 'MultiHeadAttention', make: multiHeadAttentionClass }];

/** A layer of Netloom's MultiHeadAttention class, which can give its attention probabilities. */
export interface AttentionLayer extends tfjs.layers.Layer {
  /** The softmax probabilities (batch, heads, query length, key length); `value` defaults to `query`. */
  attentionProbabilities(query: tfjs.Tensor, value?: tfjs.Tensor): tfjs.Tensor;
}

/** True for a layer of Netloom's MultiHeadAttention class (a model built or loaded by Netloom). */
export function isAttentionLayer(layer: tfjs.layers.Layer): layer is AttentionLayer {
  return layer.getClassName() === 'MultiHeadAttention' && typeof (layer as Partial<AttentionLayer>).attentionProbabilities === 'function';
}
