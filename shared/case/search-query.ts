/**
 * What a search text means, read the way officers type it. One parser for the back end (which
 * index to use) and the screen (what it understood: "read as 7 March 1980 or 3 July 1980").
 *
 * - a case number, whole or its start: `AVRR-2026-000150`, `avrr-2026-150`, `AVRR-2026-0001`;
 * - a UCI, whole or its start: 4 to 10 digits, spaces and hyphens ignored (`1234-5678`);
 * - a date of birth: ISO (`1980-03-07`, or its start `1980`, `1980-03`), or day first with
 *   slashes, dots or hyphens (`07/03/1980`, `7.3.1980`). A day-first date whose two numbers
 *   could each be the month is ambiguous and is read both ways; one typed month first
 *   (`03/17/1980`) is read the only way it can be. A whole ISO date is also tried with day and
 *   month swapped (a date copied from a form that writes them the other way), as a second reading;
 * - anything else is a name (any script, accents ignored: the caller folds it).
 */
export type SearchQuery =
  | { kind: 'case_number'; exact: string | null; prefix: string }
  | { kind: 'uci'; prefix: string }
  | { kind: 'date_prefix'; prefix: string }
  | { kind: 'date'; dates: string[]; how: 'iso' | 'day_first'; ambiguous: boolean }
  | { kind: 'name'; text: string };

const CASE_NUMBER = /^AVRR(?:[-\s]?(\d{1,4})(?:[-\s](\d{0,6}))?)?$/i;
/** A case number without its prefix, as read aloud over the phone: `2026-000150`. */
const BARE_CASE_NUMBER = /^(\d{4})-(\d{6})$/;
const ISO_PART = /^(\d{4})(?:-(\d{2}))?$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_FIRST = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;

/** A real calendar date as ISO text, or null (31 February, month 13, year before 1900). */
export function isoDateOf(year: number, month: number, day: number): string | null {
  if (year < 1900 || year > 2999 || month < 1 || month > 12 || day < 1) return null;
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The date and, when it is a different real date, the same with day and month swapped. */
export function withSwappedDayMonth(iso: string): string[] {
  const m = ISO_DATE.exec(iso);
  if (!m) return [iso];
  const swapped = isoDateOf(Number(m[1]), Number(m[3]), Number(m[2]));
  return swapped && swapped !== iso ? [iso, swapped] : [iso];
}

export function parseSearchQuery(input: string): SearchQuery | null {
  const q = input.trim().replace(/\s+/g, ' ');
  if (q === '') return null;

  const bare = BARE_CASE_NUMBER.exec(q);
  if (bare) return { kind: 'case_number', exact: `AVRR-${bare[1]}-${bare[2]}`, prefix: `AVRR-${bare[1]}-${bare[2]}` };

  const cn = CASE_NUMBER.exec(q);
  if (cn) {
    const year = cn[1];
    const num = cn[2];
    const exact = year?.length === 4 && num !== undefined && num.length > 0 ? `AVRR-${year}-${num.padStart(6, '0')}` : null;
    const prefix = ['AVRR', year, num].filter((p) => p !== undefined).join('-');
    return { kind: 'case_number', exact, prefix };
  }

  const iso = ISO_DATE.exec(q);
  if (iso) {
    const date = isoDateOf(Number(iso[1]), Number(iso[2]), Number(iso[3]));
    if (date) return { kind: 'date', dates: withSwappedDayMonth(date), how: 'iso', ambiguous: false };
  }
  if (ISO_PART.test(q)) return { kind: 'date_prefix', prefix: q };

  const dayFirst = DAY_FIRST.exec(q);
  if (dayFirst) {
    const a = Number(dayFirst[1]);
    const b = Number(dayFirst[2]);
    const year = Number(dayFirst[3]);
    const readings = [isoDateOf(year, b, a), isoDateOf(year, a, b)].filter((d): d is string => d !== null);
    const dates = [...new Set(readings)];
    if (dates.length > 0) return { kind: 'date', dates, how: 'day_first', ambiguous: dates.length > 1 };
  }

  const digits = q.replace(/[\s-]/g, '');
  if (/^\d{4,10}$/.test(digits)) return { kind: 'uci', prefix: digits };

  return { kind: 'name', text: q };
}
