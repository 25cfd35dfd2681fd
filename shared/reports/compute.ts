import { caseStatuses } from '../case/lifecycle';
import type { CaseStatus } from '../case/lifecycle';
import { programmeValue } from '../case/programme';
import { OUTCOMES, REASON_CODES, TIERS } from '../rules/codes';
import type { Outcome, ReasonCode, Tier } from '../rules/codes';
import { reintegrationCategories } from '../schema/intake';
import { cellId, cellScope, integrityRow, monthLabel, visitCase } from './cells';
import type { Cell, CellScope, CellSink, IssueDetail, MonthMeasure, PlaceBy, PlaceMeasure, ReportContext, TravelDocumentMeasure } from './cells';
import { fiscalYearLabel, fiscalYearOf } from './query';
import type { ReportQuery } from './query';
import { INTEGRITY_ROWS_MAX, funnelSteps, integrityIssues, intervals, travelDocumentStates } from './report';
import type { Count, DayStats, FunnelRow, IntegrityIssue, IntegrityRow, MonthRow, PlaceRow, Report, TargetRow } from './report';
import { exitKinds } from './report-case';
import type { ExitKind, ReintegrationCategory, ReportCase } from './report-case';
import { Values } from './stats';

export type { ReportContext } from './cells';

/**
 * The report (docs/reports.md) from the facts of every case: one pass over the cases, each
 * visited once by shared/reports/cells.ts visitCase, which decides every cell the case is in;
 * here the sink only adds up. Pure: the same cases, query and context give the same report.
 * `cases` are all the cases (the query selects; targets and duplicates look beyond the range).
 */
export function computeReport(cases: readonly ReportCase[], query: ReportQuery, ctx: ReportContext): Report {
  const scope = cellScope(cases, query, ctx);
  const acc = new Accumulator();
  for (const c of cases) visitCase(c, scope, acc);
  return acc.report(query, ctx, scope);
}

const count = (n: number, cell: Cell): Count => ({ n, cell: cellId(cell) });

/** Case-number order (ids for equal numbers). */
const before = (a: ReportCase, b: ReportCase) => a.caseNumber < b.caseNumber || (a.caseNumber === b.caseNumber && a.id < b.id);

function dayStats(days: Values, cell: Cell): DayStats {
  const s = days.summarize();
  return { cases: count(days.length, cell), median: s.median, p90: s.p90, min: s.min, max: s.max, mean: s.mean };
}

interface MonthAcc {
  intakes: number;
  departed: number;
  withinAim: number;
  days: Values;
}

interface PlaceAcc {
  cases: number;
  persons: number;
  departed: number;
  departedPersons: number;
  days: Values;
  dco: number;
}

interface AmountAcc {
  cases: number;
  persons: number;
  maxCad: number;
  committedCad: number;
  deliveredCad: number;
}

const zeroAmounts = (): AmountAcc => ({ cases: 0, persons: 0, maxCad: 0, committedCad: 0, deliveredCad: 0 });
const indexOf = <T extends string>(list: readonly T[]): Map<T, number> => new Map(list.map((x, i) => [x, i]));
const exitIndex = indexOf(exitKinds);
const codeIndex = indexOf(REASON_CODES);
const outcomeIndex = indexOf(OUTCOMES);
const statusIndex = indexOf(caseStatuses);
const issueIndex = indexOf(integrityIssues);
const tierKeys = [...TIERS, 'none'] as const;
const tierIndex = indexOf<Tier | 'none'>(tierKeys);
const categoryIndex = indexOf(reintegrationCategories);
const tdMeasures = ['referred', 'needed', 'days', ...travelDocumentStates] as const;
const tdIndex = indexOf<TravelDocumentMeasure>(tdMeasures);

/** The months between the first and the last are listed (with zeros) up to this span; beyond, only those with something. */
const MONTHS_FILLED_MAX = 1200;
const STEPS = funnelSteps.length;
const EXITS = exitKinds.length;
const CODES = REASON_CODES.length;

/**
 * Adds up what visitCase tells: counts per cell, persons, amounts and days. With `sign` -1 it takes
 * a case's memberships back out (shared/reports/kept-report.ts follows the cases changed so); a
 * row left with nothing is dropped, so that the totals and rows are those of a fresh pass.
 */
