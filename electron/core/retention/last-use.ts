import { caseStatuses } from '../../../shared/case/lifecycle';
import type { CaseStatus } from '../../../shared/case/lifecycle';
import type { DisposalCandidate } from '../../../shared/schema/data-safety';
import { addDays, officeDate, officeDayBounds, parseLocalDate } from '../../../shared/time/office-time';
import type { LocalDate } from '../../../shared/time/office-time';
import type { Sqlite } from '../db/open';

/**
 * Each case's last administrative use (Privacy Act s. 6(1), Privacy Regulations s. 4(1)(a): kept
 * at least two years after it): the latest of its decisions (decided, reviewed, reopened), its
 * stage entries (closure is one), its documents generated, its consent recorded and its
 * withdrawal; a case with none of these (a draft never decided) was last used when last updated.
 *
 * One statement for every case: each source is the latest per case by GROUP BY over an index
 * that holds the columns (decisions_case_use, case_stages_case_recorded, documents_case_type_at),
 * never the decisions' 7 KB rows; instants are compared as text (ISO UTC), then turned into office
 * dates here. The withdrawal is an office date already (the date the officer gave).
 */
export const LAST_USE_SQL = `
SELECT c.id, c.case_number, c.status, c.updated_at, c.withdrawn_at, u.at
FROM cases c
LEFT JOIN (
  SELECT case_id, max(at) AS at FROM (
    SELECT case_id, max(max(decided_at, coalesce(reviewed_at, ''), coalesce(reopened_at, ''))) AS at FROM decisions GROUP BY case_id
    UNION ALL SELECT case_id, max(recorded_at) FROM case_stages GROUP BY case_id
    UNION ALL SELECT case_id, max(generated_at) FROM documents GROUP BY case_id
    UNION ALL SELECT case_id, max(recorded_at) FROM consents GROUP BY case_id
  ) GROUP BY case_id
) u ON u.case_id = c.id
WHERE c.disposed_at IS NULL`;

export interface LastUse {
  caseId: string;
  caseNumber: string;
  status: DisposalCandidate['status'];
  lastUseOn: LocalDate;
}

const statusOf: ReadonlyMap<string, CaseStatus> = new Map(caseStatuses.map((st) => [st, st]));
const text = (v: unknown): v is string => typeof v === 'string';

/**
 * The office date of stored UTC instants (ISO text), one day's bounds looked up per UTC date
 * (a few hundred dates for 50,000 cases): the office date of an instant is its UTC date, the day
 * before or the day after, by where it falls against that office day's first and end instants.
 */
function officeDates(timeZone: string): (instant: string) => LocalDate {
  const bounds = new Map<string, { start: string; end: string } | null>();
  return (instant) => {
    const day = instant.slice(0, 10);
    let b = bounds.get(day);
    if (b === undefined) {
      const d = officeDayBounds(day, timeZone);
      b = d ? { start: d.start.toISOString(), end: d.end.toISOString() } : null;
      bounds.set(day, b);
    }
    // Not an ISO UTC instant as stored (never written by the app): asked the long way.
    if (b === null || instant.length !== 24 || !instant.endsWith('Z')) return officeDate(new Date(instant), timeZone);
    return instant < b.start ? addDays(day, -1) : instant >= b.end ? addDays(day, 1) : day;
  };
}

/** Every case not yet disposed of, with the office date of its last administrative use. */
export function lastUses(sqlite: Sqlite, timeZone: string): LastUse[] {
  const dateOf = officeDates(timeZone);
  const out: LastUse[] = [];
  // 50,000 rows: checked by hand, not by zod (as reports/load.ts reads its id and version rows).
  for (const r of sqlite.prepare(LAST_USE_SQL).raw().all()) {
    if (!Array.isArray(r)) throw new Error('retention: a cases row of another shape');
    const [caseId, caseNumber, statusName, updatedAt, withdrawnOn, at]: unknown[] = r;
    const status = text(statusName) ? statusOf.get(statusName) : undefined;
    if (!text(caseId) || !text(caseNumber) || !text(updatedAt) || status === undefined || !(withdrawnOn === null || text(withdrawnOn)) || !(at === null || text(at))) {
      throw new Error('retention: a cases row of another shape');
    }
    const used = at !== null && at !== '' ? dateOf(at) : null;
    // An office date as the officer gave it (an instant in rows written before that: its office date).
    const withdrawn = withdrawnOn === null ? null : parseLocalDate(withdrawnOn) ? withdrawnOn : dateOf(withdrawnOn);
    const latest = used !== null && withdrawn !== null ? (used > withdrawn ? used : withdrawn) : (used ?? withdrawn);
    out.push({ caseId, caseNumber, status, lastUseOn: latest ?? dateOf(updatedAt) });
  }
  return out;
}

/**
 * The first office date on which a case last used on `date` may be disposed of: the same day
 * `years` later (29 February, in a year without one, moves to 1 March: never less than the period).
 */
export function disposableOn(date: LocalDate, years: number): LocalDate {
  const d = parseLocalDate(date);
  if (!d) throw new Error(`retention: not a date: ${date}`);
  const year = d.year + years;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  if (d.month === 2 && d.day === 29 && !leap) return `${String(year).padStart(4, '0')}-03-01`;
  return `${String(year).padStart(4, '0')}${date.slice(4)}`;
}

const byLastUse = (a: DisposalCandidate, b: DisposalCandidate) =>
  a.lastUseOn < b.lastUseOn ? -1 : a.lastUseOn > b.lastUseOn ? 1 : a.caseNumber < b.caseNumber ? -1 : a.caseNumber > b.caseNumber ? 1 : 0;

/** The cases past their retention period on `today`, the oldest use first. */
export function disposalCandidates(sqlite: Sqlite, timeZone: string, years: number, today: LocalDate): DisposalCandidate[] {
  const out: DisposalCandidate[] = [];
  for (const u of lastUses(sqlite, timeZone)) {
    const on = disposableOn(u.lastUseOn, years);
    if (on <= today) out.push({ ...u, disposableOn: on });
  }
  return out.sort(byLastUse);
}
