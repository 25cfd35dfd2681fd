/** Calendar arithmetic on YYYY-MM-DD strings, in UTC so the result never depends on the machine's time zone. */

const DAY_MS = 86_400_000;

export function isoToDays(iso: string): number {
  return Math.floor(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
}

export function daysToIso(days: number): string {
  return new Date(days * DAY_MS).toISOString().slice(0, 10);
}

/** The same calendar day `years` later (29 February falls back to 28 February). */
export function addYears(iso: string, years: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y + years, m - 1, d));
  // Date.UTC rolls 29 Feb into 1 March in a non-leap year: step back to the 28th instead.
  if (target.getUTCMonth() !== m - 1) target.setUTCDate(0);
  return target.toISOString().slice(0, 10);
}
