import { z } from 'zod';
import { caseStatuses } from '../../../shared/case/lifecycle';
import { BEFORE_FLIGHT, DOCUMENT_WATCH, FOLLOW_UP, tasksFor, widestThresholds } from '../../../shared/case/tasks';
import type { TaskCase } from '../../../shared/case/tasks';
import type { TaskList } from '../../../shared/schema/case-api';
import { stageDetails, stageEntry } from '../../../shared/schema/stages';
import type { StageEntry } from '../../../shared/schema/stages';
import { OFFICE_CALENDAR } from '../../../shared/time/office-hours';
import type { OfficeCalendar } from '../../../shared/time/office-hours';
import { addDays, officeDate, officeDayBounds } from '../../../shared/time/office-time';
import type { OfficeClock } from '../../../shared/time/office-time';
import type { Sqlite } from '../db/open';

/**
 * "What needs me today" (`today.tasks`): the officer's tasks on cases after referral. The rules
 * are in shared/case/tasks.ts (pure); here one query selects only the candidate cases, by status
 * (index `cases_status`) and by the dates each rule starts from, a superset the pure rules then
 * decide exactly:
 * - `referred` and referred before today minus the acknowledgement days (a working day is at
 *   least a calendar day): acknowledgement overdue;
 * - before a flight and referred before today minus the flight days: no flight booked;
 * - `flight_booked` with a booking whose flight date is past: departure not confirmed;
 * - `ready_to_book`/`flight_booked` with an issued document expiring within the warning days or
 *   before a booked flight;
 * - `arrived`/`reintegration` whose latest arrival or follow-up is the follow-up days old (or
 *   that has a correction, which may have undone a later one).
 * The referral date is the first referral packet's instant (as the case page's milestones), read
 * from index `documents_case_type_at` without touching the PDF; a case's latest stage of an action
 * from `case_stages_case_action_date`. Then only the candidates' stage entries are read.
 *
 * Who sees what: a supervisor, every case; anyone else, the cases they referred (the referral
 * packet's author) or last updated.
 */

const LIMIT = 200;

const candidateRow = z.object({
  id: z.string(),
  caseNumber: z.string(),
  status: z.enum(caseStatuses),
  principalNameAsWritten: z.string(),
  principalNameLatin: z.string(),
  referredAt: z.string().nullable(),
});
const candidateRows = z.array(candidateRow);

const stageRow = z.object({
  id: z.string(),
  caseId: z.string(),
  seq: z.number().int(),
  occurredOn: z.string(),
  source: z.string(),
  details: z.string(),
  statusBefore: z.string(),
  statusAfter: z.string(),
  correctsId: z.string().nullable(),
  reason: z.string().nullable(),
  recordedAt: z.string(),
  recordedBy: z.string(),
});
const stageRows = z.array(stageRow);
const storedDetails = z.union([stageDetails, z.object({ action: z.literal('correctStage') }).strict()]);

const inList = (xs: readonly string[]) => xs.map((s) => `'${s}'`).join(', ');
const REFERRED_AT = `(SELECT MIN(d.generated_at) FROM documents d WHERE d.case_id = c.id AND d.type = 'referral_packet')`;

