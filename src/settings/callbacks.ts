/**
 * Keras's EarlyStopping and ReduceLROnPlateau as declared settings, each with an on/off switch:
 * one declaration gives the project file's schema, the defaults, the Train tab's form, the run's
 * options (`src/train/callbacks.ts` runs them) and the Keras script's arguments (named as in
 * Keras 3: `keras.callbacks.EarlyStopping(monitor, min_delta, patience, mode, restore_best_weights)`,
 * `ReduceLROnPlateau(monitor, factor, patience, mode, min_delta, min_lr)`). A monitor is any
 * quantity a run can log (`src/settings/monitors.ts`); whether this run logs it is checked with
 * the training readiness (`src/analysis/readiness.ts`), so a monitor left naming a metric that is
 * no longer compiled is kept and said, never dropped.
 */
import { bool, choice, float, int } from '../lib/value-spec';
import type { BoolSpec } from '../lib/value-spec';
import { z } from '../lib/zod';
import { MONITOR_MODES, MONITORS } from './monitors';
import { settingsSchema } from './schema';
import { defaultSettings, setting } from './setting';
import type { Setting, SettingSpecs, SettingValues } from './setting';

const monitor = () =>
  setting(choice(MONITORS, 'val_loss', 'The quantity watched: the loss or a compiled metric, val_ ones measured on the held-out data.', { alwaysEmit: true }), {
    label: 'monitor',
    keras: 'monitor',
  });
const mode = () =>
  setting(
    choice(MONITOR_MODES, 'auto', 'Which way is better: auto decides from the name as Keras does (losses and errors fall, the other metrics rise).', {
      advanced: true,
    }),
    { label: 'mode', keras: 'mode' },
  );
const patience = (def: number, help: string) => setting(int(def, help, { min: 0, alwaysEmit: true }), { label: 'patience', keras: 'patience' });
const minDelta = (def: number) =>
  setting(float(def, 'A smaller change of the monitored quantity does not count as an improvement.', { min: 0, advanced: true }), {
    label: 'min delta',
    keras: 'min_delta',
  });

/** A callback's settings: an on/off switch and its Keras arguments. */
export type CallbackSettingSpecs = SettingSpecs & { readonly enabled: Setting<BoolSpec> };

// Each callback's settings follow its Keras 3 signature's order, so the script's arguments do too.

/** `keras.callbacks.EarlyStopping`, off by default as in Keras. */
export const EARLY_STOPPING_SETTINGS = {
  enabled: setting(bool(false, 'Stop training once the monitored quantity stops improving.'), { label: 'EarlyStopping' }),
  monitor: monitor(),
  minDelta: minDelta(0),
  patience: patience(5, 'Epochs without improvement before training stops.'),
  mode: mode(),
  restoreBestWeights: setting(bool(true, 'On stopping, put back the weights of the best epoch.', { alwaysEmit: true }), {
    label: 'restore best weights',
    keras: 'restore_best_weights',
  }),
};

/** `keras.callbacks.ReduceLROnPlateau`, off by default as in Keras. */
export const REDUCE_LR_SETTINGS = {
  enabled: setting(bool(false, 'Lower the learning rate once the monitored quantity stops improving.'), { label: 'ReduceLROnPlateau' }),
  monitor: monitor(),
  factor: setting(
    float(0.5, 'On a plateau the learning rate is multiplied by this.', { min: 0, minExclusive: true, max: 1, maxExclusive: true, alwaysEmit: true }),
    {
      label: 'factor',
      keras: 'factor',
    },
  ),
  patience: patience(3, 'Epochs without improvement before the rate is lowered.'),
  mode: mode(),
  minDelta: minDelta(1e-4),
  minLr: setting(float(1e-6, 'The learning rate never goes below this.', { min: 0, alwaysEmit: true }), { label: 'min LR', keras: 'min_lr' }),
};

/** One callback: its Keras class, its name in words and its settings, `enabled` switching it on. */
export interface CallbackSpec<S extends CallbackSettingSpecs = CallbackSettingSpecs> {
  readonly kerasClass: string;
  /** Its name in words ("Early stopping"), the accessible name of its switch. */
  readonly label: string;
  /** What its fields' accessible names start with ("Early stopping patience", "Reduce factor"). */
  readonly fieldPrefix: string;
  readonly settings: S;
}

/** The callbacks a user can turn on, in the order the form shows them and the script lists them. */
export const CALLBACKS = {
  earlyStopping: { kerasClass: 'EarlyStopping', label: 'Early stopping', fieldPrefix: 'Early stopping', settings: EARLY_STOPPING_SETTINGS },
  reduceLrOnPlateau: { kerasClass: 'ReduceLROnPlateau', label: 'Reduce learning rate on plateau', fieldPrefix: 'Reduce', settings: REDUCE_LR_SETTINGS },
} as const satisfies Readonly<Record<string, CallbackSpec>>;

/** Which callback: a key of {@link CALLBACKS}. */
export type CallbackKey = keyof typeof CALLBACKS;

/** EarlyStopping's settings. */
export type EarlyStoppingSettings = SettingValues<typeof EARLY_STOPPING_SETTINGS>;

/** ReduceLROnPlateau's settings. */
export type ReduceLrOnPlateauSettings = SettingValues<typeof REDUCE_LR_SETTINGS>;

/** Every callback's settings, on or off: what a project stores and a run uses. */
export type Callbacks = { readonly [K in CallbackKey]: SettingValues<(typeof CALLBACKS)[K]['settings']> };

/** Both callbacks off, with their defaults. */
export const DEFAULT_CALLBACKS: Callbacks = {
  earlyStopping: defaultSettings(EARLY_STOPPING_SETTINGS),
  reduceLrOnPlateau: defaultSettings(REDUCE_LR_SETTINGS),
};

/** The callbacks as a project file stores them; a left-out callback or field takes its default. */
export const callbacksSchema: z.ZodType<Callbacks> = z.strictObject({
  earlyStopping: settingsSchema(EARLY_STOPPING_SETTINGS).default(DEFAULT_CALLBACKS.earlyStopping),
  reduceLrOnPlateau: settingsSchema(REDUCE_LR_SETTINGS).default(DEFAULT_CALLBACKS.reduceLrOnPlateau),
});
