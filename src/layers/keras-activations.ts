/**
 * Activations whose Keras 3 string would not compute what the browser computed: tfjs's
 * `hard_sigmoid` is clip(0.2x + 0.5, 0, 1) (Keras 2's), Keras 3's is relu6(x + 3) / 6; and Keras 3
 * has no `gelu_new` (tfjs's tanh approximation of GELU). The Python export passes a small named
 * function for these instead of the string, so the script trains the model Netloom trained.
 */
import type { ParamValue, WrappedLayer } from '../graph/types';
import type { Activation } from './keras-values';
import type { PyDefinition } from './layer-spec';
import { pyString } from '../lib/py-source';

/**
 * A Python function a script defines and passes where Keras takes an activation: its name (also
 * the name Keras saves it under, package `netloom`) and its registered definition.
 */
export type PyActivationFunction = PyDefinition;

const registered = (name: string, doc: string, body: string): PyActivationFunction => ({
  name,
  lines: ['@keras.saving.register_keras_serializable(package="netloom")', `def ${name}(x):`, `    """${doc}"""`, `    return ${body}`],
});

/** The activations Netloom writes as functions, by Netloom (and tfjs) name. */
export const KERAS_ACTIVATION_FUNCTIONS: Readonly<Partial<Record<Activation, PyActivationFunction>>> = {
  hard_sigmoid: registered(
    'tfjs_hard_sigmoid',
    "TF.js's (and Keras 2's) hard sigmoid, clip(0.2x + 0.5, 0, 1); Keras 3's is relu6(x + 3) / 6.",
    'keras.ops.clip(0.2 * x + 0.5, 0.0, 1.0)',
  ),
  gelu_new: registered(
    'gelu_new',
    'GELU\'s tanh approximation, TF.js\'s "gelu_new" (Keras 3 has no such name).',
    'keras.activations.gelu(x, approximate=True)',
  ),
};

/** True for the parameter keys that hold an activation name. */
export const isActivationKey = (key: string): boolean => key === 'activation' || key === 'recurrent_activation';

/** An activation as a Python argument: the name of its function where Keras 3 differs, else the string. */
export function pyActivation(name: string): string {
  return KERAS_ACTIVATION_FUNCTIONS[name as Activation]?.name ?? pyString(name);
}

/**
 * The activation a function saved by an exported script stands for: Keras writes it as
 * `{class_name: "function", config: "netloom>tfjs_hard_sigmoid"}`, which reads back as hard_sigmoid.
 */
export function activationOfSavedFunction(value: unknown): Activation | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { class_name: cls, config } = value as { class_name?: unknown; config?: unknown };
  if (cls !== 'function' || typeof config !== 'string') return undefined;
  const name = config.slice(config.indexOf('>') + 1);
  const found = Object.entries(KERAS_ACTIVATION_FUNCTIONS).find(([, fn]) => fn?.name === name);
  return found?.[0] as Activation | undefined;
}

const isWrapped = (value: ParamValue): value is WrappedLayer => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The functions a set of layers' parameters need defined, in a fixed order, once each; wrapped
 * layers (a `layer` parameter) are searched too.
 */
export function activationFunctionsFor(paramSets: Iterable<Readonly<Record<string, ParamValue>>>): PyActivationFunction[] {
  const used = new Set<string>();
  const visit = (params: Readonly<Record<string, ParamValue>>) => {
    for (const [key, value] of Object.entries(params)) {
      if (isActivationKey(key) && typeof value === 'string') used.add(value);
      else if (isWrapped(value)) visit(value.params);
      // An RNN's cells are a list of wrapped layers.
      else if (Array.isArray(value)) for (const item of value as readonly ParamValue[]) if (isWrapped(item)) visit(item.params);
    }
  };
  for (const params of paramSets) visit(params);
  return Object.entries(KERAS_ACTIVATION_FUNCTIONS).flatMap(([name, fn]) => (used.has(name) && fn ? [fn] : []));
}
