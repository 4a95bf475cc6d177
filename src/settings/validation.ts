/**
 * The validation split: the one setting that says how much of the data is held out for
 * validation (Keras's `validation_split`), whether each class keeps its share, and the seed that
 * picks the rows. It is stored once, with the data (`src/data/validation.ts`), and both the Data
 * tab and the Train tab draw their fields from these declarations, so they edit the same value
 * with the same range and message. A separate validation file (Keras's `validation_data`) takes
 * its place when the user picks one.
 */
import { bool, float, int } from '../lib/value-spec';
import { defaultSettings, setting } from './setting';
import type { SettingValues } from './setting';

/** The held-out split's settings, in the order the Data tab shows them. */
export const VALIDATION_SETTINGS = {
  validation: setting(
    float(
      0.2,
      'Share of the samples held out for validation (0.2 = 20%), chosen by the seed, never trained on. The Data and Train tabs show this one setting.',
      {
        min: 0,
        max: 1,
        maxExclusive: true,
      },
    ),
    { label: 'validation split', keras: 'validation_split' },
  ),
  stratified: setting(bool(true, 'Hold out each class’s own share, so both parts have the classes in the same proportions (classification only).'), {
    label: 'stratified',
  }),
  seed: setting(int(42, 'Picks which samples are held out; the same seed holds out the same samples in the app, the CLI and the Keras script.', { min: 0 }), {
    label: 'split seed',
  }),
};

/** The held-out split's values. */
export type ValidationSettings = SettingValues<typeof VALIDATION_SETTINGS>;

/** 20% held out, stratified, seed 42. */
export const DEFAULT_VALIDATION_SETTINGS: ValidationSettings = defaultSettings(VALIDATION_SETTINGS);
