/**
 * The fine-tune preset, as Keras's transfer-learning guide trains (keras.io/guides/transfer_learning):
 * phase 1 fits the head with the frozen base as the user marked it; phase 2 unfreezes the top
 * `unfreeze` frozen layers that hold weights (BatchNormalization stays frozen, so it keeps its
 * moving statistics and runs in inference mode), recompiles at the low `learningRate` and fits
 * `epochs` more, its epochs counted on from phase 1's (Keras's `initial_epoch`). Declared once: the
 * project file's schema, the defaults and the Train tab's form come from here.
 */
import { bool, float, int } from '../lib/value-spec';
import type { z } from '../lib/zod';
import { settingsSchema } from './schema';
import { defaultSettings, setting } from './setting';
import type { SettingValues } from './setting';

/** The preset's settings, in the order the form shows them and a project file writes them. */
export const FINE_TUNE_SETTINGS = {
  enabled: setting(bool(false, 'Train in two phases: first the head with the frozen layers as marked, then the top frozen layers too, slowly.'), {
    label: 'Fine-tune in two phases',
  }),
  unfreeze: setting(
    int(2, 'How many of the frozen layers with weights, counted back from the head, phase 2 trains. BatchNormalization stays frozen.', { min: 1 }),
    {
      label: 'layers to unfreeze',
    },
  ),
  learningRate: setting(
    float(1e-5, 'Phase 2’s learning rate: small, so the pretrained weights move little (1e-5 for Adam in Keras’s guide).', { min: 0, minExclusive: true }),
    {
      label: 'phase 2 learning rate',
    },
  ),
  epochs: setting(int(5, 'Phase 2’s epochs, after phase 1’s.', { min: 1 }), { label: 'phase 2 epochs' }),
};

/** The preset's values. */
export type FineTuneSettings = SettingValues<typeof FINE_TUNE_SETTINGS>;

/** Off, unfreezing 2 layers at 1e-5 for 5 epochs. */
export const DEFAULT_FINE_TUNE: FineTuneSettings = defaultSettings(FINE_TUNE_SETTINGS);

/** The preset as a project file stores it; a left-out field takes its default. */
export const fineTuneSchema: z.ZodType<FineTuneSettings> = settingsSchema(FINE_TUNE_SETTINGS);
