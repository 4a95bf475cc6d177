import type * as tfjs from '@tensorflow/tfjs';
import type { Tf } from '../layer-spec';

/** A class made against a tfjs namespace: a layer, or an activation (`apply(x)`). */
export type ExtensionClass = tfjs.serialization.SerializableConstructor<tfjs.serialization.Serializable> & {
  readonly className: string;
  /** Set on every class Netloom registers, so a second registration finds the first. */
  readonly netloom?: true;
};

/**
 * A class Netloom registers with tfjs under a Keras (or tfjs) class name: one tfjs 4.22 lacks, or
 * one whose tfjs version is broken. Classes are made from the tfjs namespace passed in, so the
 * page bundle never imports tfjs.
 */
export interface Extension {
  readonly className: string;
  make(tf: Tf): ExtensionClass;
}

const classMap = (tf: Tf) => tf.serialization.SerializationMap.getMap().classNameMap as Record<string, [ExtensionClass, unknown] | undefined>;

/**
 * The registered class for `ext`, registering it first when tfjs does not hold Netloom's yet.
 * tfjs's own registry is the one place the class lives, so every caller (and `loadLayersModel`)
 * gets the same one.
 */
export function ensureExtension(tf: Tf, ext: Extension): ExtensionClass {
  const existing = classMap(tf)[ext.className]?.[0];
  if (existing?.netloom === true) return existing;
  const cls = ext.make(tf);
  tf.serialization.registerClass(cls);
  return cls;
}
