import { z } from 'zod';
import type { TodayCase, TodaySummary } from '../../../shared/schema/case-api';
import { caseStatus } from '../../../shared/schema/case';
import { officeDayBounds } from '../../../shared/time/office-time';
import type { OfficeClock } from '../../../shared/time/office-time';
import type { ReasonCode } from '../../../shared/rules';
import { caseDecisionSchema } from '../../../shared/schema/decision';
import type { Db, Sqlite } from '../db/open';
import { dayAppointments } from '../appointments/rows';
import { myNewDrafts } from '../drafts/service';

const select = `SELECT c.id, c.case_number AS caseNumber, c.status, c.updated_at AS updatedAt,
       p.name_as_written AS principalNameAsWritten, p.name_latin AS principalNameLatin
  FROM cases c JOIN persons p ON p.case_id = c.id AND p.position = 0`;

/** A row of `select`, checked as it is read. */
const todayCaseRow = z.object({
  id: z.string(),
  caseNumber: z.string(),
  status: caseStatus,
  updatedAt: z.string(),
  principalNameAsWritten: z.string(),
  principalNameLatin: z.string(),
}) satisfies z.ZodType<TodayCase>;
const todayCaseRows = z.array(todayCaseRow);
/** The review queue's rows also carry the decision's result (JSON, parsed with its schema). */
const reviewRows = z.array(todayCaseRow.extend({ result: z.string().nullable().transform((r) => (r === null ? null : caseDecisionSchema.parse(JSON.parse(r)))) }));

/**
 * The home screen: walk-ins waiting (started at the counter today, not yet interviewed, not
 * given an appointment), today's appointments in time order (for those who manage them), my open
 * cases, and the supervisor's review queue. "Today" is the office's day (its time zone, whatever
 * the machine's): created_at is a UTC instant, compared with the UTC bounds of that local day (23
 * or 25 hours long when the clocks change); appointments are kept by the office's local date.
 *
 * A case with a booking (past, today or to come; one cancelled aside) is not a walk-in waiting:
 * it was handed over to that appointment, even when the date typed was already past.
 */
export function todaySummary(open: { sqlite: Sqlite; db: Db }, userId: string, clock: OfficeClock, opts: { appointments: boolean }): TodaySummary {
  const { sqlite } = open;
  const today = clock.today();
  const bounds = officeDayBounds(today, clock.timeZone);
  if (!bounds) throw new RangeError(`not a date: ${today}`);
  const start = bounds.start.toISOString();
  const end = bounds.end.toISOString();
  const all = (sql: string, ...args: unknown[]): TodayCase[] => todayCaseRows.parse(sqlite.prepare(sql).all(...args));
  return {
    walkIns: all(
      `${select} WHERE c.channel = 'walk_in' AND c.status IN ('draft', 'screened') AND c.created_at >= ? AND c.created_at < ?
       AND NOT EXISTS (SELECT 1 FROM appointments a WHERE a.case_id = c.id AND a.status <> 'cancelled') ORDER BY c.created_at LIMIT 50`,
      start,
      end,
    ),
    appointments: opts.appointments ? dayAppointments(open.db, today) : [],
    mine: all(
      `${select} WHERE (c.created_by = ? OR c.updated_by = ?) AND c.status NOT IN ('referred', 'withdrawn') ORDER BY c.updated_at DESC LIMIT 20`,
      userId,
      userId,
    ),
    review: reviewQueue(sqlite),
    myNewDrafts: myNewDrafts(sqlite, userId),
  };
}

/** Why a decision waits for the supervisor: manifestly unfounded (R1), mixed family (R2), facts missing (R3). */
const REVIEW_CODES: readonly ReasonCode[] = ['R1', 'R2', 'R3'];

/** The supervisor's queue, each case with the reasons it is there (from the decision's own result). */
function reviewQueue(sqlite: Sqlite): TodayCase[] {
  const rows = reviewRows.parse(
    sqlite
      .prepare(
        `SELECT q.*, d.result FROM (${select} WHERE c.status = 'under_review' ORDER BY c.updated_at LIMIT 100) q
         LEFT JOIN cases c2 ON c2.id = q.id LEFT JOIN decisions d ON d.id = c2.decision_id`,
      )
      .all(),
  );
  return rows.map(({ result: decision, ...row }) => {
    const codes = decision ? [...decision.reasons, ...decision.persons.flatMap((p) => p.reasons)].map((r) => r.code) : [];
    return { ...row, reviewReasons: REVIEW_CODES.filter((c) => codes.includes(c)) };
  });
}
