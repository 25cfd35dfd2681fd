import { caseStatuses } from '../case/lifecycle';
import type { CaseStatus } from '../case/lifecycle';
import { OUTCOMES, REASON_CODES } from '../rules/codes';
import type { Outcome, ReasonCode, Tier } from '../rules/codes';
import { reintegrationCategories } from '../schema/intake';
import type { RemovalTarget } from '../schema/reports-api';
import { OFFICE_CALENDAR } from '../time/office-hours';
import type { OfficeCalendar } from '../time/office-hours';
import { INTERVAL_ENDS, STEP, factsOf, tierKeys } from './case-facts';
import type { AssistanceSums, CaseFacts } from './case-facts';
import { dayNumber, fiscalYearNumber, inRange, monthLabel } from './dates';
import { duplicateIndex } from './duplicates';
import type { DuplicateIndex } from './duplicates';
import { mayHaveTask, settleTasks, taskOf } from './overdue';
import type { ReportQuery } from './query';
import { funnelSteps, integrityIssues, intervals, travelDocumentStates } from './report';
import type { FunnelStep, IntegrityIssue, IntegrityRow, Interval, TravelDocumentState } from './report';
import { exitKinds } from './report-case';
import type { ExitKind, ReintegrationCategory, ReportCase } from './report-case';

export { aimDaysOn, dayNumber, fiscalYearNumber, monthLabel, monthNumber } from './dates';

/**
 * Which cases are behind each number of a report (docs/reports.md): one function, `visitCase`,
 * decides every membership of a case and tells a `CellSink`. computeReport's sink counts (and sums
 * and collects the days), `cellsOf` names the cells, `casesInCell` lists the cases of one cell: a
 * number and its drill-down come from the same decisions, so they cannot disagree.
 *
 * A case enters a cell at most once. Definitions beyond docs/reports.md, decided here:
 * - event basis, `cases` (and by country, nationality, DCO): the intakes of the period; the
 *   departures by country: those of the period, whoever applied when;
 * - event basis, funnel `stopped` and `inProgress`: of the cases counted at a step (its date in
 *   the range), those whose furthest step so far is this one, by exit or still open;
 * - suspected duplicate: a case (any status) sharing a person with another case that is open;
 * - an open case: no exit and not in a final status;
 * - targets: departures of the whole fiscal year, for the fiscal years the range overlaps;
 * - assistance by category: the cases with a person who has something committed (> 0) there.
 */

/** Everything a report needs besides the cases. */
export interface ReportContext {
  /** The office date the report is for: overdue stages, open cases, the aim in force. */
  today: string;
  /** When it was made (ISO instant), printed on the report. */
  generatedAt: string;
  /** The removal targets in force (shared/reports/targets.ts mergeTargets: historical and recorded). */
  targets: readonly RemovalTarget[];
  /** The eligibility policy version in force now. */
  currentPolicyVersion: string;
  /** The office calendar the task rules count working days on (default: OFFICE_CALENDAR). */
  calendar?: OfficeCalendar;
}

export type MonthMeasure = 'intakes' | 'departed' | 'within_aim';
export type PlaceBy = 'country' | 'nationality';
export type PlaceMeasure = 'cases' | 'departed' | 'dco';
export type TravelDocumentMeasure = 'referred' | 'needed' | 'days' | TravelDocumentState;
export type IssueDetail = IntegrityRow['issues'][number]['detail'];

/** A cell, structured; `cellId` writes it as the opaque string a Count carries. */
export type Cell =
  | { kind: 'cases' }
  | { kind: 'step'; step: FunnelStep }
  | { kind: 'stopped'; step: FunnelStep; exit: ExitKind }
  | { kind: 'code'; step: FunnelStep; code: ReasonCode }
  | { kind: 'in_progress'; step: FunnelStep }
  | { kind: 'outcome'; outcome: Outcome }
  | { kind: 'interval'; interval: Interval }
  | { kind: 'within_aim' }
  | { kind: 'month'; month: string; measure: MonthMeasure }
  | { kind: 'fiscal_year'; year: number }
  | { kind: 'place'; by: PlaceBy; code: string | null; measure: PlaceMeasure }
  | { kind: 'assisted' }
  | { kind: 'tier'; tier: Tier | 'none' }
  | { kind: 'category'; category: ReintegrationCategory }
  | { kind: 'travel_document'; measure: TravelDocumentMeasure }
  | { kind: 'exit'; exit: ExitKind; from: CaseStatus }
  | { kind: 'exits' }
  | { kind: 'issue'; issue: IntegrityIssue };

