import { z } from 'zod';
import { officeDate } from '../time/office-time';

/**
 * Building blocks of the domain schemas. Every message is an i18n key ("validation.*"), so the
 * same schema gives field errors in English or French in the form and in the back end.
 */

/** A real calendar date written YYYY-MM-DD (2023-02-29 is refused). */
export function isRealIsoDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  const days = [31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return d <= (days[mo - 1] ?? 0) && y >= 1900;
}

export const isoDate = z
  .string({ error: 'validation.required' })
  .refine(isRealIsoDate, { error: 'validation.date_invalid' });

/**
 * Today's date in the office's time zone, as YYYY-MM-DD. Both arguments are required: the
 * instant comes from the injected clock, the zone from the office setting (shared/time). A
 * schema never reads the wall clock: "not in the future" is checked against a given date
 * (shared/time/intake-dates.ts).
 */
export function todayIso(now: Date, timeZone: string): string {
  return officeDate(now, timeZone);
}

// Control characters (C0, DEL, C1) never belong in a name; every other character does
// (any script, apostrophes, hyphens, spaces, one-word names).
// eslint-disable-next-line no-control-regex -- the point of this pattern is to find control characters
const controlChars = /[\u0000-\u001f\u007f-\u009f]/;

/** A person's name as written in their documents: any script, 1..200 characters after trimming. */
export const personName = z
  .string({ error: 'validation.required' })
  .transform((s) => s.normalize('NFC').trim())
  .pipe(
    z
      .string()
      .min(1, { error: 'validation.required' })
      .max(200, { error: 'validation.too_long' })
      .refine((s) => !controlChars.test(s), { error: 'validation.name_characters' }),
  );

/** ISO 3166-1 alpha-3 country code (upper case). */
export const countryCode = z
  .string({ error: 'validation.required' })
  .regex(/^[A-Z]{3}$/, { error: 'validation.country_code' });

/** IRCC Unique Client Identifier: 8 or 10 digits, optionally written with hyphens. Stored as digits. */
export const uci = z
  .string()
  .transform((s) => s.replace(/[\s-]/g, ''))
  .pipe(z.string().regex(/^(\d{8}|\d{10})$/, { error: 'validation.uci' }));

export const entityId = z.string().uuid({ error: 'validation.invalid' });
