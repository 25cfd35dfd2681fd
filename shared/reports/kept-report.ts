import { OFFICE_CALENDAR } from '../time/office-hours';
import type { OfficeCalendar } from '../time/office-hours';
import { cellScope, visitCase } from './cells';
import type { CellScope, ReportContext } from './cells';
import { Accumulator } from './compute';
import { listChanges } from './duplicates';
import type { DuplicateIndex } from './duplicates';
import type { ReportQuery } from './query';
import type { Report } from './report';
import type { ReportCase } from './report-case';

/**
 * The report of a query kept between calls and brought up to date from the cases that changed,
 * instead of visiting all of them again: the same report as computeReport (tests/unit/reports/
 * kept-report.test.ts holds them equal after any run of changes).
 *
 * What a report adds up for a case depends on the case, the query, today, the calendar, the policy
 * version in force and, of the other cases, only on whether one of them is a suspected duplicate
 * (shared/reports/cells.ts visitCase). So each kept report holds its sums (computeReport's
 * Accumulator), the list of cases they are of and which of them were counted as suspected
 * duplicates. On the next call with the same query, today, calendar and policy version:
 * - the cases that are new objects in the list (a new version, new scans, a new case) and those no
 *   longer in it are found by walking both lists in step (duplicates.ts listChanges);
 * - each case gone is taken back out of the sums (visited with the sign -1, with the duplicate
 *   standing it was counted with), each new one added;
 * - a case that stayed but whose duplicate standing changed (another case opened, closed or given
 *   a person) is taken out as it was counted and added as it is now.
 * Day counts stay sorted (Values.insert/remove), so the medians need no new sort. Sums of amounts
 * that are not whole numbers, or a list changed in more places than listChanges follows, make the
 * report afresh. The list must hold each case once (as electron/core/reports/load.ts hands it out).
 */

interface Kept {
  calendar: OfficeCalendar;
  acc: Accumulator;
  /** The cases the sums are of. */
  list: readonly ReportCase[];
  /** Those counted as having a suspected duplicate. */
  suspected: Set<ReportCase>;
}

/** Reports kept at once (a screen's periods and bases, an export), the one used longest ago dropped first. */
const KEPT_MAX = 8;
/**
 * The reports kept, per holder: the app passes its database connection, so that what is kept of
 * one database goes with it (a restore, another folder, signing out) instead of staying in memory.
 */
const keptBy = new WeakMap<object, Map<string, Kept>>();
const anyHolder = {};

const keyOf = (query: ReportQuery, ctx: ReportContext) => `${query.basis}|${query.from}|${query.to}|${ctx.today}|${ctx.currentPolicyVersion}`;

/**
 * The report of these cases for this query: computeReport's, from the sums kept for the query when
 * there are some. `holder`: what the sums are kept with (the database connection the cases are of).
 */
export function keptReport(cases: readonly ReportCase[], query: ReportQuery, ctx: ReportContext, holder: object = anyHolder): Report {
  const calendar = ctx.calendar ?? OFFICE_CALENDAR;
  let kept = keptBy.get(holder);
  if (kept === undefined) {
    kept = new Map();
    keptBy.set(holder, kept);
  }
  const key = keyOf(query, ctx);
  const held = kept.get(key);
  kept.delete(key);
  let scope: CellScope;
  let k: Kept | null = null;
  if (held !== undefined && held.calendar === calendar) {
    scope = cellScope(cases, query, ctx, { settleTasks: false });
    try {
      k = follow(held, cases, scope);
    } catch {
      // Sums that cannot be followed (a day count taken out that was never added) are dropped.
      k = null;
    }
  } else scope = cellScope(cases, query, ctx);
  if (k === null) {
    if (held !== undefined) scope = cellScope(cases, query, ctx);
    k = build(cases, scope, calendar);
  }
  const report = k.acc.report(query, ctx, scope);
  // Summarized: every day count is sorted now, and new ones are put at their place.
  k.acc.keepSorted = true;
  if (!k.acc.inexact) {
    kept.set(key, k);
    for (const old of kept.keys()) {
      if (kept.size <= KEPT_MAX) break;
      kept.delete(old);
    }
  }
  return report;
}

/** Forget the reports kept with this holder (tests; a report made afterwards visits every case). */
export function clearKeptReports(holder: object = anyHolder): void {
  keptBy.delete(holder);
}

function build(cases: readonly ReportCase[], scope: CellScope, calendar: OfficeCalendar): Kept {
  const acc = new Accumulator();
  for (const c of cases) visitCase(c, scope, acc);
  return { calendar, acc, list: [...cases], suspected: new Set(scope.duplicates.suspects()) };
}

/** The kept sums brought to `cases`, or null when they cannot be (make the report afresh). */
function follow(k: Kept, cases: readonly ReportCase[], scope: CellScope): Kept | null {
  const changes = listChanges(k.list, cases);
  if (changes === null) return null;
  const { gone, came } = changes;
  const now = scope.duplicates;
  // The cases that stayed and whose duplicate standing changed.
  const touched = new Set<ReportCase>([...gone, ...came]);
  const flipped: ReportCase[] = [];
  for (const c of k.suspected) if (!touched.has(c) && now.otherOf(c) === null) flipped.push(c);
  for (const c of now.suspects()) if (!touched.has(c) && !k.suspected.has(c)) flipped.push(c);
  if (gone.length === 0 && came.length === 0 && flipped.length === 0) return k;

  // Out, as they were counted.
  const suspected = k.suspected;
  const was: DuplicateIndex = { otherOf: (c) => (suspected.has(c) ? c : null), suspects: () => suspected };
  const before: CellScope = { ...scope, duplicates: was };
  const acc = k.acc;
  acc.sign = -1;
  try {
    for (const c of gone) visitCase(c, before, acc);
    for (const c of flipped) visitCase(c, before, acc);
  } finally {
    acc.sign = 1;
  }
  // In, as they are now.
  for (const c of gone) suspected.delete(c);
  for (const c of [...came, ...flipped]) {
    if (now.otherOf(c) === null) suspected.delete(c);
    else suspected.add(c);
  }
  for (const c of came) visitCase(c, scope, acc);
  for (const c of flipped) visitCase(c, scope, acc);
  if (acc.inexact) return null;
  k.list = [...cases];
  return k;
}
