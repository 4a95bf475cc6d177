import { useId } from 'react';

/** Element ids of one field: its control, help text and error message. */
export interface FieldIds {
  readonly control: string;
  readonly help: string;
  readonly error: string;
}

/** Ids for one field, unique on the page. */
export function useFieldIds(): FieldIds {
  const base = useId();
  return { control: `${base}control`, help: `${base}help`, error: `${base}error` };
}

/**
 * ARIA attributes that tie a control to its help text and, when there is one, its error; and an
 * accessible name when the visible label is not enough on its own.
 */
export function describe(ids: FieldIds, error: string | null, accessibleName?: string) {
  return {
    'aria-invalid': error !== null,
    'aria-describedby': error !== null ? `${ids.help} ${ids.error}` : ids.help,
    ...(accessibleName === undefined ? {} : { 'aria-label': accessibleName }),
  } as const;
}