export function cellId(cell: Cell): string {
  switch (cell.kind) {
    case 'cases':
    case 'within_aim':
    case 'assisted':
    case 'exits':
      return cell.kind;
    case 'step':
    case 'in_progress':
      return `${cell.kind}:${cell.step}`;
    case 'stopped':
      return `stopped:${cell.step}:${cell.exit}`;
    case 'code':
      return `code:${cell.step}:${cell.code}`;
    case 'outcome':
      return `outcome:${cell.outcome}`;
    case 'interval':
      return `interval:${cell.interval}`;
    case 'month':
      return `month:${cell.month}:${cell.measure}`;
    case 'fiscal_year':
      return `fiscal_year:${cell.year}`;
    case 'place':
      return `${cell.by}:${cell.code === null ? '' : encodeURIComponent(cell.code)}:${cell.measure}`;
    case 'tier':
      return `tier:${cell.tier}`;
    case 'category':
      return `category:${cell.category}`;
    case 'travel_document':
      return `travel_document:${cell.measure}`;
    case 'exit':
      return `exit:${cell.exit}:${cell.from}`;
    case 'issue':
      return `issue:${cell.issue}`;
  }
}

function member<T extends string>(list: readonly T[], s: string | undefined): T | null {
  return list.find((x) => x === s) ?? null;
}

const monthMeasures = ['intakes', 'departed', 'within_aim'] as const;
const placeMeasures = ['cases', 'departed', 'dco'] as const;
const travelDocumentMeasures = ['referred', 'needed', 'days', ...travelDocumentStates] as const;

/** The cell a string names, or null when it names none (a drill-down asks only for these). */
export function parseCell(id: string): Cell | null {
  const parts = id.split(':');
  const [head, a, b] = parts;
  const n = parts.length;
  const parsed = ((): Cell | null => {
    switch (head) {
      case 'cases':
      case 'within_aim':
      case 'assisted':
      case 'exits':
        return n === 1 ? { kind: head } : null;
      case 'step':
      case 'in_progress': {
        const step = member(funnelSteps, a);
        return n === 2 && step ? { kind: head, step } : null;
      }
      case 'stopped': {
        const step = member(funnelSteps, a);
        const exit = member(exitKinds, b);
        return n === 3 && step && exit ? { kind: 'stopped', step, exit } : null;
      }
      case 'code': {
        const step = member(funnelSteps, a);
        const code = member(REASON_CODES, b);
        return n === 3 && step && code ? { kind: 'code', step, code } : null;
      }
      case 'outcome': {
        const outcome = member(OUTCOMES, a);
        return n === 2 && outcome ? { kind: 'outcome', outcome } : null;
      }
      case 'interval': {
        const interval = member(intervals, a);
        return n === 2 && interval ? { kind: 'interval', interval } : null;
      }
      case 'month': {
        const measure = member(monthMeasures, b);
        return n === 3 && a !== undefined && /^\d{4}-\d{2}$/.test(a) && measure ? { kind: 'month', month: a, measure } : null;
      }
      case 'fiscal_year':
        return n === 2 && a !== undefined && /^\d{4}$/.test(a) ? { kind: 'fiscal_year', year: Number(a) } : null;
      case 'country':
      case 'nationality': {
        const measure = member(placeMeasures, b);
        if (n !== 3 || a === undefined || !measure) return null;
        let code: string;
        try {
          code = decodeURIComponent(a);
        } catch {
          return null;
        }
        return { kind: 'place', by: head, code: code === '' ? null : code, measure };
      }
      case 'tier': {
        const tier = member(tierKeys, a);
        return n === 2 && tier ? { kind: 'tier', tier } : null;
      }
      case 'category': {
        const category = member(reintegrationCategories, a);
        return n === 2 && category ? { kind: 'category', category } : null;
      }
      case 'travel_document': {
        const measure = member(travelDocumentMeasures, a);
        return n === 2 && measure ? { kind: 'travel_document', measure } : null;
      }
      case 'exit': {
        const exit = member(exitKinds, a);
        const from = member(caseStatuses, b);
        return n === 3 && exit && from ? { kind: 'exit', exit, from } : null;
      }
      case 'issue': {
        const issue = member(integrityIssues, a);
        return n === 2 && issue ? { kind: 'issue', issue } : null;
      }
      default:
        return null;
    }
  })();
  // One spelling per cell: what does not read back the same is not a cell.
  return parsed !== null && cellId(parsed) === id ? parsed : null;
}

