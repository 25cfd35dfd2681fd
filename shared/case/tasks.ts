import { z } from 'zod';
import type { StageEntry } from '../schema/stages';
import { OFFICE_CALENDAR, addWorkingDays } from '../time/office-hours';
import type { OfficeCalendar } from '../time/office-hours';
import type { CaseStatus } from './lifecycle';
import { programme, programmeValue } from './programme';
import { inForce, stageOn } from './stages';
import { addDaysIso, daysBetween } from './timeline';

/**
 * "What needs me today": the officer's tasks on cases after referral, computed from a case's
 * status, its referral date and its stage entries (corrections applied), on the office's today
 * and calendar. Pure. The thresholds are the programme's dated parameters (shared/case/
 * programme.ts), taken at the date the clock starts from (the referral, the flight, the arrival).
 *
 * Each task has a deadline (`dueOn`) and how many calendar days today is past it (`daysOverdue`;
 * 0 = due today, negative = due in that many days):
 * - acknowledgement_overdue: still `referred` after the working days IOM has to acknowledge
 *   (deadline: referral + 3 working days on the office calendar; listed the day after).
 * - flight_not_booked: no flight booked (status before `flight_booked`) after 21 days
 *   (deadline: referral + 21 days; listed the day after).
 * - departure_unconfirmed: `flight_booked` and the flight date is past (deadline: the flight
 *   date; listed the day after).
 * - travel_document_expiring: before departure, an issued travel document expires before the
 *   booked flight or within 30 days (deadline: its expiry; listed as soon as one holds).
 * - follow_up_due: `arrived` or `reintegration`, 90 days after the arrival or the last follow-up
 *   (deadline: that day; listed from it).
 */
export const taskKinds = ['acknowledgement_overdue', 'flight_not_booked', 'travel_document_expiring', 'departure_unconfirmed', 'follow_up_due'] as const;
export type TaskKind = (typeof taskKinds)[number];

/** The case page section a task opens (the element `sec-<section>`). */
export type TaskSection = 'stages';

export interface CaseTask {
  kind: TaskKind;
  caseId: string;
  caseNumber: string;
  principalNameAsWritten: string;
  principalNameLatin: string;
  /** The deadline, YYYY-MM-DD (office date). */
  dueOn: string;
  /** Calendar days from `dueOn` to today: > 0 overdue, 0 due today, < 0 due in that many days. */
  daysOverdue: number;
  section: TaskSection;
  /** The words: `tasks.kind.<kind>` (and `.before_flight` / `.expired` variants) with these values. */
  messageKey: string;
  params: Record<string, string | number>;
}

/**
 * What the task rules read of a case's stage entries (corrections applied): kept on the case row
 * with `attention_on`, so the task list reads one small JSON per case instead of its history.
 */
export const taskFacts = z.object({
  /** The booked flight's date: the latest booking in force. */
  flightDate: z.string().nullable(),
  /** Expiry dates of the documents of the latest travel-document entry in force, when they were issued. */
  documentExpiries: z.array(z.string()),
  arrivedOn: z.string().nullable(),
  lastFollowUpOn: z.string().nullable(),
});
export type TaskFacts = z.infer<typeof taskFacts>;

export const NO_TASK_FACTS: TaskFacts = { flightDate: null, documentExpiries: [], arrivedOn: null, lastFollowUpOn: null };

export function taskFactsOf(entries: readonly StageEntry[]): TaskFacts {
  const held = inForce(entries);
  let flightDate: string | null = null;
  let documentExpiries: string[] | null = null;
  for (const e of [...held].reverse()) {
    if (flightDate === null && e.stage.action === 'bookFlight') flightDate = e.stage.flightDate;
    if (documentExpiries === null && e.stage.action === 'recordTravelDocument') documentExpiries = e.stage.outcome === 'issued' ? e.stage.documents.map((d) => d.expiryDate) : [];
  }
  return { flightDate, documentExpiries: documentExpiries ?? [], arrivedOn: stageOn(entries, 'confirmArrival'), lastFollowUpOn: stageOn(entries, 'recordFollowUp') };
}

