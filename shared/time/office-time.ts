/**
 * The office's clock and calendar arithmetic in its time zone (design.md, "Data layer": one
 * injected clock; the office's time zone for anything a person reads or that names a day; UTC
 * only for stored instants). Pure: Intl only, no Node, no Electron, no wall-clock reads.
 */

/** The Mississauga office (policy brief §2) keeps Eastern time. */
export const DEFAULT_OFFICE_TIME_ZONE = 'America/Toronto';

/** A local calendar date, YYYY-MM-DD. */
export type LocalDate = string;
/** A local wall-clock date-time to the minute, YYYY-MM-DDTHH:mm. */
export type LocalDateTime = string;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      calendar: 'gregory',
      numberingSystem: 'latn',
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/**
 * True for a time-zone name Intl accepts as an IANA zone ("America/Toronto", "UTC"). Offsets
 * ("+05:00") and abbreviations Intl may also take ("EST") are refused: the setting names a place.
 */
export function isValidTimeZone(tz: unknown): tz is string {
  if (typeof tz !== 'string' || tz.length === 0 || tz.length > 64) return false;
  if (!/^(?:UTC|[A-Za-z]+(?:[/_-][A-Za-z0-9+_-]+)*)$/.test(tz) || !(tz === 'UTC' || tz.includes('/'))) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

interface WallParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** The wall time at an instant, as Intl gives it (slow: several microseconds a call). */
function intlWallParts(instant: Date, tz: string): WallParts {
  const out: Record<string, number> = {};
  for (const p of formatter(tz).formatToParts(instant)) {
    if (p.type === 'year' || p.type === 'month' || p.type === 'day' || p.type === 'hour' || p.type === 'minute' || p.type === 'second') out[p.type] = Number(p.value);
  }
  return { year: out.year ?? NaN, month: out.month ?? NaN, day: out.day ?? NaN, hour: (out.hour ?? NaN) % 24, minute: out.minute ?? NaN, second: out.second ?? NaN };
}

const HOUR_MS = 3_600_000;
/** Instants from 1900 to 2200 take the cached offsets; any other goes to Intl every time. */
const CACHED_FROM = Date.UTC(1900, 0, 1);
const CACHED_TO = Date.UTC(2200, 0, 1);
const MAX_CACHED_HOURS = 200_000;
/** Per zone, its offset from UTC (ms) over each UTC hour seen, or null for an hour in which it changes. */
const hourOffsets = new Map<string, Map<number, number | null>>();

/**
 * The zone's offset over the whole UTC hour holding `ms`, or null when it changes within that
 * hour. Asked of Intl once per zone and hour (at the hour's first and last second: equal offsets
 * there mean one offset all through, no zone having ever changed twice within an hour), so the
 * many instants of a list (referral dates, stage entries) cost a look-up each, not an Intl call.
 */
function steadyOffset(ms: number, tz: string): number | null {
  if (ms < CACHED_FROM || ms >= CACHED_TO) return null;
  let byHour = hourOffsets.get(tz);
  if (!byHour) {
    byHour = new Map();
    hourOffsets.set(tz, byHour);
  }
  const hour = Math.floor(ms / HOUR_MS);
  const known = byHour.get(hour);
  if (known !== undefined) return known;
  const start = hour * HOUR_MS;
  const first = intlOffsetAt(start, tz);
  const offset = first === intlOffsetAt(start + HOUR_MS - 1000, tz) ? first : null;
  if (byHour.size >= MAX_CACHED_HOURS) byHour.clear();
  byHour.set(hour, offset);
  return offset;
}

function wallParts(instant: Date, tz: string): WallParts {
  const t = instant.getTime();
  if (!Number.isFinite(t)) throw new RangeError('Invalid time value');
  const offset = steadyOffset(t, tz);
  if (offset === null) return intlWallParts(instant, tz);
  // The offset is whole seconds (Intl shows seconds): the wall time is UTC's, that much later.
  const wall = new Date(t + offset);
  return {
    year: wall.getUTCFullYear(),
    month: wall.getUTCMonth() + 1,
    day: wall.getUTCDate(),
    hour: wall.getUTCHours(),
    minute: wall.getUTCMinutes(),
    second: wall.getUTCSeconds(),
  };
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** Milliseconds since the epoch of a proleptic-Gregorian UTC wall time (years 0-99 included). */
function utcMillis(y: number, mo: number, d: number, h = 0, mi = 0, s = 0): number {
  const date = new Date(Date.UTC(2000, mo - 1, d, h, mi, s));
  date.setUTCFullYear(y);
  return date.getTime();
}

/** The zone's offset from UTC at an instant, in milliseconds (Toronto in winter: -5 h). */
function offsetAt(ms: number, tz: string): number {
  return steadyOffset(ms, tz) ?? intlOffsetAt(ms, tz);
}

/** The same, asked of Intl. */
function intlOffsetAt(ms: number, tz: string): number {
  const p = intlWallParts(new Date(ms), tz);
  return utcMillis(p.year, p.month, p.day, p.hour, p.minute, p.second) - (ms - (((ms % 1000) + 1000) % 1000));
}

const DAY_MS = 86_400_000;
const MAX_CACHED_DAYS = 100_000;
/** YYYY-MM-DD of each day (days since 1970-01-01) written so far. */
const dayNames = new Map<number, LocalDate>();

/** The calendar date in the office at that instant, YYYY-MM-DD. */
export function officeDate(instant: Date, tz: string): LocalDate {
  const t = instant.getTime();
  const offset = Number.isFinite(t) ? steadyOffset(t, tz) : null;
  if (offset === null) {
    const p = wallParts(instant, tz);
    return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}`;
  }
  // A list turns thousands of instants into dates: the day's number, then its name once.
  const day = Math.floor((t + offset) / DAY_MS);
  let name = dayNames.get(day);
  if (name === undefined) {
    const wall = new Date(day * DAY_MS);
    name = `${pad(wall.getUTCFullYear(), 4)}-${pad(wall.getUTCMonth() + 1)}-${pad(wall.getUTCDate())}`;
    if (dayNames.size >= MAX_CACHED_DAYS) dayNames.clear();
    dayNames.set(day, name);
  }
  return name;
}

/** The calendar year in the office at that instant (case numbers). */
export function officeYear(instant: Date, tz: string): number {
  return wallParts(instant, tz).year;
}

/** The office's wall-clock time at that instant, YYYY-MM-DDTHH:mm. */
export function officeDateTime(instant: Date, tz: string): LocalDateTime {
  const p = wallParts(instant, tz);
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}`;
}

function daysInMonth(y: number, mo: number): number {
  return [31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1] ?? 0;
}

/** The parts of a well-formed, real local date-time (no 24:00, no 31 November), or null. */
export function parseLocalDateTime(local: string): { year: number; month: number; day: number; hour: number; minute: number } | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!m) return null;
  const [year, month, day, hour, minute] = [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23 || minute > 59) return null;
  return { year, month, day, hour, minute };
}

