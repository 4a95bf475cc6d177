import { UserFileError } from '../lib/errors';
import type { KerasCall, KerasRef } from '../layers/layer-spec';

export type { KerasCall, KerasRef } from '../layers/layer-spec';

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

const isIndex = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value >= 0;

/** `[name, node, tensor]` or `[name, node, tensor, kwargs]` (Keras 2 / tfjs), else undefined. */
function tupleRef(value: unknown): KerasRef | undefined {
  if (!Array.isArray(value) || value.length < 3 || value.length > 4) return undefined;
  const [layer, node, tensor] = value as unknown[];
  return typeof layer === 'string' && isIndex(node) && isIndex(tensor) ? { layer, node, tensor } : undefined;
}

/** A Keras 3 `__keras_tensor__` object's `keras_history`, else undefined. */
function kerasTensorRef(value: unknown): KerasRef | undefined {
  if (!isRecord(value) || value.class_name !== '__keras_tensor__' || !isRecord(value.config)) return undefined;
  return tupleRef(value.config.keras_history);
}

/** Every Keras 3 tensor in `value`, depth first: merge layers pass theirs as a list in args[0]. */
function collectTensors(value: unknown, out: KerasRef[]): KerasRef[] {
  const ref = kerasTensorRef(value);
  if (ref) out.push(ref);
  else if (Array.isArray(value)) for (const item of value) collectTensors(item, out);
  else if (isRecord(value)) for (const item of Object.values(value)) collectTensors(item, out);
  return out;
}

const unrecognised = (layer: string) => new UserFileError(`layer "${layer}" has inbound_nodes in a form Netloom does not recognise`);

/** The message for a tensor passed by keyword to a layer that takes none that way. */
export const tensorKeyword = (layer: string, keyword: string): UserFileError =>
  new UserFileError(`layer "${layer}" takes a tensor through its "${keyword}" argument, which Netloom does not support`);

/** Keras 3 kwargs: a lone tensor by keyword, anything else as written; tensors nested in a kwarg are refused. */
function keywordArgs(kwargs: unknown, layer: string): Pick<KerasCall, 'tensors' | 'options'> {
  const tensors: Record<string, KerasRef> = {};
  const options: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(isRecord(kwargs) ? kwargs : {})) {
    const ref = kerasTensorRef(value);
    if (ref) tensors[key] = ref;
    else if (collectTensors(value, []).length > 0) throw tensorKeyword(layer, key);
    else options[key] = value;
  }
  return { tensors, options };
}

/** One call of a layer: its positional inbound tensors in input-slot order, and (Keras 3) its kwargs. */
function parseCall(call: unknown, layer: string): KerasCall {
  if (Array.isArray(call)) {
    // A call flattened to a single tensor (tensorflow/tfjs#1688) still means one input.
    const single = tupleRef(call);
    if (single) return { args: [single], tensors: {} };
    const args = call.map((item) => {
      const ref = tupleRef(item);
      if (!ref) throw unrecognised(layer);
      return ref;
    });
    return { args, tensors: {} };
  }
  if (isRecord(call) && Array.isArray(call.args)) return { args: collectTensors(call.args, []), ...keywordArgs(call.kwargs, layer) };
  throw unrecognised(layer);
}

/**
 * A layer's `inbound_nodes` as one call record per call, from either the Keras 2 / tfjs
 * nested-list form `[[[name, node, tensor, kwargs?], ...]]` or the Keras 3 form
 * `[{args: [...__keras_tensor__...], kwargs}]`.
 */
export function kerasInbound(raw: unknown, layer: string): KerasCall[] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) throw unrecognised(layer);
  return raw.map((call) => parseCall(call, layer));
}

/**
 * A model's `input_layers` / `output_layers`: nested `[["x", 0, 0], ...]`, or Keras 3's flat
 * `["x", 0, 0]` for a single tensor.
 */
export function kerasRefs(raw: unknown, what: string): KerasRef[] {
  const flat = tupleRef(raw);
  if (flat) return [flat];
  if (!Array.isArray(raw)) throw new UserFileError(`the model's ${what} is not a list of layers`);
  return raw.map((item) => {
    const ref = tupleRef(item);
    if (!ref) throw new UserFileError(`the model's ${what} has an entry that is not [layer, node, tensor]`);
    return ref;
  });
}