/**
 * The task facts after new stages (no corrections among them), from the facts before: what a
 * stage changes, without reading the case's history again. A correction needs `taskFactsOf`.
 */
export function taskFactsAfter(before: TaskFacts, added: readonly Pick<StageEntry, 'occurredOn' | 'stage'>[]): TaskFacts {
  let f = before;
  for (const e of added) {
    const s = e.stage;
    if (s.action === 'bookFlight') f = { ...f, flightDate: s.flightDate };
    else if (s.action === 'recordTravelDocument') f = { ...f, documentExpiries: s.outcome === 'issued' ? s.documents.map((d) => d.expiryDate) : [] };
    else if (s.action === 'confirmArrival') f = { ...f, arrivedOn: e.occurredOn };
    else if (s.action === 'recordFollowUp') f = { ...f, lastFollowUpOn: e.occurredOn };
  }
  return f;
}

/** What the task list needs of one case. */
export interface TaskCase {
  id: string;
  caseNumber: string;
  status: CaseStatus;
  principalNameAsWritten: string;
  principalNameLatin: string;
  /** The office date of the referral (the first referral packet), or null. */
  referredOn: string | null;
  /** What the rules read of its stage entries (taskFactsOf). */
  facts: TaskFacts;
}

/** Statuses after referral in which a flight is not yet booked. */
export const BEFORE_FLIGHT: readonly CaseStatus[] = ['referred', 'acknowledged', 'counselled', 'travel_document_requested', 'ready_to_book'];
/** Statuses in which an issued travel document still matters (issued, not yet departed). */
export const DOCUMENT_WATCH: readonly CaseStatus[] = ['ready_to_book', 'flight_booked'];
/** Statuses in which IOM's follow-ups are due. */
export const FOLLOW_UP: readonly CaseStatus[] = ['arrived', 'reintegration'];
/** Every status in which a case can have a task. */
export const TASK_STATUSES: readonly CaseStatus[] = [...BEFORE_FLIGHT, 'flight_booked', ...FOLLOW_UP];

/**
 * The date arithmetic of one list, each sum worked out once: over thousands of cases the same
 * few dates recur (referral days, flight dates, today), and calendar sums cost microseconds each.
 */
interface ListDates {
  /** `date` plus `n` calendar days. */
  plusDays(date: string, n: number): string;
  /** `date` plus `n` working days on the list's calendar. */
  plusWorkingDays(date: string, n: number): string;
  /** Calendar days from `date` to the list's today. */
  daysToToday(date: string): number;
  /** Calendar days from the list's today to `date`. */
  daysFromToday(date: string): number;
}

function memo(f: (date: string, n: number) => string): (date: string, n: number) => string {
  const byN = new Map<number, Map<string, string>>();
  return (date, n) => {
    let byDate = byN.get(n);
    if (!byDate) {
      byDate = new Map();
      byN.set(n, byDate);
    }
    let v = byDate.get(date);
    if (v === undefined) {
      v = f(date, n);
      byDate.set(date, v);
    }
    return v;
  };
}

function listDates(today: string, calendar: OfficeCalendar): ListDates {
  const since = new Map<string, number>();
  const until = new Map<string, number>();
  return {
    plusDays: memo(addDaysIso),
    plusWorkingDays: memo((date, n) => addWorkingDays(date, n, calendar)),
    daysToToday: (date) => {
      let d = since.get(date);
      if (d === undefined) {
        d = daysBetween(date, today);
        since.set(date, d);
      }
      return d;
    },
    daysFromToday: (date) => {
      let d = until.get(date);
      if (d === undefined) {
        d = daysBetween(today, date);
        until.set(date, d);
      }
      return d;
    },
  };
}

