import { eq, inArray } from 'drizzle-orm';
import { TASK_STATUSES, attentionOn, taskFacts, taskFactsAfter, taskFactsOf } from '../../../shared/case/tasks';
import type { StageEntry } from '../../../shared/schema/stages';
import type { TaskCase } from '../../../shared/case/tasks';
import { officeDate } from '../../../shared/time/office-time';
import type { Db } from '../db/open';
import { cases, persons } from '../db/schema';
import { readStages } from '../stages/rows';
import { caseRow, statusOf } from './rows';

/**
 * Keep `cases.attention_on` (the first day the case may need an officer) true to the case as it
 * is now: after every change to a case after referral (inside the caller's transaction).
 */
export function refreshAttention(db: Db, caseId: string, timeZone: string): void {
  const c = caseRow(db, caseId);
  const tc = taskCaseOf(db, caseId, timeZone);
  const on = tc ? attentionOn(tc) : null;
  const facts = tc ? JSON.stringify(tc.facts) : null;
  if (on !== c.attentionOn || facts !== c.taskFacts) db.update(cases).set({ attentionOn: on, taskFacts: facts }).where(eq(cases.id, caseId)).run();
}

/**
 * The same after new stages recorded on the case (no correction among them): the facts move on
 * from those kept on the row, without reading the history again (an IOM file touches thousands
 * of cases in one transaction).
 */
export function advanceAttention(db: Db, caseId: string, timeZone: string, added: readonly Pick<StageEntry, 'occurredOn' | 'stage'>[]): void {
  const c = caseRow(db, caseId);
  const status = statusOf(c);
  if (!TASK_STATUSES.includes(status) || c.taskFacts === null) {
    refreshAttention(db, caseId, timeZone);
    return;
  }
  const facts = taskFactsAfter(taskFacts.parse(JSON.parse(c.taskFacts)), added);
  const on = attentionOn({
    id: c.id,
    caseNumber: c.caseNumber,
    status,
    principalNameAsWritten: '',
    principalNameLatin: '',
    referredOn: c.referredAt ? officeDate(new Date(c.referredAt), timeZone) : null,
    facts,
  });
  db.update(cases).set({ attentionOn: on, taskFacts: JSON.stringify(facts) }).where(eq(cases.id, caseId)).run();
}

/** The case as the task rules read it, or null when its status can have no task. */
export function taskCaseOf(db: Db, caseId: string, timeZone: string): TaskCase | null {
  const c = caseRow(db, caseId);
  const status = statusOf(c);
  if (!TASK_STATUSES.includes(status)) return null;
  const principal = db.select({ asWritten: persons.nameAsWritten, latin: persons.nameLatin }).from(persons).where(eq(persons.caseId, caseId)).orderBy(persons.position).limit(1).get();
  return {
    id: c.id,
    caseNumber: c.caseNumber,
    status,
    principalNameAsWritten: principal?.asWritten ?? '',
    principalNameLatin: principal?.latin ?? '',
    referredOn: c.referredAt ? officeDate(new Date(c.referredAt), timeZone) : null,
    facts: taskFactsOf(readStages(db, caseId)),
  };
}

/** Every case that can have a task, at once (data written in bulk: the demo data, benchmarks). */
export function refreshAllAttention(db: Db, timeZone: string): number {
  const ids = db.select({ id: cases.id }).from(cases).where(inArray(cases.status, [...TASK_STATUSES])).all();
  for (const { id } of ids) refreshAttention(db, id, timeZone);
  return ids.length;
}
