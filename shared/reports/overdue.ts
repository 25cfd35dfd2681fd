import type { CaseStatus } from '../case/lifecycle';
import { TASK_STATUSES, tasksFor } from '../case/tasks';
import type { TaskCase } from '../case/tasks';
import type { OfficeCalendar } from '../time/office-hours';
import type { ReportCase } from './report-case';

/**
 * The "stage overdue" check's tasks: a case's most overdue task of "What needs me today"
 * (shared/case/tasks.ts), as the task list orders them (by due date, then kind: within one case the
 * other cases play no part). It depends on the case, today and the calendar only, so it is kept
 * per case object for the day and worked out for the cases that lack it, in one tasksFor call
 * (its date sums are shared across the batch).
 */
const taskStatuses: ReadonlySet<CaseStatus> = new Set(TASK_STATUSES);

interface Kept {
  today: string;
  calendar: OfficeCalendar;
  /** The kind of its most overdue task, or null with none. */
  task: string | null;
}

const kept = new WeakMap<ReportCase, Kept>();

/** Whether a case's status is one a task can come from (only those are looked at). */
export function mayHaveTask(c: ReportCase): boolean {
  return taskStatuses.has(c.status);
}

/** Works out and keeps the task of each of these cases that lacks one for this today and calendar. */
export function settleTasks(cases: Iterable<ReportCase>, today: string, calendar: OfficeCalendar): void {
  // Each candidate named by its place in the batch: a case's tasks are its own, whatever its id.
  const candidates: TaskCase[] = [];
  const batch: Kept[] = [];
  for (const c of cases) {
    if (!mayHaveTask(c)) continue;
    const k = kept.get(c);
    if (k !== undefined && k.today === today && k.calendar === calendar) continue;
    const fresh: Kept = { today, calendar, task: null };
    kept.set(c, fresh);
    candidates.push({ id: String(batch.length), caseNumber: c.caseNumber, status: c.status, principalNameAsWritten: '', principalNameLatin: '', referredOn: c.referredOn, facts: c.taskFacts });
    batch.push(fresh);
  }
  if (candidates.length === 0) return;
  // Most overdue first: the first task of a case is its most overdue.
  for (const t of tasksFor(candidates, today, calendar)) {
    const k = batch[Number(t.caseId)];
    if (k !== undefined && k.task === null) k.task = t.kind;
  }
}

/** The case's most overdue task kind, or null (worked out now when settleTasks has not for this today and calendar). */
export function taskOf(c: ReportCase, today: string, calendar: OfficeCalendar): string | null {
  let k = kept.get(c);
  if (k === undefined || k.today !== today || k.calendar !== calendar) {
    settleTasks([c], today, calendar);
    k = kept.get(c);
  }
  return k?.task ?? null;
}