export class Accumulator implements CellSink {
  /** +1: the case visited is added; -1: it is taken back out. */
  sign: 1 | -1 = 1;
  /** Whether a value that is not a whole number was added (amounts: taking it out again could leave a rounding trace). */
  inexact = false;
  casesN = 0;
  /** The policy versions of the decisions counted, with how many. */
  policyVersions = new Map<string, number>();
  stepN = new Int32Array(STEPS);
  stepPersons = new Float64Array(STEPS);
  stoppedN = new Int32Array(STEPS * EXITS);
  codeN = new Int32Array(STEPS * CODES);
  inProgressN = new Int32Array(STEPS);
  outcomeN = new Int32Array(OUTCOMES.length);
  intervalDays: Values[] = intervals.map(() => new Values(1024));
  withinAimN = 0;
  months = new Map<number, MonthAcc>();
  fiscalYears = new Map<number, { cases: number; persons: number }>();
  places: Record<PlaceBy, Map<string | null, PlaceAcc>> = { country: new Map(), nationality: new Map() };
  assistedAcc = zeroAmounts();
  tiers = tierKeys.map(zeroAmounts);
  categories = reintegrationCategories.map(zeroAmounts);
  tdN = new Int32Array(tdMeasures.length);
  tdDays = new Values(256);
  exitN = new Int32Array(EXITS * caseStatuses.length);
  exitReasons = new Int32Array(EXITS * caseStatuses.length);
  exitsN = 0;
  issueN = new Int32Array(integrityIssues.length);
  /** The cases with an issue, with how many (their rows are made for the first INTEGRITY_ROWS_MAX only). */
  flagged = new Map<ReportCase, number>();
  /** The first INTEGRITY_ROWS_MAX of them by case number, as last picked (null: to pick again). */
  private firstFlagged: ReportCase[] | null = null;
  readonly details = false;

  /**
   * Days are collected as they come on a first pass (sorted once, when summarized); a kept report
   * then puts each at its place (`keepSorted`) or takes it out, so the next summary sorts nothing.
   */
  keepSorted = false;
  private days(values: Values, days: number): void {
    if (this.sign === -1) {
      if (!values.remove(days)) throw new Error('reports: a day count taken out that was never added');
    } else if (this.keepSorted) values.insert(days);
    else values.push(days);
  }
  private amount(x: number): number {
    if (!Number.isInteger(x)) this.inexact = true;
    return this.sign * x;
  }