/** The tasks of one case today, most overdue first. */
export function caseTasks(c: TaskCase, today: string, calendar: OfficeCalendar = OFFICE_CALENDAR): CaseTask[] {
  const out: CaseTask[] = [];
  addTasksOf(out, c, today, listDates(today, calendar));
  return out;
}

/** `params` end with `dueOn`. */
function pushTask(out: CaseTask[], c: TaskCase, dates: ListDates, kind: TaskKind, dueOn: string, messageKey: string, params: Record<string, string | number>): void {
  out.push({
    kind,
    caseId: c.id,
    caseNumber: c.caseNumber,
    principalNameAsWritten: c.principalNameAsWritten,
    principalNameLatin: c.principalNameLatin,
    dueOn,
    daysOverdue: dates.daysToToday(dueOn),
    section: 'stages',
    messageKey,
    params,
  });
}

/** The tasks of one case, added to `out` (no closure per case: a list runs this thousands of times). */
function addTasksOf(out: CaseTask[], c: TaskCase, today: string, dates: ListDates): void {
  if (c.referredOn !== null && c.status === 'referred') {
    const days = programmeValue('acknowledgementWorkingDays', c.referredOn);
    const due = dates.plusWorkingDays(c.referredOn, days);
    if (today > due) pushTask(out, c, dates, 'acknowledgement_overdue', due, 'tasks.kind.acknowledgement_overdue', { referredOn: c.referredOn, days, dueOn: due });
  }

  if (c.referredOn !== null && BEFORE_FLIGHT.includes(c.status)) {
    const days = programmeValue('flightDueDays', c.referredOn);
    const due = dates.plusDays(c.referredOn, days);
    if (today > due) pushTask(out, c, dates, 'flight_not_booked', due, 'tasks.kind.flight_not_booked', { referredOn: c.referredOn, days, dueOn: due });
  }

  const bookedFlight = c.status === 'flight_booked' ? c.facts.flightDate : null;
  if (DOCUMENT_WATCH.includes(c.status)) {
    const flightDate = bookedFlight;
    const documents = c.facts.documentExpiries.map((expiryDate) => ({ expiryDate }));
    if (documents.length > 0) {
      const warnDays = programmeValue('documentExpiryWarningDays', today);
      const problems = documents
        .filter((d) => dates.daysFromToday(d.expiryDate) <= warnDays || (flightDate !== null && d.expiryDate < flightDate))
        .sort((a, b) => (a.expiryDate < b.expiryDate ? -1 : a.expiryDate > b.expiryDate ? 1 : 0));
      const first = problems[0];
      if (first) {
        const variant = first.expiryDate < today ? 'expired' : flightDate !== null && first.expiryDate < flightDate ? 'before_flight' : 'soon';
        pushTask(out, c, dates, 'travel_document_expiring', first.expiryDate, `tasks.kind.travel_document_expiring.${variant}`, {
          expiryDate: first.expiryDate,
          flightDate: flightDate ?? '',
          count: problems.length,
          days: warnDays,
          dueOn: first.expiryDate,
        });
      }
    }
  }

  if (bookedFlight !== null && today > bookedFlight) {
    pushTask(out, c, dates, 'departure_unconfirmed', bookedFlight, 'tasks.kind.departure_unconfirmed', { flightDate: bookedFlight, dueOn: bookedFlight });
  }

  if (FOLLOW_UP.includes(c.status)) {
    const arrivedOn = c.facts.arrivedOn;
    const lastFollowUp = c.facts.lastFollowUpOn;
    const from = lastFollowUp !== null && (arrivedOn === null || lastFollowUp > arrivedOn) ? lastFollowUp : arrivedOn;
    if (from !== null) {
      const days = programmeValue('followUpEveryDays', from);
      const due = dates.plusDays(from, days);
      if (today >= due) {
        const messageKey = from === lastFollowUp ? 'tasks.kind.follow_up_due.since_follow_up' : 'tasks.kind.follow_up_due.since_arrival';
        pushTask(out, c, dates, 'follow_up_due', due, messageKey, { since: from, days, dueOn: due });
      }
    }
  }
}