/**
 * What `visitCase` tells about one case, in the order it decides. Every method but the `*Amounts`
 * ones puts the case in one cell (and is called at most once per case and cell); the numbers
 * passed along (days, persons, amounts) are what computeReport adds up for that cell's row.
 */
export interface CellSink {
  cases(c: ReportCase): void;
  /** Funnel step, by index in `funnelSteps`. */
  step(c: ReportCase, step: number): void;
  stopped(c: ReportCase, step: number, exit: ExitKind): void;
  code(c: ReportCase, step: number, code: ReasonCode): void;
  inProgress(c: ReportCase, step: number): void;
  outcome(c: ReportCase, outcome: Outcome): void;
  /** Interval by index in `intervals`; its days. */
  interval(c: ReportCase, interval: number, days: number): void;
  withinAim(c: ReportCase): void;
  /** `month`: its number (year * 12 + month - 1, monthNumber); `days`: intake to departure, for `departed` and `within_aim` (0 for intakes). */
  month(c: ReportCase, month: number, measure: MonthMeasure, days: number): void;
  fiscalYear(c: ReportCase, year: number): void;
  /** `days`: intake to departure, for `departed` (0 otherwise). */
  place(c: ReportCase, by: PlaceBy, code: string | null, measure: PlaceMeasure, days: number): void;
  assisted(c: ReportCase, persons: number, maxCad: number, committedCad: number, deliveredCad: number): void;
  tier(c: ReportCase, tier: Tier | 'none', persons: number, maxCad: number, committedCad: number, deliveredCad: number): void;
  /** Persons with something committed in the category (> 0): the case is in the category's cell. */
  category(c: ReportCase, category: ReintegrationCategory, persons: number): void;
  /** What the case's persons have in the category, committed or not (no cell: sums only). */
  categoryAmounts(c: ReportCase, category: ReintegrationCategory, committedCad: number, deliveredCad: number): void;
  travelDocument(c: ReportCase, measure: TravelDocumentMeasure, days: number): void;
  exit(c: ReportCase, exit: ExitKind, from: CaseStatus, reasonGiven: boolean): void;
  exits(c: ReportCase): void;
  /** `detail` is NO_DETAIL unless the sink asks for details (they are made for the rows shown only). */
  issue(c: ReportCase, issue: IntegrityIssue, detail: IssueDetail): void;
  /** Whether `issue` wants each issue's detail (else NO_DETAIL: nothing allocated per case). */
  readonly details: boolean;
}

/** The detail given to a sink that does not ask for details. */
export const NO_DETAIL: IssueDetail = Object.freeze({});

/** What deciding membership needs besides the case: the query, today, and the cross-case facts (kept between reports). */
export interface CellScope {
  readonly query: ReportQuery;
  readonly today: string;
  /** dayNumber(today). */
  readonly todayNumber: number;
  readonly currentPolicyVersion: string;
  /** The calendar the task rules count working days on (the "stage overdue" check). */
  readonly calendar: OfficeCalendar;
  /** Fiscal years the range overlaps (their start years). */
  readonly fiscalYears: { from: number; to: number };
  /** The open cases sharing a person (the duplicate check). */
  readonly duplicates: DuplicateIndex;
}