  cases(): void {
    this.casesN += this.sign;
  }
  step(c: ReportCase, step: number): void {
    this.stepN[step] = (this.stepN[step] ?? 0) + this.sign;
    this.stepPersons[step] = (this.stepPersons[step] ?? 0) + this.sign * c.persons;
  }
  stopped(_c: ReportCase, step: number, exit: ExitKind): void {
    const i = step * EXITS + (exitIndex.get(exit) ?? 0);
    this.stoppedN[i] = (this.stoppedN[i] ?? 0) + this.sign;
  }
  code(_c: ReportCase, step: number, code: ReasonCode): void {
    const i = step * CODES + (codeIndex.get(code) ?? 0);
    this.codeN[i] = (this.codeN[i] ?? 0) + this.sign;
  }
  inProgress(_c: ReportCase, step: number): void {
    this.inProgressN[step] = (this.inProgressN[step] ?? 0) + this.sign;
  }
  /** The decisions counted (at `decided`): their policy versions are the report's. */
  outcome(c: ReportCase, outcome: Outcome): void {
    if (c.decision !== null) {
      const v = c.decision.policyVersion;
      const n = (this.policyVersions.get(v) ?? 0) + this.sign;
      if (n === 0) this.policyVersions.delete(v);
      else this.policyVersions.set(v, n);
    }
    const i = outcomeIndex.get(outcome) ?? 0;
    this.outcomeN[i] = (this.outcomeN[i] ?? 0) + this.sign;
  }
  interval(_c: ReportCase, interval: number, days: number): void {
    const values = this.intervalDays[interval];
    if (values) this.days(values, days);
  }
  withinAim(): void {
    this.withinAimN += this.sign;
  }
  month(_c: ReportCase, month: number, measure: MonthMeasure, days: number): void {
    let m = this.months.get(month);
    if (!m) {
      m = { intakes: 0, departed: 0, withinAim: 0, days: new Values(8) };
      this.months.set(month, m);
    }
    if (measure === 'intakes') m.intakes += this.sign;
    else if (measure === 'departed') {
      m.departed += this.sign;
      this.days(m.days, days);
    } else m.withinAim += this.sign;
    if (m.intakes === 0 && m.departed === 0 && m.withinAim === 0) this.months.delete(month);
  }
  fiscalYear(c: ReportCase, year: number): void {
    const f = this.fiscalYears.get(year) ?? { cases: 0, persons: 0 };
    f.cases += this.sign;
    f.persons += this.sign * c.persons;
    if (f.cases === 0) this.fiscalYears.delete(year);
    else this.fiscalYears.set(year, f);
  }
  place(c: ReportCase, by: PlaceBy, code: string | null, measure: PlaceMeasure, days: number): void {
    const map = this.places[by];
    let p = map.get(code);
    if (!p) {
      p = { cases: 0, persons: 0, departed: 0, departedPersons: 0, days: new Values(8), dco: 0 };
      map.set(code, p);
    }
    if (measure === 'cases') {
      p.cases += this.sign;
      p.persons += this.sign * c.persons;
    } else if (measure === 'departed') {
      p.departed += this.sign;
      p.departedPersons += this.sign * c.persons;
      this.days(p.days, days);
    } else p.dco += this.sign;
    if (p.cases === 0 && p.departed === 0 && p.dco === 0) map.delete(code);
  }
  assisted(_c: ReportCase, persons: number, maxCad: number, committedCad: number, deliveredCad: number): void {
    this.add(this.assistedAcc, persons, maxCad, committedCad, deliveredCad);
  }
  tier(_c: ReportCase, tier: Tier | 'none', persons: number, maxCad: number, committedCad: number, deliveredCad: number): void {
    const t = this.tiers[tierIndex.get(tier) ?? 0];
    if (t) this.add(t, persons, maxCad, committedCad, deliveredCad);
  }
  category(_c: ReportCase, category: ReintegrationCategory, persons: number): void {
    const a = this.categories[categoryIndex.get(category) ?? 0];
    if (a) {
      a.cases += this.sign;
      a.persons += this.sign * persons;
    }
  }
  categoryAmounts(_c: ReportCase, category: ReintegrationCategory, committedCad: number, deliveredCad: number): void {
    const a = this.categories[categoryIndex.get(category) ?? 0];
    if (a) {
      a.committedCad += this.amount(committedCad);
      a.deliveredCad += this.amount(deliveredCad);
    }
  }
  travelDocument(_c: ReportCase, measure: TravelDocumentMeasure, days: number): void {
    const i = tdIndex.get(measure) ?? 0;
    this.tdN[i] = (this.tdN[i] ?? 0) + this.sign;
    if (measure === 'days') this.days(this.tdDays, days);
  }
  exit(_c: ReportCase, exit: ExitKind, from: CaseStatus, reasonGiven: boolean): void {
    const i = (exitIndex.get(exit) ?? 0) * caseStatuses.length + (statusIndex.get(from) ?? 0);
    this.exitN[i] = (this.exitN[i] ?? 0) + this.sign;
    if (reasonGiven) this.exitReasons[i] = (this.exitReasons[i] ?? 0) + this.sign;
  }
  exits(): void {
    this.exitsN += this.sign;
  }
  issue(c: ReportCase, issue: IntegrityIssue, _detail: IssueDetail): void {
    const i = issueIndex.get(issue) ?? 0;
    this.issueN[i] = (this.issueN[i] ?? 0) + this.sign;
    const n = (this.flagged.get(c) ?? 0) + this.sign;
    if (n === 0) this.flagged.delete(c);
    else this.flagged.set(c, n);
    // Only a case up to the last one picked can change which are first.
    const first = this.firstFlagged;
    const last = first?.[first.length - 1];
    if (first !== null && (first.length < INTEGRITY_ROWS_MAX || last === undefined || !before(last, c))) this.firstFlagged = null;
  }

  private add(a: AmountAcc, persons: number, maxCad: number, committedCad: number, deliveredCad: number): void {
    a.cases += this.sign;
    a.persons += this.sign * persons;
    a.maxCad += this.amount(maxCad);
    a.committedCad += this.amount(committedCad);
    a.deliveredCad += this.amount(deliveredCad);
  }

