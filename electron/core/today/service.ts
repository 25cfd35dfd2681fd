import { z } from 'zod';
import type { TodayCase, TodaySummary } from '../../../shared/schema/case-api';
import { caseStatus } from '../../../shared/schema/case';
import { addDays, officeDayBounds } from '../../../shared/time/office-time';
import type { OfficeClock } from '../../../shared/time/office-time';
import type { ReasonCode } from '../../../shared/rules';
import { caseDecisionSchema } from '../../../shared/schema/decision';
import type { Sqlite } from '../db/open';
import { myNewDrafts } from '../drafts/service';

const select = `SELECT c.id, c.case_number AS caseNumber, c.status, c.appointment_at AS appointmentAt, c.updated_at AS updatedAt,
       p.name_as_written AS principalNameAsWritten, p.name_latin AS principalNameLatin
  FROM cases c JOIN persons p ON p.case_id = c.id AND p.position = 0`;

/** A row of `select`, checked as it is read. */
const todayCaseRow = z.object({
  id: z.string(),
  caseNumber: z.string(),
  status: caseStatus,
  appointmentAt: z.string().nullable(),
  updatedAt: z.string(),
  principalNameAsWritten: z.string(),
  principalNameLatin: z.string(),
}) satisfies z.ZodType<TodayCase>;
const todayCaseRows = z.array(todayCaseRow);
/** The review queue's rows also carry the decision's result (JSON, parsed with its schema). */
const reviewRows = z.array(todayCaseRow.extend({ result: z.string().nullable().transform((r) => (r === null ? null : caseDecisionSchema.parse(JSON.parse(r)))) }));

/**
 * The home screen: walk-ins waiting (started at the counter today, not yet interviewed),
 * today's interview appointments, my open cases, and the supervisor's review queue. "Today" is
 * the office's day (its time zone, whatever the machine's): created_at is a UTC instant, compared
 * with the UTC bounds of that local day (23 or 25 hours long when the clocks change);
 * appointment_at is the office's local date-time (YYYY-MM-DDTHH:mm), compared as text.
 */
export function todaySummary(sqlite: Sqlite, userId: string, clock: OfficeClock): TodaySummary {
  const today = clock.today();
  const bounds = officeDayBounds(today, clock.timeZone);
  if (!bounds) throw new RangeError(`not a date: ${today}`);
  const start = bounds.start.toISOString();
  const end = bounds.end.toISOString();
  const all = (sql: string, ...args: unknown[]): TodayCase[] => todayCaseRows.parse(sqlite.prepare(sql).all(...args));
  return {
    walkIns: all(
      `${select} WHERE c.channel = 'walk_in' AND c.status IN ('draft', 'screened') AND c.created_at >= ? AND c.created_at < ?
       AND (c.appointment_at IS NULL OR c.appointment_at < ?) ORDER BY c.created_at LIMIT 50`,
      start,
      end,
      today,
    ),
    appointments: all(`${select} WHERE c.appointment_at >= ? AND c.appointment_at < ? AND c.status NOT IN ('withdrawn') ORDER BY c.appointment_at LIMIT 100`, today, addDays(today, 1)),
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