const CANDIDATES = `
SELECT c.id, c.case_number AS caseNumber, c.status, p.name_as_written AS principalNameAsWritten, p.name_latin AS principalNameLatin,
       ${REFERRED_AT} AS referredAt
  FROM cases c JOIN persons p ON p.case_id = c.id AND p.position = 0
 WHERE c.id IN (
         SELECT c.id FROM cases c WHERE c.status = 'referred' AND ${REFERRED_AT} < :ackBefore
         UNION
         SELECT c.id FROM cases c WHERE c.status IN (${inList(BEFORE_FLIGHT)}) AND ${REFERRED_AT} < :flightBefore
         UNION
         SELECT c.id FROM cases c WHERE c.status = 'flight_booked'
            AND EXISTS (SELECT 1 FROM case_stages s WHERE s.case_id = c.id AND s.action = 'bookFlight' AND json_extract(s.details, '$.flightDate') < :today)
         UNION
         SELECT c.id FROM cases c WHERE c.status IN (${inList(DOCUMENT_WATCH)})
            AND EXISTS (SELECT 1 FROM case_stages s, json_each(s.details, '$.documents') j
                         WHERE s.case_id = c.id AND s.action = 'recordTravelDocument'
                           AND (json_extract(j.value, '$.expiryDate') <= :documentsBefore
                                OR EXISTS (SELECT 1 FROM case_stages f WHERE f.case_id = c.id AND f.action = 'bookFlight'
                                              AND json_extract(j.value, '$.expiryDate') < json_extract(f.details, '$.flightDate'))))
         UNION
         SELECT c.id FROM cases c WHERE c.status IN (${inList(FOLLOW_UP)})
            AND (MAX((SELECT MAX(s.occurred_on) FROM case_stages s WHERE s.case_id = c.id AND s.action = 'confirmArrival'),
                     COALESCE((SELECT MAX(s.occurred_on) FROM case_stages s WHERE s.case_id = c.id AND s.action = 'recordFollowUp'), '')) <= :followUpBefore
                 OR EXISTS (SELECT 1 FROM case_stages s WHERE s.case_id = c.id AND s.action = 'correctStage'))
       )
   AND (:everyone = 1 OR c.updated_by = :userId
        OR EXISTS (SELECT 1 FROM documents d WHERE d.case_id = c.id AND d.type = 'referral_packet' AND d.generated_by = :userId))`;

const STAGES = `
SELECT id, case_id AS caseId, seq, occurred_on AS occurredOn, source, details, status_before AS statusBefore, status_after AS statusAfter,
       corrects_id AS correctsId, reason, recorded_at AS recordedAt, recorded_by AS recordedBy
  FROM case_stages WHERE case_id IN (SELECT value FROM json_each(?)) ORDER BY case_id, seq`;

/** The stage entries of these cases, each list in order, with `correctedBy` filled in. */
function stagesOf(sqlite: Sqlite, caseIds: readonly string[]): Map<string, StageEntry[]> {
  const rows = stageRows.parse(sqlite.prepare(STAGES).all(JSON.stringify(caseIds)));
  const correctedBy = new Map(rows.filter((r) => r.correctsId !== null).map((r) => [r.correctsId, r.id]));
  const out = new Map<string, StageEntry[]>();
  for (const r of rows) {
    const entry = stageEntry.parse({ ...r, stage: storedDetails.parse(JSON.parse(r.details)), correctedBy: correctedBy.get(r.id) ?? null });
    const list = out.get(r.caseId);
    if (list) list.push(entry);
    else out.set(r.caseId, [entry]);
  }
  return out;
}

export interface TaskScope {
  userId: string;
  /** A supervisor sees everyone's tasks. */
  everyone: boolean;
}

export function todayTasks(sqlite: Sqlite, scope: TaskScope, clock: OfficeClock, calendar: OfficeCalendar = OFFICE_CALENDAR): TaskList {
  const today = clock.today();
  const t = widestThresholds();
  const startOf = (date: string) => {
    const b = officeDayBounds(date, clock.timeZone);
    if (!b) throw new RangeError(`not a date: ${date}`);
    return b.start.toISOString();
  };
  const candidates = candidateRows.parse(
    sqlite.prepare(CANDIDATES).all({
      ackBefore: startOf(addDays(today, -t.acknowledgementWorkingDays)),
      flightBefore: startOf(addDays(today, -t.flightDueDays)),
      today,
      documentsBefore: addDays(today, t.documentExpiryWarningDays),
      followUpBefore: addDays(today, -t.followUpEveryDays),
      everyone: scope.everyone ? 1 : 0,
      userId: scope.userId,
    }),
  );
  const stages = stagesOf(
    sqlite,
    candidates.map((c) => c.id),
  );
  const cases: TaskCase[] = candidates.map(({ referredAt, ...c }) => ({
    ...c,
    referredOn: referredAt === null ? null : officeDate(new Date(referredAt), clock.timeZone),
    stages: stages.get(c.id) ?? [],
  }));
  const tasks = tasksFor(cases, today, calendar);
  return { today, scope: scope.everyone ? 'everyone' : 'mine', total: tasks.length, tasks: tasks.slice(0, LIMIT) };
}
