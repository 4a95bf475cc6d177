import { assertNever } from '../lib/assert-never';
import { z } from '../lib/zod';
import type { Setting, SettingSpecs, SettingValues } from './setting';
import { withDependentDefaults } from './setting';

/** The zod type of one setting's value, with the spec's range; no default yet. */
function valueSchema(spec: Setting): z.ZodType {
  switch (spec.type) {
    case 'int':
    case 'float': {
      let n = spec.type === 'int' ? z.number().int() : z.number();
      const minOpen = spec.type === 'float' && spec.minExclusive === true;
      const maxOpen = spec.type === 'float' && spec.maxExclusive === true;
      if (spec.min !== undefined) n = minOpen ? n.gt(spec.min) : n.min(spec.min);
      if (spec.max !== undefined) n = maxOpen ? n.lt(spec.max) : n.max(spec.max);
      return spec.nullable ? n.nullable() : n;
    }
    case 'bool':
      return z.boolean();
    case 'choice':
      return z.enum(spec.options);
    default:
      return assertNever(spec, 'setting');
  }
}

/**
 * The fields of a settings object: each key with its range and its default, a dependent default
 * left optional (the schema's transform fills it in).
 */
export function settingsShape(specs: SettingSpecs): Record<string, z.ZodType> {
  return Object.fromEntries(
    Object.entries(specs).map(([key, spec]) => [key, spec.defaultFrom ? valueSchema(spec).optional() : valueSchema(spec).default(spec.default)]),
  );
}

type ExtraValues<E extends z.ZodRawShape> = { readonly [K in keyof E]: z.output<E[K]> };

/**
 * A strict zod schema of a settings object, as a file stores it: every field may be left out and
 * takes its default (a dependent one from the choice it follows); unknown fields are refused.
 * `extra` adds fields that are not settings of a form (the training metrics list).
 */
export function settingsSchema<S extends SettingSpecs, E extends z.ZodRawShape = Record<never, never>>(
  specs: S,
  extra?: E,
): z.ZodType<SettingValues<S> & ExtraValues<E>> {
  const schema = z.strictObject({ ...settingsShape(specs), ...extra }).transform((values) => withDependentDefaults(specs, values));
  // The shape is built from `specs` key by key, so its output is SettingValues<S> plus `extra`'s.
  return schema as unknown as z.ZodType<SettingValues<S> & ExtraValues<E>>;
}
