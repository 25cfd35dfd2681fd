import { eq } from 'drizzle-orm';
import { DEFAULT_OFFICE_TIME_ZONE, isValidTimeZone } from '../../../shared/time/office-time';
import type { Db } from '../db/open';
import { settings } from '../db/schema';

/** The `settings` row of the office's time zone (a JSON string, an IANA name). */
export const OFFICE_TIME_ZONE_KEY = 'office.timeZone';

/**
 * The office's time zone as stored, or America/Toronto when there is none or the stored value
 * is not a zone Intl accepts (a bad row never stops the office from working).
 */
export function readOfficeTimeZone(db: Db | null | undefined): string {
  const row = db?.select().from(settings).where(eq(settings.key, OFFICE_TIME_ZONE_KEY)).get();
  if (!row) return DEFAULT_OFFICE_TIME_ZONE;
  let value: unknown;
  try {
    value = JSON.parse(row.value);
  } catch {
    return DEFAULT_OFFICE_TIME_ZONE;
  }
  return isValidTimeZone(value) ? value : DEFAULT_OFFICE_TIME_ZONE;
}

/** Store the office's time zone (inside the caller's transaction). Throws RangeError for a name Intl refuses. */
export function writeOfficeTimeZone(db: Db, timeZone: string): void {
  if (!isValidTimeZone(timeZone)) throw new RangeError(`not a time zone: ${timeZone}`);
  const value = JSON.stringify(timeZone);
  db.insert(settings).values({ key: OFFICE_TIME_ZONE_KEY, value }).onConflictDoUpdate({ target: settings.key, set: { value } }).run();
}