/** An open case: no exit and not in a final status (docs/reports.md: "still open"). */
export function isOpen(c: ReportCase): boolean {
  return factsOf(c).open;
}

/**
 * The scope of a report over these cases: the duplicate index brought up to date, and the task of
 * each case applied in the range that may have one worked out (both kept between reports). A
 * report that visits a few cases only (shared/reports/kept-report.ts) leaves the tasks out
 * (`settleTasks: false`): visitCase works out each one it meets, with the same result.
 */
export function cellScope(cases: readonly ReportCase[], query: ReportQuery, ctx: ReportContext, opts: { settleTasks?: boolean } = {}): CellScope {
  const calendar = ctx.calendar ?? OFFICE_CALENDAR;
  if (opts.settleTasks !== false) {
    settleTasks(
      cases.filter((c) => mayHaveTask(c) && inRange(c.appliedOn, query.from, query.to)),
      ctx.today,
      calendar,
    );
  }
  return {
    query,
    today: ctx.today,
    todayNumber: dayNumber(ctx.today),
    currentPolicyVersion: ctx.currentPolicyVersion,
    calendar,
    fiscalYears: { from: fiscalYearNumber(query.from), to: fiscalYearNumber(query.to) },
    duplicates: duplicateIndex(cases),
  };
}

/** Every cell the case is in, told to the sink (docs/reports.md; the choices above). */
export function visitCase(c: ReportCase, scope: CellScope, sink: CellSink): void {
  const { from, to, basis } = scope.query;
  const app = basis === 'application';
  const f = factsOf(c);
  const dates = f.stepDates;
  const furthest = f.furthest;
  const decidedOn = dates[STEP.decided] ?? null;

  const cohort = inRange(c.appliedOn, from, to);
  // The cases of the report: the cohort, or on the event basis the intakes of the period.
  const counted = app ? cohort : inRange(c.intakeOn, from, to);
  const open = f.open;

  if (counted) sink.cases(c);

  // Funnel.
  if (app) {
    if (cohort) for (let i = 0; i <= furthest; i++) sink.step(c, i);
  } else {
    for (let i = 0; i < dates.length; i++) if (inRange(dates[i] ?? null, from, to)) sink.step(c, i);
  }
  // Stopped and in progress: of the cases counted at their furthest step (event basis: dated in the range).
  const atFurthest = app ? cohort : inRange(dates[furthest] ?? null, from, to);
  if (c.exit !== null && atFurthest) {
    sink.stopped(c, furthest, c.exit.kind);
    if (c.exit.kind === 'ineligible' && c.decision !== null) for (const code of c.decision.ineligibleCodes) sink.code(c, furthest, code);
  }
  if (open && atFurthest) sink.inProgress(c, furthest);
  if (c.decision !== null && (app ? cohort : inRange(decidedOn, from, to))) sink.outcome(c, c.decision.outcome);

  // Times: a pair counts in the cohort, or when its later date is in the range.
  for (let k = 0; k < INTERVAL_ENDS.length; k++) {
    const days = f.intervalDays[k] ?? NaN;
    if (Number.isNaN(days)) continue;
    if (app ? cohort : inRange(dates[INTERVAL_ENDS[k]?.[1] ?? 0] ?? null, from, to)) sink.interval(c, k, days);
  }
  const toDeparture = f.toDeparture;
  const departedOn = c.stages.departedOn;
  const departedCounted = departedOn !== null && (app ? cohort : inRange(departedOn, from, to));
  const withinAim = f.withinAim;
  if (departedCounted && withinAim) sink.withinAim(c);

  // By month: of the application (cohort), or of each event.
  if (app) {
    if (cohort) {
      const month = f.appliedMonth;
      sink.month(c, month, 'intakes', 0);
      if (toDeparture !== null) {
        sink.month(c, month, 'departed', toDeparture);
        if (withinAim) sink.month(c, month, 'within_aim', toDeparture);
      }
    }
  } else {
    if (counted) sink.month(c, f.intakeMonth, 'intakes', 0);
    if (departedCounted && toDeparture !== null) {
      sink.month(c, f.departedMonth, 'departed', toDeparture);
      if (withinAim) sink.month(c, f.departedMonth, 'within_aim', toDeparture);
    }
  }

  // Targets: departures by their date, in the fiscal years the range overlaps, whatever the basis.
  const fy = f.departedFiscalYear;
  if (fy >= scope.fiscalYears.from && fy <= scope.fiscalYears.to) sink.fiscalYear(c, fy);

  // By country of return and by nationality: the counted cases; the departures counted (event
  // basis: those of the period, whoever applied when).
  const { country, nationality } = f;
  if (counted) {
    sink.place(c, 'country', country, 'cases', 0);
    sink.place(c, 'nationality', nationality, 'cases', 0);
    if (c.dcoAtApplication) {
      sink.place(c, 'country', country, 'dco', 0);
      sink.place(c, 'nationality', nationality, 'dco', 0);
    }
  }
  if (departedCounted && toDeparture !== null) {
    sink.place(c, 'country', country, 'departed', toDeparture);
    sink.place(c, 'nationality', nationality, 'departed', toDeparture);
  }

  // Assistance: the persons of the eligible cohort cases (event basis: the cases referred in the range).
  if (app ? cohort && c.decision?.outcome === 'eligible' : inRange(c.referredOn, from, to)) visitAssistance(c, f.assistance, sink);

  // Travel documents: the referred cases (event basis: the latest entry, or for none yet the referral, in the range).
  const td = c.stages.travelDocument;
  if (app ? cohort && c.referredOn !== null : td !== null ? inRange(td.on, from, to) : inRange(c.referredOn, from, to)) {
    const t = f.travelDocument;
    sink.travelDocument(c, 'referred', 0);
    sink.travelDocument(c, t.state, 0);
    if (t.needed) sink.travelDocument(c, 'needed', 0);
    if (!Number.isNaN(t.days)) sink.travelDocument(c, 'days', t.days);
  }

  // Exits.
  if (c.exit !== null && (app ? cohort : inRange(c.exit.on, from, to))) {
    sink.exit(c, c.exit.kind, c.exit.from, c.exit.reasonGiven);
    sink.exits(c);
  }

  // Data integrity: the cases applied in the range, whatever the basis.
  if (cohort) visitIntegrity(c, f, scope, sink);
}

