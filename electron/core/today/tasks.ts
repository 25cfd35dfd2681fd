import { z } from 'zod';
import { caseStatuses } from '../../../shared/case/lifecycle';
import { NO_TASK_FACTS, TASK_STATUSES, taskFacts, tasksFor } from '../../../shared/case/tasks';
import type { TaskCase } from '../../../shared/case/tasks';
import type { TaskList } from '../../../shared/schema/case-api';
import { OFFICE_CALENDAR } from '../../../shared/time/office-hours';
import type { OfficeCalendar } from '../../../shared/time/office-hours';
import { officeDate } from '../../../shared/time/office-time';
import type { OfficeClock } from '../../../shared/time/office-time';
import type { Db, Sqlite } from '../db/open';

/**
 * "What needs me today" (`today.tasks`): the officer's tasks on cases after referral. The rules
 * are in shared/case/tasks.ts (pure). Every change to a case after referral keeps its
 * `attention_on` (the first day a task may come of it) and `task_facts` (what the rules read of
 * its stage entries), cases/attention.ts; so one indexed query reads only the cases due today or
 * earlier, and the rules decide exactly on their facts without reading any history.
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
  taskFacts: z.string().nullable(),
});
const candidateRows = z.array(candidateRow);

const inList = (xs: readonly string[]) => xs.map((s) => `'${s}'`).join(', ');

/** The cases due for a look (index `cases_attention`), still in a status that can have a task. */
const CANDIDATES = `
SELECT c.id, c.case_number AS caseNumber, c.status, p.name_as_written AS principalNameAsWritten, p.name_latin AS principalNameLatin,
       c.referred_at AS referredAt, c.task_facts AS taskFacts
  FROM cases c JOIN persons p ON p.case_id = c.id AND p.position = 0
 WHERE c.attention_on <= :today AND c.status IN (${inList(TASK_STATUSES)})
   AND (:everyone = 1 OR c.updated_by = :userId
        OR EXISTS (SELECT 1 FROM documents d WHERE d.case_id = c.id AND d.type = 'referral_packet' AND d.generated_by = :userId))`;

export interface TaskScope {
  userId: string;
  /** A supervisor sees everyone's tasks. */
  everyone: boolean;
}

export function todayTasks({ sqlite }: { db: Db; sqlite: Sqlite }, scope: TaskScope, clock: OfficeClock, calendar: OfficeCalendar = OFFICE_CALENDAR): TaskList {
  const today = clock.today();
  const candidates = candidateRows.parse(sqlite.prepare(CANDIDATES).all({ today, everyone: scope.everyone ? 1 : 0, userId: scope.userId }));
  const cases: TaskCase[] = candidates.map(({ referredAt, taskFacts: facts, ...c }) => ({
    ...c,
    referredOn: referredAt === null ? null : officeDate(new Date(referredAt), clock.timeZone),
    facts: facts === null ? NO_TASK_FACTS : taskFacts.parse(JSON.parse(facts)),
  }));
  const tasks = tasksFor(cases, today, calendar);
  return { today, scope: scope.everyone ? 'everyone' : 'mine', total: tasks.length, tasks: tasks.slice(0, LIMIT) };
}
