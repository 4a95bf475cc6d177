/**
 * Reading a Keras file's MultiHeadAttention: Keras 3 records the call `layer(query, value, key,
 * use_causal_mask=..., ...)` in the layer's inbound node, not its config, so the call says which
 * tensors feed the layer and whether it is causal. Netloom's layer is `(query, value)` with
 * key = value and no masks other than the causal one; a call it cannot compute is refused.
 */
import { UserFileError } from '../lib/errors';
import type { KerasCall, KerasCallReading, KerasConfig, KerasRef } from './layer-spec';

const TENSOR_ARGS = ['query', 'value', 'key'] as const;
type TensorArg = (typeof TENSOR_ARGS)[number];

/** Call arguments whose only value Netloom can take is None (Keras's default). */
const NONE_ONLY = new Set(['attention_mask', 'query_mask', 'value_mask', 'key_mask']);

const same = (a: KerasRef, b: KerasRef) => a.layer === b.layer && a.node === b.node && a.tensor === b.tensor;
const named = (ref: KerasRef) => `"${ref.layer}"`;
const pyValue = (value: unknown) => (value === true ? 'True' : value === false ? 'False' : value === null ? 'None' : JSON.stringify(value));

/** The query, value and key, positionally or by keyword, as Python binds them. */
function tensorArgs(call: KerasCall, layer: string): Partial<Record<TensorArg, KerasRef>> {
  if (call.args.length > TENSOR_ARGS.length) {
    throw new UserFileError(`layer "${layer}" is called with ${call.args.length} tensors; a MultiHeadAttention takes a query, a value and a key`);
  }
  const out: Partial<Record<TensorArg, KerasRef>> = {};
  call.args.forEach((ref, i) => {
    out[TENSOR_ARGS[i] as TensorArg] = ref;
  });
  for (const [keyword, ref] of Object.entries(call.tensors)) {
    if (keyword === 'attention_mask') {
      throw new UserFileError(
        `layer "${layer}" is called with an attention_mask tensor (from ${named(ref)}); Netloom's MultiHeadAttention takes no mask but the causal one (use_causal_mask)`,
      );
    }
    if (!(TENSOR_ARGS as readonly string[]).includes(keyword)) {
      throw new UserFileError(`layer "${layer}" takes a tensor through its "${keyword}" argument, which Netloom's MultiHeadAttention does not support`);
    }
    out[keyword as TensorArg] = ref;
  }
  return out;
}

/** The call's keyword arguments as config keys (`use_causal_mask`), refusing those that change what the layer computes. */
function callOptions(options: Readonly<Record<string, unknown>>, config: KerasConfig, layer: string): KerasConfig {
  let causal = false;
  for (const [key, value] of Object.entries(options)) {
    if (key === 'use_causal_mask') {
      if (typeof value !== 'boolean' && value !== null) {
        throw new UserFileError(`layer "${layer}" is called with use_causal_mask=${pyValue(value)}; expected True or False`);
      }
      causal = value === true;
    } else if (key === 'return_attention_scores') {
      if (value === true) {
        throw new UserFileError(
          `layer "${layer}" is called with return_attention_scores=True; Netloom's MultiHeadAttention returns its output only, not the attention scores`,
        );
      }
    } else if (key === 'training') {
      const dropout = typeof config.dropout === 'number' ? config.dropout : 0;
      if (value === true && dropout > 0) {
        throw new UserFileError(
          `layer "${layer}" is called with training=True, so Keras drops attention weights even when it predicts; Netloom drops them only in training`,
        );
      }
    } else if (!(NONE_ONLY.has(key) && value === null)) {
      throw new UserFileError(`layer "${layer}" is called with ${key}=${pyValue(value)}, which Netloom's MultiHeadAttention does not support`);
    }
  }
  return { use_causal_mask: causal };
}

/**
 * A MultiHeadAttention's inputs and `use_causal_mask` from its call. Netloom's own files (through
 * tfjs) keep use_causal_mask in the config and list the inputs in slot order; a Keras 3 file's
 * call gives query, value and key (= value when absent or the same tensor). Self-attention,
 * `layer(x, x)`, comes out as one input.
 */
export function readAttentionCall(call: KerasCall, config: KerasConfig): KerasCallReading {
  const layer = typeof config.name === 'string' ? config.name : '?';
  if ('use_causal_mask' in config) return { inputs: call.args, config: {} };
  if (call.options === undefined) {
    throw new UserFileError(
      `layer "${layer}" is a MultiHeadAttention in the Keras 2 form, whose call (value, key, use_causal_mask) Netloom does not read; save the model with Keras 3`,
    );
  }
  const { query, value, key } = tensorArgs(call, layer);
  if (query === undefined || value === undefined) {
    throw new UserFileError(`layer "${layer}" is called without a ${query === undefined ? 'query' : 'value'}; a MultiHeadAttention needs a query and a value`);
  }
  if (key !== undefined && !same(key, value)) {
    throw new UserFileError(
      `layer "${layer}" is called with a key (${named(key)}) other than its value (${named(value)}); Netloom's MultiHeadAttention uses the value as the key, so it cannot compute this layer`,
    );
  }
  return { inputs: same(query, value) ? [query] : [query, value], config: callOptions(call.options, config, layer) };
}

const SEQUENCE_AXES = ['1', '-2', '[1]', '[-2]'];

/** Refuses Keras 3 config settings that change what the layer computes and Netloom has no param for. */
export function checkAttentionConfig(config: KerasConfig, layer: string): void {
  const axes = config.attention_axes;
  if (axes !== undefined && axes !== null && !SEQUENCE_AXES.includes(JSON.stringify(axes))) {
    throw new UserFileError(
      `layer "${layer}" attends over axes ${JSON.stringify(axes)} (attention_axes); Netloom's MultiHeadAttention attends over the sequence axis of (batch, seq, features) only`,
    );
  }
  if (config.use_gate === true) {
    throw new UserFileError(`layer "${layer}" has use_gate=True (a gated output); Netloom's MultiHeadAttention has no gate`);
  }
  if (config.sliding_window !== undefined && config.sliding_window !== null) {
    throw new UserFileError(
      `layer "${layer}" has sliding_window=${pyValue(config.sliding_window)}; Netloom's MultiHeadAttention attends over the whole sequence`,
    );
  }
}
