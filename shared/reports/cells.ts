import { caseStatuses, statusInfo } from '../case/lifecycle';
import type { CaseStatus } from '../case/lifecycle';
import { programmeValue } from '../case/programme';
import { TASK_STATUSES, tasksFor } from '../case/tasks';
import type { TaskCase } from '../case/tasks';
import { OUTCOMES, REASON_CODES, TIERS } from '../rules/codes';
import type { Outcome, ReasonCode, Tier } from '../rules/codes';
import type { AttachmentKind } from '../schema/attachments';
import { reintegrationCategories } from '../schema/intake';
import type { RemovalTarget } from '../schema/reports-api';
import { OFFICE_CALENDAR } from '../time/office-hours';
import type { OfficeCalendar } from '../time/office-hours';
import type { ReportQuery } from './query';
import { funnelSteps, integrityIssues, intervals, travelDocumentStates } from './report';
import type { FunnelStep, IntegrityIssue, IntegrityRow, Interval, TravelDocumentState } from './report';
import { exitKinds } from './report-case';
import type { ExitKind, ReintegrationCategory, ReportCase } from './report-case';

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
const tierKeys = [...TIERS, 'none'] as const;
const taskStatuses: ReadonlySet<CaseStatus> = new Set(TASK_STATUSES);

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

/** What deciding membership needs besides the case: the query, today, and the cross-case facts (computed once). */
export interface CellScope {
  readonly query: ReportQuery;
  readonly today: string;
  /** dayNumber(today). */
  readonly todayNumber: number;
  readonly currentPolicyVersion: string;
  /** Fiscal years the range overlaps (their start years). */
  readonly fiscalYears: { from: number; to: number };
  /** The open cases by person (the duplicate check). */
  readonly openByPerson: OpenCasesByPerson;
  /** Per case applied in the range with a task: its most overdue task of "What needs me today" (shared/case/tasks.ts tasksFor). */
  readonly tasks: ReadonlyMap<ReportCase, string>;
  /** Scratch space for one case at a time (no allocation per case). */
  readonly scratch: Scratch;
}

interface Scratch {
  dates: (string | null)[];
  dayNumbers: Float64Array;
  tierPersons: Int32Array;
  tierMax: Float64Array;
  tierCommitted: Float64Array;
  tierDelivered: Float64Array;
  catPersons: Int32Array;
  catCommitted: Float64Array;
  catDelivered: Float64Array;
  catSeen: Uint8Array;
}

/** An open case: no exit and not in a final status (docs/reports.md: "still open"). */
export function isOpen(c: ReportCase): boolean {
  return c.exit === null && !statusInfo[c.status].final;
}

/**
 * The open cases by person, for the duplicate check (docs/reports.md: "another case still open
 * shares a person"), per UCI and per folded name and date of birth. One pass over the open cases'
 * identities finds the open cases sharing a person (a key held by several: rare, kept as a list);
 * a case that is not open looks its own identities up.
 */
export class OpenCasesByPerson {
  private readonly byUci = new Map<string, ReportCase | ReportCase[]>();
  private readonly byNameDob = new Map<string, ReportCase | ReportCase[]>();
  /** For each open case sharing a person with another open case: the other with the smallest case number. */
  private readonly openOther = new Map<ReportCase, ReportCase>();

  constructor(cases: readonly ReportCase[]) {
    const shared: ReportCase[][] = [];
    for (const c of cases) {
      if (!isOpen(c)) continue;
      for (const p of c.identities) {
        if (p.uci !== null && p.uci !== '') OpenCasesByPerson.hold(this.byUci, p.uci, c, shared);
        if (p.nameDob !== '') OpenCasesByPerson.hold(this.byNameDob, p.nameDob, c, shared);
      }
    }
    // Each holder's other: the smallest case number of the others (the two smallest: linear, however many share).
    for (const holders of shared) {
      let first: ReportCase | null = null;
      let second: ReportCase | null = null;
      for (const o of holders) {
        if (first === null || o.caseNumber < first.caseNumber) {
          second = first;
          first = o;
        } else if (second === null || o.caseNumber < second.caseNumber) second = o;
      }
      for (const c of holders) {
        const o = c === first ? second : first;
        if (o === null) continue;
        const held = this.openOther.get(c);
        if (held === undefined || o.caseNumber < held.caseNumber) this.openOther.set(c, o);
      }
    }
  }