  /** The report of what was added up. */
  report(query: ReportQuery, ctx: ReportContext, scope: CellScope): Report {
    const n = (a: ArrayLike<number>, i: number) => a[i] ?? 0;
    const funnel: FunnelRow[] = funnelSteps.map((step, s) => {
      const row: FunnelRow = {
        step,
        count: count(n(this.stepN, s), { kind: 'step', step }),
        persons: n(this.stepPersons, s),
        stopped: exitKinds.map((exit, e) => ({ kind: exit, count: count(n(this.stoppedN, s * EXITS + e), { kind: 'stopped', step, exit }) })),
        ineligibleCodes: REASON_CODES.flatMap((code, k) => {
          const v = n(this.codeN, s * CODES + k);
          return v > 0 ? [{ code, count: count(v, { kind: 'code', step, code }) }] : [];
        }),
        inProgress: count(n(this.inProgressN, s), { kind: 'in_progress', step }),
      };
      if (step === 'decided') row.outcomes = OUTCOMES.map((outcome, o) => ({ outcome, count: count(n(this.outcomeN, o), { kind: 'outcome', outcome }) }));
      return row;
    });

    const departedDays = this.intervalDays[intervals.indexOf('intake_to_departure')] ?? new Values();
    const departed = count(departedDays.length, { kind: 'interval', interval: 'intake_to_departure' });
    const withinAim = count(this.withinAimN, { kind: 'within_aim' });

    return {
      query,
      today: ctx.today,
      generatedAt: ctx.generatedAt,
      policyVersions: { used: [...this.policyVersions.keys()].sort(), current: ctx.currentPolicyVersion },
      aimDays: programmeValue('departureAimDays', ctx.today),
      cases: count(this.casesN, { kind: 'cases' }),
      funnel,
      times: {
        intervals: intervals.map((interval, i) => ({ interval, ...dayStats(this.intervalDays[i] ?? new Values(), { kind: 'interval', interval }) })),
        departed,
        withinAim,
        shareWithinAim: departed.n === 0 ? null : withinAim.n / departed.n,
        byMonth: this.monthRows(),
      },
      targets: this.targetRows(query, ctx),
      byCountry: this.placeRows('country'),
      byNationality: this.placeRows('nationality'),
      assistance: {
        byTier: tierKeys.flatMap((tier, t) => {
          const a = this.tiers[t];
          return a && a.cases > 0 ? [{ tier, cases: count(a.cases, { kind: 'tier', tier }), persons: a.persons, maxCad: a.maxCad, committedCad: a.committedCad, deliveredCad: a.deliveredCad }] : [];
        }),
        byCategory: reintegrationCategories.map((category, k) => {
          const a = this.categories[k] ?? zeroAmounts();
          return { category, cases: count(a.cases, { kind: 'category', category }), persons: a.persons, committedCad: a.committedCad, deliveredCad: a.deliveredCad };
        }),
        totals: {
          cases: count(this.assistedAcc.cases, { kind: 'assisted' }),
          persons: this.assistedAcc.persons,
          maxCad: this.assistedAcc.maxCad,
          committedCad: this.assistedAcc.committedCad,
          deliveredCad: this.assistedAcc.deliveredCad,
        },
      },
      travelDocuments: {
        referred: count(n(this.tdN, tdIndex.get('referred') ?? 0), { kind: 'travel_document', measure: 'referred' }),
        byState: travelDocumentStates.map((state) => ({ state, count: count(n(this.tdN, tdIndex.get(state) ?? 0), { kind: 'travel_document', measure: state }) })),
        needed: count(n(this.tdN, tdIndex.get('needed') ?? 0), { kind: 'travel_document', measure: 'needed' }),
        daysToObtain: dayStats(this.tdDays, { kind: 'travel_document', measure: 'days' }),
      },
      exits: {
        rows: exitKinds.flatMap((exit, e) =>
          caseStatuses.flatMap((from, f) => {
            const v = n(this.exitN, e * caseStatuses.length + f);
            return v > 0 ? [{ kind: exit, from, count: count(v, { kind: 'exit', exit, from }), reasonGiven: n(this.exitReasons, e * caseStatuses.length + f) }] : [];
          }),
        ),
        total: count(this.exitsN, { kind: 'exits' }),
      },
      integrity: {
        counts: integrityIssues.map((issue, i) => ({ issue, count: count(n(this.issueN, i), { kind: 'issue', issue }) })),
        rows: this.flaggedRows(scope),
        truncated: this.flagged.size > INTEGRITY_ROWS_MAX,
      },
    };
  }