/** The case's assistance sums (worked out once per case: case-facts.ts), told to the sink. */
function visitAssistance(c: ReportCase, a: AssistanceSums, sink: CellSink): void {
  sink.assisted(c, a.persons, a.maxCad, a.committedCad, a.deliveredCad);
  for (const t of a.tiers) sink.tier(c, t.tier, t.persons, t.maxCad, t.committedCad, t.deliveredCad);
  for (const k of a.categories) {
    sink.categoryAmounts(c, k.category, k.committedCad, k.deliveredCad);
    if (k.persons > 0) sink.category(c, k.category, k.persons);
  }
}

/** The integrity issues of a case applied in the range (docs/reports.md, Data-integrity review list). */
function visitIntegrity(c: ReportCase, f: CaseFacts, scope: CellScope, sink: Pick<CellSink, 'issue' | 'details'>): void {
  const details = sink.details;
  const d = c.decision;
  if (d !== null && d.missingFacts.length > 0) sink.issue(c, 'unknown_after_decision', details ? { facts: [...d.missingFacts] } : NO_DETAIL);

  if (f.outOfOrder !== null) sink.issue(c, 'dates_out_of_order', details ? { steps: [...f.outOfOrder] } : NO_DETAIL);

  const task = (mayHaveTask(c) ? taskOf(c, scope.today, scope.calendar) : null) ?? (f.open && c.stages.departedOn === null && scope.todayNumber - f.intakeDay > f.aimDays ? 'departure_aim' : null);
  if (task !== null) sink.issue(c, 'stage_overdue', details ? { task } : NO_DETAIL);

  const other = scope.duplicates.otherOf(c);
  if (other !== null) sink.issue(c, 'duplicate_suspected', details ? { otherCase: other.caseNumber } : NO_DETAIL);

  if (f.open && d !== null && d.policyVersion !== scope.currentPolicyVersion) sink.issue(c, 'policy_not_current', details ? { policyVersion: d.policyVersion } : NO_DETAIL);

  const missing = f.missingScans;
  if (missing.length > 0) sink.issue(c, 'attachment_missing', details ? { attachment: missing[0], attachments: [...missing] } : NO_DETAIL);
}