  private static hold(index: Map<string, ReportCase | ReportCase[]>, key: string, c: ReportCase, shared: ReportCase[][]): void {
    const held = index.get(key);
    if (held === undefined) index.set(key, c);
    else if (Array.isArray(held)) {
      // A case's identities come one after the other: the same key twice in a case is its last holder.
      if (held[held.length - 1] !== c) held.push(c);
    } else if (held !== c) {
      const holders = [held, c];
      index.set(key, holders);
      shared.push(holders);
    }
  }

  private static other(held: ReportCase | ReportCase[] | undefined, best: ReportCase | null): ReportCase | null {
    if (held === undefined) return best;
    if (!Array.isArray(held)) return best === null || held.caseNumber < best.caseNumber ? held : best;
    for (const o of held) if (best === null || o.caseNumber < best.caseNumber) best = o;
    return best;
  }

  /** Another open case sharing a person with this one (open or not): the one with the smallest case number, or null. */
  otherOf(c: ReportCase): ReportCase | null {
    if (isOpen(c)) return this.openOther.get(c) ?? null;
    let best: ReportCase | null = null;
    for (const p of c.identities) {
      if (p.uci !== null && p.uci !== '') best = OpenCasesByPerson.other(this.byUci.get(p.uci), best);
      if (p.nameDob !== '') best = OpenCasesByPerson.other(this.byNameDob.get(p.nameDob), best);
    }
    return best;
  }
}

export function cellScope(cases: readonly ReportCase[], query: ReportQuery, ctx: ReportContext): CellScope {
  const cats = reintegrationCategories.length;
  const tiers = tierKeys.length;
  return {
    query,
    today: ctx.today,
    todayNumber: dayNumber(ctx.today),
    currentPolicyVersion: ctx.currentPolicyVersion,
    fiscalYears: { from: fiscalYearNumber(query.from), to: fiscalYearNumber(query.to) },
    openByPerson: new OpenCasesByPerson(cases),
    tasks: overdueTasks(cases, query, ctx.today, ctx.calendar ?? OFFICE_CALENDAR),
    scratch: {
      dates: new Array<string | null>(funnelSteps.length).fill(null),
      dayNumbers: new Float64Array(funnelSteps.length),
      tierPersons: new Int32Array(tiers),
      tierMax: new Float64Array(tiers),
      tierCommitted: new Float64Array(tiers),
      tierDelivered: new Float64Array(tiers),
      catPersons: new Int32Array(cats),
      catCommitted: new Float64Array(cats),
      catDelivered: new Float64Array(cats),
      catSeen: new Uint8Array(cats),
    },
  };
}

/**
 * The most overdue task of each case applied in the range, as "What needs me today" lists it
 * (one tasksFor call: its date sums are worked out once for the whole list).
 */
function overdueTasks(cases: readonly ReportCase[], query: ReportQuery, today: string, calendar: OfficeCalendar): Map<ReportCase, string> {
  const candidates: TaskCase[] = [];
  const byId = new Map<string, ReportCase>();
  for (const c of cases) {
    if (!taskStatuses.has(c.status) || !inRange(c.appliedOn, query.from, query.to)) continue;
    candidates.push({ id: c.id, caseNumber: c.caseNumber, status: c.status, principalNameAsWritten: '', principalNameLatin: '', referredOn: c.referredOn, facts: c.taskFacts });
    byId.set(c.id, c);
  }
  const most = new Map<ReportCase, string>();
  // Most overdue first: the first task of a case is its most overdue.
  for (const t of tasksFor(candidates, today, calendar)) {
    const c = byId.get(t.caseId);
    if (c !== undefined && !most.has(c)) most.set(c, t.kind);
  }
  return most;
}

