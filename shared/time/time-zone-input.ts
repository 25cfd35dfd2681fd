import { z } from 'zod';
import { isValidTimeZone } from './office-time';

/** An IANA time-zone name that Intl accepts ("America/Toronto"); the office time-zone setting. */
export const timeZoneName = z
  .string({ error: 'validation.required' })
  .trim()
  .refine(isValidTimeZone, { error: 'validation.time_zone' });

/** Input of a supervisor's "office time zone" setting. */
export const officeTimeZoneInput = z.object({ timeZone: timeZoneName }).strict();
