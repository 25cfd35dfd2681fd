import type { LocalDate } from './office-time';

/**
 * The holidays the CBSA office in Mississauga is closed on, as dated data with their sources,
 * computed for any year (the way shared/rules/policy.ts keeps its parameters: a rule in force
 * from a date, with where it comes from). Pure: no Node, no clock.
 *
 * Which list, and why. The office's staff are federal public servants (CBSA, core public
 * administration). Their days off are the "designated paid holidays" of the Treasury Board
 * collective agreements (FB Border Services group and the others the office's staff belong to),
 * not a provincial list: the ten general holidays of the Canada Labour Code, s. 166 (New Year's
 * Day, Good Friday, Victoria Day, Canada Day, Labour Day, National Day for Truth and
 * Reconciliation, Thanksgiving Day, Remembrance Day, Christmas Day, Boxing Day), plus Easter
 * Monday, plus "one additional day ... recognized to be a provincial or civic holiday in the
 * area in which the employee is employed", which in Ontario is the Civic Holiday, the first
 * Monday in August (the agreements name the first Monday in August where no such day exists, so
 * the date is the same either way). Ontario's own statutory list (Family Day, no Easter Monday,
 * no Remembrance Day) does not apply to a federal office.
 *
 * Observed days. "When a day designated as a holiday coincides with an employee's day of rest,
 * the holiday shall be moved to the employee's first scheduled working day following the day of
 * rest" (the same agreements): a holiday on a Saturday or Sunday is observed on the next weekday
 * that is not itself a holiday (Christmas on a Saturday: Monday 27; Boxing Day on the Sunday
 * after: Tuesday 28). The Monday holidays never fall on a weekend.
 */

export interface HolidayRule {
  /** Stable id, also the i18n key suffix (`holidays.<id>`). */
  id: string;
  name: string;
  /** First year the office observes it (inclusive). */
  fromYear: number;
  /** The calendar date of the holiday in a year (before any observed-day move). */
  dateIn(year: number): LocalDate;
  source: string;
}

/** One observed holiday: the day the office is closed, and the holiday's own date when it was moved. */
export interface ObservedHoliday {
  /** The day the office is closed. */
  date: LocalDate;
  id: string;
  name: string;
  /** The holiday's calendar date (differs from `date` when it fell on a weekend). */
  actualDate: LocalDate;
  source: string;
}

const CLC = 'Canada Labour Code, R.S.C. 1985, c. L-2, s. 166 ("general holiday")';
const TBS =
  'Treasury Board of Canada Secretariat collective agreements (e.g. FB Border Services group), article "Designated paid holidays"';
const pad = (n: number) => String(n).padStart(2, '0');
const ymd = (y: number, m: number, d: number): LocalDate => `${String(y).padStart(4, '0')}-${pad(m)}-${pad(d)}`;

/** 0 Sunday … 6 Saturday, of a Gregorian date (years from 100 on). */
function weekday(y: number, m: number, d: number): number {
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

/** The n-th (1-based) given weekday (0 Sunday … 6 Saturday) of a month. */
function nthWeekday(y: number, m: number, wd: number, n: number): LocalDate {
  const first = weekday(y, m, 1);
  return ymd(y, m, 1 + ((wd - first + 7) % 7) + (n - 1) * 7);
}

/**
 * Easter Sunday in the Gregorian calendar (the "anonymous Gregorian" computus of Meeus, Jones and
 * Butcher), YYYY-MM-DD.
 */
export function easterSunday(year: number): LocalDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return ymd(year, month, day);
}

function parts(date: LocalDate): [number, number, number] {
  return [Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))];
}