/**
 * Days since 1970-01-01 of a YYYY-MM-DD date (proleptic Gregorian), without Date: the same as
 * shared/case/timeline.ts daysBetween('1970-01-01', date), some ten times faster.
 */
export function dayNumber(iso: string): number {
  let y = (iso.charCodeAt(0) - 48) * 1000 + (iso.charCodeAt(1) - 48) * 100 + (iso.charCodeAt(2) - 48) * 10 + (iso.charCodeAt(3) - 48);
  const m = (iso.charCodeAt(5) - 48) * 10 + (iso.charCodeAt(6) - 48);
  const d = (iso.charCodeAt(8) - 48) * 10 + (iso.charCodeAt(9) - 48);
  if (m <= 2) y -= 1;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function inRange(d: string | null, from: string, to: string): d is string {
  return d !== null && d >= from && d <= to;
}

/** The departure aim (days) in force on a case's intake date. */
export function aimDaysOn(intakeOn: string): number {
  return programmeValue('departureAimDays', intakeOn);
}

/** The month of a YYYY-MM-DD date as a number: year * 12 + month - 1 (no string made). */
export function monthNumber(iso: string): number {
  const y = (iso.charCodeAt(0) - 48) * 1000 + (iso.charCodeAt(1) - 48) * 100 + (iso.charCodeAt(2) - 48) * 10 + (iso.charCodeAt(3) - 48);
  return y * 12 + (iso.charCodeAt(5) - 48) * 10 + (iso.charCodeAt(6) - 48) - 1;
}

/** YYYY-MM of a month number. */
export function monthLabel(n: number): string {
  const y = Math.floor(n / 12);
  return `${String(y).padStart(4, '0')}-${String(n - y * 12 + 1).padStart(2, '0')}`;
}

/** The fiscal year (its start year) of a YYYY-MM-DD date, as shared/reports/query.ts fiscalYearOf, without strings. */
export function fiscalYearNumber(iso: string): number {
  const y = (iso.charCodeAt(0) - 48) * 1000 + (iso.charCodeAt(1) - 48) * 100 + (iso.charCodeAt(2) - 48) * 10 + (iso.charCodeAt(3) - 48);
  const m = (iso.charCodeAt(5) - 48) * 10 + (iso.charCodeAt(6) - 48);
  return m >= 4 ? y : y - 1;
}

const STEP = { intake: 0, screened: 1, decided: 2, consented: 3, referred: 4, acknowledged: 5, departed: 6, delivered: 7 } as const;
const INTERVAL_ENDS: readonly (readonly [number, number])[] = [
  [STEP.intake, STEP.decided],
  [STEP.decided, STEP.referred],
  [STEP.referred, STEP.departed],
  [STEP.intake, STEP.referred],
  [STEP.intake, STEP.departed],
];
const INTAKE_TO_DEPARTURE = 4;
/** Index of each category and tier (a property read: cheaper than a Map in the per-person loop). */
const categoryIndex: Readonly<Record<ReintegrationCategory, number>> = {
  luggage: reintegrationCategories.indexOf('luggage'),
  onward_transport: reintegrationCategories.indexOf('onward_transport'),
  job_search: reintegrationCategories.indexOf('job_search'),
  material: reintegrationCategories.indexOf('material'),
  medical: reintegrationCategories.indexOf('medical'),
  small_business: reintegrationCategories.indexOf('small_business'),
  housing: reintegrationCategories.indexOf('housing'),
  training: reintegrationCategories.indexOf('training'),
  legal: reintegrationCategories.indexOf('legal'),
};
const tierIndex: Readonly<Record<Tier, number>> = { T1: tierKeys.indexOf('T1'), T2: tierKeys.indexOf('T2'), T3: tierKeys.indexOf('T3'), DCO: tierKeys.indexOf('DCO') };
const NO_TIER = tierKeys.length - 1;
const NEEDED: ReadonlySet<string> = new Set(['requested', 'issued', 'refused']);

/** Every cell the case is in, told to the sink (docs/reports.md; the choices above). */
export function visitCase(c: ReportCase, scope: CellScope, sink: CellSink): void {
  const { from, to, basis } = scope.query;
  const app = basis === 'application';
  const st = c.stages;
  const decidedOn = c.decision?.decidedOn ?? null;

  // The funnel's steps: each one's own date (null: not reached), and the furthest reached.
  const dates = scope.scratch.dates;
  dates[STEP.intake] = c.intakeOn;
  dates[STEP.screened] = c.screenedOn ?? decidedOn;
  dates[STEP.decided] = decidedOn;
  dates[STEP.consented] = c.consentedOn;
  dates[STEP.referred] = c.referredOn;
  dates[STEP.acknowledged] = st.acknowledgedOn;
  dates[STEP.departed] = st.departedOn;
  dates[STEP.delivered] = st.assistanceDeliveredOn;
  let furthest = 0;
  for (let i = dates.length - 1; i > 0; i--) {
    if (dates[i] !== null) {
      furthest = i;
      break;
    }
  }

  const cohort = inRange(c.appliedOn, from, to);
  const exitInRange = c.exit !== null && inRange(c.exit.on, from, to);
  // The cases of the report: the cohort, or on the event basis the intakes of the period.
  const counted = app ? cohort : inRange(c.intakeOn, from, to);
  const open = isOpen(c);

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
  let toDeparture: number | null = null;
  const dayNumbers = scope.scratch.dayNumbers;
  dayNumbers.fill(NaN);
  for (let k = 0; k < INTERVAL_ENDS.length; k++) {
    const ends = INTERVAL_ENDS[k];
    if (!ends) continue;
    const a = dates[ends[0]] ?? null;
    const b = dates[ends[1]] ?? null;
    if (a === null || b === null) continue;
    const da = Number.isNaN(dayNumbers[ends[0]]) ? (dayNumbers[ends[0]] = dayNumber(a)) : (dayNumbers[ends[0]] ?? 0);
    const db = Number.isNaN(dayNumbers[ends[1]]) ? (dayNumbers[ends[1]] = dayNumber(b)) : (dayNumbers[ends[1]] ?? 0);
    const days = db - da;
    if (k === INTAKE_TO_DEPARTURE) toDeparture = days;
    if (app ? cohort : inRange(b, from, to)) sink.interval(c, k, days);
  }
  const departedOn = st.departedOn;
  const departedCounted = departedOn !== null && (app ? cohort : inRange(departedOn, from, to));
  const withinAim = toDeparture !== null && toDeparture <= aimDaysOn(c.intakeOn);
  if (departedCounted && withinAim) sink.withinAim(c);

  // By month: of the application (cohort), or of each event.
  if (app) {
    if (cohort) {
      const month = monthNumber(c.appliedOn);
      sink.month(c, month, 'intakes', 0);
      if (toDeparture !== null) {
        sink.month(c, month, 'departed', toDeparture);
        if (withinAim) sink.month(c, month, 'within_aim', toDeparture);
      }
    }
  } else {
    if (inRange(c.intakeOn, from, to)) sink.month(c, monthNumber(c.intakeOn), 'intakes', 0);
    if (departedCounted && toDeparture !== null) {
      const month = monthNumber(departedOn);
      sink.month(c, month, 'departed', toDeparture);
      if (withinAim) sink.month(c, month, 'within_aim', toDeparture);
    }
  }

  // Targets: departures by their date, in the fiscal years the range overlaps, whatever the basis.
  if (departedOn !== null) {
    const fy = fiscalYearNumber(departedOn);
    if (fy >= scope.fiscalYears.from && fy <= scope.fiscalYears.to) sink.fiscalYear(c, fy);
  }

  // By country of return and by nationality: the counted cases; the departures counted (event
  // basis: those of the period, whoever applied when).
  const country = c.countryOfReturn === '' ? null : c.countryOfReturn;
  const nationality = c.nationality === '' ? null : c.nationality;
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
  if (app ? cohort && c.decision?.outcome === 'eligible' : inRange(c.referredOn, from, to)) visitAssistance(c, scope, sink);

  // Travel documents: the referred cases (event basis: the latest entry, or for none yet the referral, in the range).
  const td = st.travelDocument;
  if (app ? cohort && c.referredOn !== null : td !== null ? inRange(td.on, from, to) : inRange(c.referredOn, from, to)) {
    sink.travelDocument(c, 'referred', 0);
    const state: TravelDocumentState = td === null ? 'none_yet' : td.outcome;
    sink.travelDocument(c, state, 0);
    if (NEEDED.has(state)) sink.travelDocument(c, 'needed', 0);
    if (td !== null && td.requestedOn !== null && td.issuedOn !== null) sink.travelDocument(c, 'days', dayNumber(td.issuedOn) - dayNumber(td.requestedOn));
  }

  // Exits.
  if (c.exit !== null && (app ? cohort : exitInRange)) {
    sink.exit(c, c.exit.kind, c.exit.from, c.exit.reasonGiven);
    sink.exits(c);
  }

  // Data integrity: the cases applied in the range, whatever the basis.
  if (cohort) visitIntegrity(c, scope, sink, open);
}

function visitAssistance(c: ReportCase, scope: CellScope, sink: CellSink): void {
  const { tierPersons, tierMax, tierCommitted, tierDelivered, catPersons, catCommitted, catDelivered, catSeen } = scope.scratch;
  for (let t = 0; t < tierKeys.length; t++) {
    tierPersons[t] = 0;
    tierMax[t] = 0;
    tierCommitted[t] = 0;
    tierDelivered[t] = 0;
  }
  for (let i = 0; i < reintegrationCategories.length; i++) {
    catPersons[i] = 0;
    catCommitted[i] = 0;
    catDelivered[i] = 0;
    catSeen[i] = 0;
  }
  let maxCad = 0;
  let committed = 0;
  let delivered = 0;
  for (const p of c.assistance) {
    const t = p.tier === null ? NO_TIER : tierIndex[p.tier];
    let pCommitted = 0;
    let pDelivered = 0;
    let counted = 0; // bit i: this person already counted in category i
    for (const e of p.byCategory) {
      pCommitted += e.committedCad;
      pDelivered += e.deliveredCad;
      // Data read back from storage: a category this code does not know counts in no category.
      const i: number | undefined = categoryIndex[e.category];
      if (i === undefined) continue;
      catSeen[i] = 1;
      catCommitted[i] = (catCommitted[i] ?? 0) + e.committedCad;
      catDelivered[i] = (catDelivered[i] ?? 0) + e.deliveredCad;
      if (e.committedCad > 0 && (counted & (1 << i)) === 0) {
        counted |= 1 << i;
        catPersons[i] = (catPersons[i] ?? 0) + 1;
      }
    }
    tierPersons[t] = (tierPersons[t] ?? 0) + 1;
    tierMax[t] = (tierMax[t] ?? 0) + p.maxCad;
    tierCommitted[t] = (tierCommitted[t] ?? 0) + pCommitted;
    tierDelivered[t] = (tierDelivered[t] ?? 0) + pDelivered;
    maxCad += p.maxCad;
    committed += pCommitted;
    delivered += pDelivered;
  }
  sink.assisted(c, c.assistance.length, maxCad, committed, delivered);
  for (let t = 0; t < tierKeys.length; t++) {
    const persons = tierPersons[t] ?? 0;
    const tier = tierKeys[t];
    if (persons > 0 && tier !== undefined) sink.tier(c, tier, persons, tierMax[t] ?? 0, tierCommitted[t] ?? 0, tierDelivered[t] ?? 0);
  }
  for (let i = 0; i < reintegrationCategories.length; i++) {
    const category = reintegrationCategories[i];
    if (category === undefined || catSeen[i] === 0) continue;
    sink.categoryAmounts(c, category, catCommitted[i] ?? 0, catDelivered[i] ?? 0);
    const persons = catPersons[i] ?? 0;
    if (persons > 0) sink.category(c, category, persons);
  }
}

/** The first two dates (in force) out of lifecycle order, by the step names the integrity detail gives. */
function firstOutOfOrder(c: ReportCase): string[] | null {
  if (c.appliedOn > c.intakeOn) return ['application', 'intake'];
  let prevName = 'intake';
  let prevOn = c.intakeOn;
  const d = c.decision;
  if (d !== null) {
    if (d.decidedOn < prevOn) return [prevName, 'decision'];
    prevName = 'decision';
    prevOn = d.decidedOn;
  }
  if (c.consentedOn !== null) {
    if (c.consentedOn < prevOn) return [prevName, 'consent'];
    prevName = 'consent';
    prevOn = c.consentedOn;
  }
  if (c.referredOn !== null) {
    if (c.referredOn < prevOn) return [prevName, 'referral'];
    prevName = 'referral';
    prevOn = c.referredOn;
  }
  for (const s of c.stages.sequence) {
    if (s.on < prevOn) return [prevName, s.action];
    prevName = s.action;
    prevOn = s.on;
  }
  return null;
}

/** The integrity issues of a case applied in the range (docs/reports.md, Data-integrity review list). */
function visitIntegrity(c: ReportCase, scope: CellScope, sink: Pick<CellSink, 'issue' | 'details'>, open: boolean): void {
  const details = sink.details;
  const d = c.decision;
  if (d !== null && d.missingFacts.length > 0) sink.issue(c, 'unknown_after_decision', details ? { facts: [...d.missingFacts] } : NO_DETAIL);

  const order = firstOutOfOrder(c);
  if (order !== null) sink.issue(c, 'dates_out_of_order', details ? { steps: order } : NO_DETAIL);

  const task = (taskStatuses.has(c.status) ? scope.tasks.get(c) : undefined) ?? (open && c.stages.departedOn === null && scope.todayNumber - dayNumber(c.intakeOn) > aimDaysOn(c.intakeOn) ? 'departure_aim' : null);
  if (task !== null) sink.issue(c, 'stage_overdue', details ? { task } : NO_DETAIL);

  const other = scope.openByPerson.otherOf(c);
  if (other !== null) sink.issue(c, 'duplicate_suspected', details ? { otherCase: other.caseNumber } : NO_DETAIL);

  if (open && d !== null && d.policyVersion !== scope.currentPolicyVersion) sink.issue(c, 'policy_not_current', details ? { policyVersion: d.policyVersion } : NO_DETAIL);

  const noConsentScan = c.consentedOn !== null && !c.attachments.includes('signed_consent');
  const noDepartureScan = c.stages.departedOn !== null && !c.attachments.includes('departure_confirmation');
  const noDocumentScan = c.stages.travelDocument?.outcome === 'issued' && !c.attachments.includes('travel_document');
  if (noConsentScan || noDepartureScan || noDocumentScan) {
    if (!details) sink.issue(c, 'attachment_missing', NO_DETAIL);
    else {
      const missing: AttachmentKind[] = [];
      if (noConsentScan) missing.push('signed_consent');
      if (noDepartureScan) missing.push('departure_confirmation');
      if (noDocumentScan) missing.push('travel_document');
      sink.issue(c, 'attachment_missing', { attachment: missing[0], attachments: missing });
    }
  }
}

/** The integrity row of a case (its issues with their details), or null with none or outside the range. */
export function integrityRow(c: ReportCase, scope: CellScope): IntegrityRow | null {
  if (!inRange(c.appliedOn, scope.query.from, scope.query.to)) return null;
  const row: IntegrityRow = { caseId: c.id, caseNumber: c.caseNumber, status: c.status, issues: [] };
  visitIntegrity(c, scope, { details: true, issue: (_, issue, detail) => row.issues.push({ issue, detail }) }, isOpen(c));
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