  /**
   * The rows of the first INTEGRITY_ROWS_MAX cases with an issue, by case number (unique; equal
   * ones, which only hand-made lists have, by id): picked from the cases flagged, in whatever order
   * they were added, without sorting them all, and kept until a case that could be among them is
   * flagged or no longer is (a kept report: most changes are not). The rows themselves are made
   * each time (their details follow the duplicate index and today).
   */
  private flaggedRows(scope: CellScope): IntegrityRow[] {
    this.firstFlagged ??= this.pickFirstFlagged();
    return this.firstFlagged.flatMap((c) => integrityRow(c, scope) ?? []);
  }

  private pickFirstFlagged(): ReportCase[] {
    const first: ReportCase[] = [];
    for (const c of this.flagged.keys()) {
      const last = first[first.length - 1];
      if (first.length === INTEGRITY_ROWS_MAX && last !== undefined && !before(c, last)) continue;
      let lo = 0;
      let hi = first.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        const m = first[mid];
        if (m !== undefined && before(m, c)) lo = mid + 1;
        else hi = mid;
      }
      first.splice(lo, 0, c);
      if (first.length > INTEGRITY_ROWS_MAX) first.pop();
    }
    return first;
  }

  /** Every month from the first to the last with something (months between them with nothing: zeros). */
  private monthRows(): MonthRow[] {
    const keys = [...this.months.keys()].sort((a, b) => a - b);
    const first = keys[0];
    const last = keys.at(-1);
    const months = first !== undefined && last !== undefined && last - first <= MONTHS_FILLED_MAX ? Array.from({ length: last - first + 1 }, (_, i) => first + i) : keys;
    return months.map((n) => {
      const m = this.months.get(n) ?? { intakes: 0, departed: 0, withinAim: 0, days: new Values(1) };
      const month = monthLabel(n);
      return {
        month,
        intakes: count(m.intakes, { kind: 'month', month, measure: 'intakes' }),
        departed: count(m.departed, { kind: 'month', month, measure: 'departed' }),
        departedWithinAim: count(m.withinAim, { kind: 'month', month, measure: 'within_aim' }),
        medianIntakeToDeparture: m.days.summarize().median,
      };
    });
  }

  /** The fiscal years the range overlaps that have a target or a departure. */
  private targetRows(query: ReportQuery, ctx: ReportContext): TargetRow[] {
    const fromYear = fiscalYearOf(query.from);
    const toYear = fiscalYearOf(query.to);
    const targets = new Map(ctx.targets.map((t) => [t.fiscalYear, t]));
    const rows: TargetRow[] = [];
    for (let year = fromYear; year <= toYear; year++) {
      const t = targets.get(year);
      const f = this.fiscalYears.get(year);
      if (!t && !f) continue;
      const departedPersons = f?.persons ?? 0;
      rows.push({
        fiscalYear: year,
        label: fiscalYearLabel(year),
        target: t?.removals ?? null,
        source: t?.source ?? null,
        historical: t?.historical ?? false,
        departedPersons,
        departedCases: count(f?.cases ?? 0, { kind: 'fiscal_year', year }),
        share: t && t.removals > 0 ? departedPersons / t.removals : null,
      });
    }
    return rows;
  }

  /** Most cases first, then by code ("not recorded" last); a row with departures only (event basis) too. */
  private placeRows(by: PlaceBy): PlaceRow[] {
    return [...this.places[by].entries()]
      .filter(([, p]) => p.cases > 0 || p.departed > 0)
      .sort(([ca, a], [cb, b]) => b.cases - a.cases || b.departed - a.departed || (ca === null ? 1 : cb === null ? -1 : ca < cb ? -1 : ca > cb ? 1 : 0))
      .map(([code, p]) => ({
        code,
        cases: count(p.cases, { kind: 'place', by, code, measure: 'cases' }),
        persons: p.persons,
        departed: count(p.departed, { kind: 'place', by, code, measure: 'departed' }),
        departedPersons: p.departedPersons,
        medianIntakeToDeparture: p.days.summarize().median,
        dco: count(p.dco, { kind: 'place', by, code, measure: 'dco' }),
      }));
  }
}


