import { caseStatuses } from '../../../shared/case/lifecycle';
import type { CaseStatus } from '../../../shared/case/lifecycle';
import { NO_TASK_FACTS, TASK_STATUSES, taskFacts, tasksFor } from '../../../shared/case/tasks';
import type { CaseTask, TaskCase } from '../../../shared/case/tasks';
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
 *
 * The principal's names are read only for the cases of the tasks returned (the first 200): the
 * order never depends on them, and reading them for every case due cost more than all the rest.
 */

const LIMIT = 200;

const inList = (xs: readonly string[]) => xs.map((s) => `'${s}'`).join(', ');

/**
 * The cases due for a look, still in a status that can have a task: read from the index
 * `cases_due` alone, which holds every column used here (`+c.status` keeps the planner from the
 * status index, which would read every case after referral). Anyone but a supervisor: the cases
 * they last updated or whose referral packet they made (their packets by author, index
 * `documents_generated_by`, read once per query).
 */
const CANDIDATES = `
SELECT c.id, c.case_number AS caseNumber, c.status, c.referred_at AS referredAt, c.task_facts AS taskFacts
  FROM cases c
 WHERE c.attention_on <= :today AND +c.status IN (${inList(TASK_STATUSES)})
   AND (:everyone = 1 OR c.updated_by = :userId
        OR c.id IN (SELECT d.case_id FROM documents d WHERE d.generated_by = :userId AND d.type = 'referral_packet'))`;

/** The principals (position 0) of some cases, the case ids as a JSON array. */
const PRINCIPALS = `
SELECT p.case_id AS caseId, p.name_as_written AS principalNameAsWritten, p.name_latin AS principalNameLatin
  FROM persons p
 WHERE p.position = 0 AND p.case_id IN (SELECT value FROM json_each(:ids))`;

type Statement = ReturnType<Sqlite['prepare']>;
/** Prepared once per connection (compiling them cost more than running the principals' query). */
const statements = new WeakMap<Sqlite, { candidates: Statement; principals: Statement }>();

function prepared(sqlite: Sqlite): { candidates: Statement; principals: Statement } {
  let s = statements.get(sqlite);
  if (!s) {
    s = { candidates: sqlite.prepare(CANDIDATES), principals: sqlite.prepare(PRINCIPALS) };
    statements.set(sqlite, s);
  }
  return s;
}

interface Principal {
  principalNameAsWritten: string;
  principalNameLatin: string;
}

const statuses: ReadonlySet<string> = new Set(caseStatuses);
const isStatus = (v: unknown): v is CaseStatus => typeof v === 'string' && statuses.has(v);
const isText = (v: unknown): v is string => typeof v === 'string';
const isTextOrNull = (v: unknown): v is string | null => v === null || typeof v === 'string';

/**
 * A row of `CANDIDATES`, checked as it is read (by hand: thousands of rows, a zod object each
 * cost more than the query), as the rules read it; the principal's names come later.
 */
function candidateOf(row: unknown, timeZone: string): TaskCase {
  if (typeof row === 'object' && row !== null && 'id' in row && 'caseNumber' in row && 'status' in row && 'referredAt' in row && 'taskFacts' in row) {
    const { id, caseNumber, status, referredAt, taskFacts: facts } = row;
    if (isText(id) && isText(caseNumber) && isStatus(status) && isTextOrNull(referredAt) && isTextOrNull(facts)) {
      return {
        id,
        caseNumber,
        status,
        principalNameAsWritten: '',
        principalNameLatin: '',
        referredOn: referredAt === null ? null : officeDate(new Date(referredAt), timeZone),
        facts: facts === null ? NO_TASK_FACTS : taskFacts.parse(JSON.parse(facts)),
      };
    }
  }
  throw new TypeError('today.tasks: a case row is not as expected');
}

/** The principal's names of these cases, by case id (a case without a principal is not there). */
function principalsOf(sqlite: Sqlite, caseIds: readonly string[]): Map<string, Principal> {
  const out = new Map<string, Principal>();
  if (caseIds.length === 0) return out;
  for (const row of prepared(sqlite).principals.all({ ids: JSON.stringify(caseIds) })) {
    if (typeof row === 'object' && row !== null && 'caseId' in row && 'principalNameAsWritten' in row && 'principalNameLatin' in row) {
      const { caseId, principalNameAsWritten, principalNameLatin } = row;
      if (isText(caseId) && isText(principalNameAsWritten) && isText(principalNameLatin)) {
        out.set(caseId, { principalNameAsWritten, principalNameLatin });
        continue;
      }
    }
    throw new TypeError('today.tasks: a person row is not as expected');
  }
  return out;
}

export interface TaskScope {
  userId: string;
  /** A supervisor sees everyone's tasks. */
  everyone: boolean;
}

export function todayTasks({ sqlite }: { db: Db; sqlite: Sqlite }, scope: TaskScope, clock: OfficeClock, calendar: OfficeCalendar = OFFICE_CALENDAR): TaskList {
  const today = clock.today();
  // Row by row: thousands of rows and their copies are never all alive at once.
  let cases: TaskCase[] = [];
  for (const row of prepared(sqlite).candidates.iterate({ today, everyone: scope.everyone ? 1 : 0, userId: scope.userId })) cases.push(candidateOf(row, clock.timeZone));
  let tasks = tasksFor(cases, today, calendar);
  let principals = principalsOf(sqlite, [...new Set(tasks.slice(0, LIMIT).map((t) => t.caseId))]);
  if (tasks.slice(0, LIMIT).some((t) => !principals.has(t.caseId))) {
    // A case without a principal has no task (never so: an intake has at least one person); the
    // list and its total are then made again without such cases.
    principals = principalsOf(sqlite, cases.map((c) => c.id));
    cases = cases.filter((c) => principals.has(c.id));
    tasks = tasksFor(cases, today, calendar);
  }
  const named = (t: CaseTask): CaseTask => ({ ...t, ...principals.get(t.caseId) });
  return { today, scope: scope.everyone ? 'everyone' : 'mine', total: tasks.length, tasks: tasks.slice(0, LIMIT).map(named) };
}
