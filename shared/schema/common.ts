import { z } from 'zod';
import { isCountryCode, isNationalityCode } from '../countries';
import { officeDate } from '../time/office-time';
import { EVENT_DATE_MIN, PERSON_NAME_MAX } from './limits';
import { nameCharacterProblem } from './name-characters';

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

/** The date of an event of a case: a real date, not before EVENT_DATE_MIN. */
export const eventDate = isoDate.refine((d) => d >= EVENT_DATE_MIN, { error: 'validation.date_too_early' });

/**
 * Today's date in the office's time zone, as YYYY-MM-DD. Both arguments are required: the
 * instant comes from the injected clock, the zone from the office setting (shared/time). A
 * schema never reads the wall clock: "not in the future" is checked against a given date
 * (shared/time/intake-dates.ts).
 */
export function todayIso(now: Date, timeZone: string): string {
  return officeDate(now, timeZone);
}

/**
 * A person's name as written in their documents: any script (apostrophes, hyphens, spaces,
 * one-word names), 1..PERSON_NAME_MAX characters after trimming; no control, bidi-override or
 * emoji characters (shared/schema/name-characters.ts says why).
 */
export const personName = z
  .string({ error: 'validation.required' })
  .transform((s) => s.normalize('NFC').trim())
  .pipe(
    z
      .string()
      .min(1, { error: 'validation.required' })
      .max(PERSON_NAME_MAX, { error: 'validation.too_long' })
      .superRefine((s, ctx) => {
        const problem = nameCharacterProblem(s);
        if (problem) ctx.addIssue({ code: 'custom', message: problem });
      }),
  );

/** A country to return to: ISO 3166-1 alpha-3 (upper case), one of shared/countries.ts. */
export const countryCode = z
  .string({ error: 'validation.required' })
  .regex(/^[A-Z]{3}$/, { error: 'validation.country_code' })
  .refine(isCountryCode, { error: 'validation.country_unknown' });

/** A nationality: a country, or ICAO's code for a stateless person or a refugee. */
export const nationalityCode = z
  .string({ error: 'validation.required' })
  .regex(/^[A-Z]{3}$/, { error: 'validation.country_code' })
  .refine(isNationalityCode, { error: 'validation.country_unknown' });

/** IRCC Unique Client Identifier: 8 or 10 digits, optionally written with hyphens. Stored as digits. */
export const uci = z
  .string()
  .transform((s) => s.replace(/[\s-]/g, ''))
  .pipe(z.string().regex(/^(\d{8}|\d{10})$/, { error: 'validation.uci' }));

export const entityId = z.string().uuid({ error: 'validation.invalid' });