/** The integrity row of a case (its issues with their details), or null with none or outside the range. */
export function integrityRow(c: ReportCase, scope: CellScope): IntegrityRow | null {
  if (!inRange(c.appliedOn, scope.query.from, scope.query.to)) return null;
  const row: IntegrityRow = { caseId: c.id, caseNumber: c.caseNumber, status: c.status, issues: [] };
  visitIntegrity(c, factsOf(c), scope, { details: true, issue: (_, issue, detail) => row.issues.push({ issue, detail }) });
  return row.issues.length === 0 ? null : row;
}

/** A sink that turns each membership into its Cell (the slow path: drill-down and tests). */
export function cellEmitter(emit: (c: ReportCase, cell: Cell) => void): CellSink {
  const step = (i: number): FunnelStep => funnelSteps[i] ?? 'intake';
  return {
    cases: (c) => emit(c, { kind: 'cases' }),
    step: (c, i) => emit(c, { kind: 'step', step: step(i) }),
    stopped: (c, i, exit) => emit(c, { kind: 'stopped', step: step(i), exit }),
    code: (c, i, code) => emit(c, { kind: 'code', step: step(i), code }),
    inProgress: (c, i) => emit(c, { kind: 'in_progress', step: step(i) }),
    outcome: (c, outcome) => emit(c, { kind: 'outcome', outcome }),
    interval: (c, i) => emit(c, { kind: 'interval', interval: intervals[i] ?? 'intake_to_decision' }),
    withinAim: (c) => emit(c, { kind: 'within_aim' }),
    month: (c, month, measure) => emit(c, { kind: 'month', month: monthLabel(month), measure }),
    fiscalYear: (c, year) => emit(c, { kind: 'fiscal_year', year }),
    place: (c, by, code, measure) => emit(c, { kind: 'place', by, code, measure }),
    assisted: (c) => emit(c, { kind: 'assisted' }),
    tier: (c, tier) => emit(c, { kind: 'tier', tier }),
    category: (c, category) => emit(c, { kind: 'category', category }),
    categoryAmounts: () => undefined,
    travelDocument: (c, measure) => emit(c, { kind: 'travel_document', measure }),
    exit: (c, exit, from) => emit(c, { kind: 'exit', exit, from }),
    exits: (c) => emit(c, { kind: 'exits' }),
    issue: (c, issue) => emit(c, { kind: 'issue', issue }),
    details: false,
  };
}

/** Every cell the case is in (ids as the report's Counts carry them). */
export function cellsOf(c: ReportCase, scope: CellScope): string[] {
  const out: string[] = [];
  visitCase(c, scope, cellEmitter((_, cell) => out.push(cellId(cell))));
  return out;
}

/**
 * The cases behind one number: exactly those computeReport counted in that cell, in the input's
 * order. An id that names no cell lists none. `cases` must be what computeReport was given.
 */
export function casesInCell(cases: readonly ReportCase[], query: ReportQuery, ctx: ReportContext, cell: string): ReportCase[] {
  const target = parseCell(cell);
  if (target === null) return [];
  const scope = cellScope(cases, query, ctx);
  const out: ReportCase[] = [];
  let hit = false;
  const sink = cellEmitter((_, emitted) => {
    if (!hit && emitted.kind === target.kind && cellId(emitted) === cell) hit = true;
  });
  for (const c of cases) {
    hit = false;
    visitCase(c, scope, sink);
    if (hit) out.push(c);
  }
  return out;
}