/** Most overdue first, then by case number and kind (a stable order for the screen and the tests). */
export function compareTasks(a: CaseTask, b: CaseTask): number {
  if (a.dueOn !== b.dueOn) return a.dueOn < b.dueOn ? -1 : 1;
  if (a.caseNumber !== b.caseNumber) return a.caseNumber < b.caseNumber ? -1 : 1;
  return taskKinds.indexOf(a.kind) - taskKinds.indexOf(b.kind);
}

/** The tasks of many cases, in one list. */
export function tasksFor(cases: readonly TaskCase[], today: string, calendar: OfficeCalendar = OFFICE_CALENDAR): CaseTask[] {
  const dates = listDates(today, calendar);
  const out: CaseTask[] = [];
  for (const c of cases) addTasksOf(out, c, today, dates);
  return out.sort(compareTasks);
}

/**
 * The widest thresholds any dated value has ever had, for a database query that must select every
 * candidate (a superset) before `caseTasks` decides exactly.
 */
export function widestThresholds(): { acknowledgementWorkingDays: number; flightDueDays: number; documentExpiryWarningDays: number; followUpEveryDays: number } {
  const min = (n: 'acknowledgementWorkingDays' | 'flightDueDays' | 'followUpEveryDays') => Math.min(...programme[n].values.map((v) => v.value));
  return {
    acknowledgementWorkingDays: min('acknowledgementWorkingDays'),
    flightDueDays: min('flightDueDays'),
    documentExpiryWarningDays: Math.max(...programme.documentExpiryWarningDays.values.map((v) => v.value)),
    followUpEveryDays: min('followUpEveryDays'),
  };
}

/**
 * The first office date on which `caseTasks` may list something for this case as it is now (or
 * an earlier one: never later), null when no task can come of it. Kept on the case row at every
 * change after referral, so the task list reads only the cases due, by index; `caseTasks` still
 * decides exactly on those.
 */
export function attentionOn(c: TaskCase, calendar: OfficeCalendar = OFFICE_CALENDAR): string | null {
  const dates: string[] = [];
  if (c.referredOn !== null && c.status === 'referred') {
    dates.push(addDaysIso(addWorkingDays(c.referredOn, programmeValue('acknowledgementWorkingDays', c.referredOn), calendar), 1));
  }
  if (c.referredOn !== null && BEFORE_FLIGHT.includes(c.status)) dates.push(addDaysIso(c.referredOn, programmeValue('flightDueDays', c.referredOn) + 1));
  const bookedFlight = c.status === 'flight_booked' ? c.facts.flightDate : null;
  if (bookedFlight !== null) dates.push(addDaysIso(bookedFlight, 1));
  if (DOCUMENT_WATCH.includes(c.status)) {
    const warnDays = widestThresholds().documentExpiryWarningDays;
    for (const expiry of c.facts.documentExpiries) {
      // Expiring before the booked flight: due at once (from the referral on); else some days before expiry.
      dates.push(bookedFlight !== null && expiry < bookedFlight ? (c.referredOn ?? '0000-01-01') : addDaysIso(expiry, -warnDays));
    }
  }
  if (FOLLOW_UP.includes(c.status)) {
    const arrivedOn = c.facts.arrivedOn;
    const lastFollowUp = c.facts.lastFollowUpOn;
    const from = lastFollowUp !== null && (arrivedOn === null || lastFollowUp > arrivedOn) ? lastFollowUp : arrivedOn;
    if (from !== null) dates.push(addDaysIso(from, programmeValue('followUpEveryDays', from)));
  }
  return dates.length === 0 ? null : dates.reduce((a, b) => (a < b ? a : b));
}