function shift(date: LocalDate, days: number): LocalDate {
  const [y, m, d] = parts(date);
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return ymd(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

/** The Monday before 25 May (the last Monday on or before 24 May). */
function victoriaDay(y: number): LocalDate {
  const wd = weekday(y, 5, 24);
  return ymd(y, 5, 24 - ((wd + 6) % 7));
}

export const FEDERAL_HOLIDAYS: readonly HolidayRule[] = [
  { id: 'new_years_day', name: "New Year's Day", fromYear: 1900, dateIn: (y) => ymd(y, 1, 1), source: `${CLC}; ${TBS}` },
  { id: 'good_friday', name: 'Good Friday', fromYear: 1900, dateIn: (y) => shift(easterSunday(y), -2), source: `${CLC}; ${TBS}` },
  { id: 'easter_monday', name: 'Easter Monday', fromYear: 1900, dateIn: (y) => shift(easterSunday(y), 1), source: `${TBS} (federal public service; not in the Canada Labour Code)` },
  { id: 'victoria_day', name: 'Victoria Day', fromYear: 1900, dateIn: victoriaDay, source: `${CLC}; ${TBS}` },
  { id: 'canada_day', name: 'Canada Day', fromYear: 1900, dateIn: (y) => ymd(y, 7, 1), source: `${CLC}; ${TBS}` },
  {
    id: 'civic_holiday',
    name: 'Civic Holiday',
    fromYear: 1900,
    dateIn: (y) => nthWeekday(y, 8, 1, 1),
    source: `${TBS}: the additional provincial or civic holiday, in Ontario the first Monday in August`,
  },
  { id: 'labour_day', name: 'Labour Day', fromYear: 1900, dateIn: (y) => nthWeekday(y, 9, 1, 1), source: `${CLC}; ${TBS}` },
  {
    id: 'truth_and_reconciliation',
    name: 'National Day for Truth and Reconciliation',
    fromYear: 2021,
    dateIn: (y) => ymd(y, 9, 30),
    source: `${CLC}, as amended by S.C. 2021, c. 11 (Bill C-5, royal assent 3 June 2021; first observed 30 September 2021); ${TBS}`,
  },
  { id: 'thanksgiving', name: 'Thanksgiving Day', fromYear: 1900, dateIn: (y) => nthWeekday(y, 10, 1, 2), source: `${CLC}; ${TBS}` },
  { id: 'remembrance_day', name: 'Remembrance Day', fromYear: 1900, dateIn: (y) => ymd(y, 11, 11), source: `${CLC}; ${TBS}` },
  { id: 'christmas_day', name: 'Christmas Day', fromYear: 1900, dateIn: (y) => ymd(y, 12, 25), source: `${CLC}; ${TBS}` },
  { id: 'boxing_day', name: 'Boxing Day', fromYear: 1900, dateIn: (y) => ymd(y, 12, 26), source: `${CLC}; ${TBS}` },
];

const OBSERVED_SOURCE = `${TBS}: a holiday on a day of rest is moved to the first scheduled working day after it`;

/**
 * The holidays observed in a year, in date order: each on its own date, or, when that is a
 * Saturday or Sunday, on the next weekday that is not already a holiday.
 */
export function observedHolidays(year: number, rules: readonly HolidayRule[] = FEDERAL_HOLIDAYS): ObservedHoliday[] {
  const actual = rules
    .filter((r) => year >= r.fromYear)
    .map((r) => ({ rule: r, date: r.dateIn(year) }))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const taken = new Set(actual.map((a) => a.date).filter((d) => !isWeekend(d)));
  const out: ObservedHoliday[] = [];
  for (const { rule, date } of actual) {
    let observed = date;
    if (isWeekend(date)) {
      observed = shift(date, 1);
      while (isWeekend(observed) || taken.has(observed)) observed = shift(observed, 1);
      taken.add(observed);
    }
    out.push({ date: observed, id: rule.id, name: rule.name, actualDate: date, source: observed === date ? rule.source : `${rule.source}; ${OBSERVED_SOURCE}` });
  }
  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

function isWeekend(date: LocalDate): boolean {
  const wd = weekday(...parts(date));
  return wd === 0 || wd === 6;
}

const cache = new Map<number, ReadonlyMap<LocalDate, ObservedHoliday>>();

/**
 * The federal holiday the office observes on this date, if any (memoized per year). A moved
 * holiday never leaves its year: the latest, Boxing Day, is observed by 28 December.
 */
export function federalHolidayOn(date: LocalDate): ObservedHoliday | null {
  const year = Number(date.slice(0, 4));
  let byDate = cache.get(year);
  if (!byDate) {
    byDate = new Map(observedHolidays(year).map((h) => [h.date, h]));
    cache.set(year, byDate);
  }
  return byDate.get(date) ?? null;
}