/** The parts of a real calendar date YYYY-MM-DD, or null. */
export function parseLocalDate(date: string): { year: number; month: number; day: number } | null {
  const p = parseLocalDateTime(`${date}T00:00`);
  return p && { year: p.year, month: p.month, day: p.day };
}

/**
 * The instant at which the office's clocks show `local` (YYYY-MM-DDTHH:mm), or null when that
 * local time does not exist: a malformed or impossible date or time (09:75, 31 November), or a
 * time skipped when the clocks spring forward (02:30 on 8 March 2026 in Toronto). A time that
 * happens twice (when the clocks fall back) is its first occurrence.
 */
export function localToInstant(local: string, tz: string): Date | null {
  const p = parseLocalDateTime(local);
  if (!p) return null;
  const asUtc = utcMillis(p.year, p.month, p.day, p.hour, p.minute);
  // Zones change their offset at most once within a day or so: the offsets a day before and a
  // day after are the only candidates.
  const candidates = [...new Set([offsetAt(asUtc - 86_400_000, tz), offsetAt(asUtc, tz), offsetAt(asUtc + 86_400_000, tz)])]
    .map((offset) => asUtc - offset)
    .filter((ms) => officeDateTime(new Date(ms), tz) === local)
    .sort((a, b) => a - b);
  return candidates.length > 0 ? new Date(candidates[0] as number) : null;
}

/**
 * The first and the end instant of a local day in the office (23, 24 or 25 hours long), for
 * comparing stored UTC instants with "today". Null for a date that is not real.
 */
export function officeDayBounds(date: LocalDate, tz: string): { start: Date; end: Date } | null {
  if (!parseLocalDate(date)) return null;
  const next = addDays(date, 1);
  return { start: startOfDay(date, tz), end: startOfDay(next, tz) };
}

/** Midnight, or the first minute that exists on that day (zones that spring forward at midnight). */
function startOfDay(date: LocalDate, tz: string): Date {
  for (let h = 0; h < 24; h++) {
    const at = localToInstant(`${date}T${pad(h)}:00`, tz);
    if (at) {
      if (h === 0) return at;
      // The gap ended within the previous hour: the first instant of the day is the gap's end.
      let ms = at.getTime();
      while (officeDate(new Date(ms - 60_000), tz) === date) ms -= 60_000;
      return new Date(ms);
    }
  }
  throw new RangeError(`no local time exists on ${date} in ${tz}`);
}

/** The calendar date `n` days after (or before) a YYYY-MM-DD date. */
export function addDays(date: LocalDate, n: number): LocalDate {
  const p = parseLocalDate(date);
  if (!p) throw new RangeError(`not a date: ${date}`);
  const d = new Date(utcMillis(p.year, p.month, p.day) + n * 86_400_000);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** ISO weekday of a calendar date: 1 Monday … 7 Sunday. */
export function isoWeekday(date: LocalDate): number {
  const p = parseLocalDate(date);
  if (!p) throw new RangeError(`not a date: ${date}`);
  const d = new Date(utcMillis(p.year, p.month, p.day)).getUTCDay();
  return d === 0 ? 7 : d;
}

/** The one clock a call reads: instants from the injected `now`, days in the office's zone. */
export interface OfficeClock {
  now(): Date;
  readonly timeZone: string;
  /** The office's date now, YYYY-MM-DD. */
  today(): LocalDate;
  /** The office's year now (case numbers). */
  year(): number;
}

export function officeClock(now: () => Date, timeZone: string): OfficeClock {
  if (!isValidTimeZone(timeZone)) throw new RangeError(`not a time zone: ${timeZone}`);
  return {
    now,
    timeZone,
    today: () => officeDate(now(), timeZone),
    year: () => officeYear(now(), timeZone),
  };
}
