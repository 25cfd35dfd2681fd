import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDaysIso } from '../../../shared/case/timeline';
import { casesInCell, cellScope, cellsOf } from '../../../shared/reports/cells';
import type { ReportContext } from '../../../shared/reports/cells';
import { computeReport } from '../../../shared/reports/compute';
import { plainReport } from '../../../shared/reports/plain';
import type { ReportQuery } from '../../../shared/reports/query';
import { funnelSteps } from '../../../shared/reports/report';
import type { Count, DayStats, Report } from '../../../shared/reports/report';
import type { ReportCase } from '../../../shared/reports/report-case';
import { mergeTargets } from '../../../shared/reports/targets';
import { CURRENT_POLICY, TODAY, reportCases } from './generate';

/**
 * Properties of the report over generated, consistent cases (tests/unit/reports/generate.ts):
 * every number is the tally of the cells its cases are in (so its drill-down lists exactly them),
 * the application funnel never grows, the rows add up, the statistics are ordered, and a range
 * covering everything gives the all-time figures.
 */
const ctx: ReportContext = { today: TODAY, generatedAt: `${TODAY}T12:00:00.000Z`, targets: mergeTargets([]), currentPolicyVersion: CURRENT_POLICY };
const RUNS = { numRuns: 120 };

const date = fc.integer({ min: 0, max: 16 * 365 }).map((d) => addDaysIso('2011-06-01', d));
const query: fc.Arbitrary<ReportQuery> = fc
  .record({ a: date, b: date, basis: fc.constantFrom('application' as const, 'event' as const) })
  .map(({ a, b, basis }) => (a <= b ? { from: a, to: b, basis } : { from: b, to: a, basis }));

function isCount(v: unknown): v is Count {
  return typeof v === 'object' && v !== null && 'n' in v && 'cell' in v && typeof v.n === 'number' && typeof v.cell === 'string';
}

/** Every Count of the report, with where it is. */
function countsOf(v: unknown, path = 'report', out: { path: string; count: Count }[] = []): { path: string; count: Count }[] {
  if (isCount(v)) out.push({ path, count: v });
  else if (Array.isArray(v)) v.forEach((x, i) => countsOf(x, `${path}[${i}]`, out));
  else if (typeof v === 'object' && v !== null) for (const [k, x] of Object.entries(v)) countsOf(x, `${path}.${k}`, out);
  return out;
}

function statsOf(r: Report): DayStats[] {
  return [...r.times.intervals, r.travelDocuments.daysToObtain];
}

/** The cases of each cell, by visiting each case with cellsOf (the drill-down's own code). */
function tally(cases: readonly ReportCase[], q: ReportQuery): Map<string, string[]> {
  const scope = cellScope(cases, q, ctx);
  const byCell = new Map<string, string[]>();
  for (const c of cases) {
    const cells = cellsOf(c, scope);
    expect(new Set(cells).size, `${c.id}: a case is in a cell at most once`).toBe(cells.length);
    for (const cell of cells) byCell.set(cell, [...(byCell.get(cell) ?? []), c.id]);
  }
  return byCell;
}

describe('report properties (generated cases)', () => {
  it('every Count is the number of cases its cell lists (the tallies of cellsOf, and casesInCell)', () => {
    fc.assert(
      fc.property(reportCases({ disorder: true }), query, fc.nat(), (cases, q, pick) => {
        const r = computeReport(cases, q, ctx);
        const byCell = tally(cases, q);
        const counts = countsOf(r);
        for (const { path, count } of counts) expect(count.n, `${path} (${count.cell})`).toBe(byCell.get(count.cell)?.length ?? 0);
        // The drill-down itself, on a few of them (each lists exactly the cases of the tally).
        for (let i = 0; i < 6 && counts.length > 0; i++) {
          const { count } = counts[(pick + i * 7919) % counts.length]!;
          expect(casesInCell(cases, q, ctx, count.cell).map((c) => c.id)).toEqual(byCell.get(count.cell) ?? []);
        }
      }),
      RUNS,
    );
  });

  it('application basis: the funnel never grows from one step to the next; stopped and in progress are within the step', () => {
    fc.assert(
      fc.property(reportCases(), query, (cases, q) => {
        const r = computeReport(cases, { ...q, basis: 'application' }, ctx);
        const n = r.funnel.map((f) => f.count.n);
        for (let i = 1; i < n.length; i++) expect(n[i]!).toBeLessThanOrEqual(n[i - 1]!);
        for (let i = 0; i < r.funnel.length; i++) {
          const f = r.funnel[i]!;
          const leftHere = f.stopped.reduce((s, x) => s + x.count.n, 0) + f.inProgress.n;
          // The step's cases: those that went further, stopped here, are still here, or closed here.
          expect(leftHere + (r.funnel[i + 1]?.count.n ?? 0)).toBeLessThanOrEqual(f.count.n);
        }
        expect(r.funnel[0]!.count.n).toBe(r.cases.n);
      }),
      RUNS,
    );
  });

  it('event basis: a step counts stopped and in-progress cases among its own', () => {
    fc.assert(
      fc.property(reportCases(), query, (cases, q) => {
        const r = computeReport(cases, { ...q, basis: 'event' }, ctx);
        for (const f of r.funnel) expect(f.stopped.reduce((s, x) => s + x.count.n, 0) + f.inProgress.n).toBeLessThanOrEqual(f.count.n);
      }),
      RUNS,
    );
  });

  it('by country and by nationality: the rows add up to the cases and their persons', () => {
    fc.assert(
      fc.property(reportCases(), query, (cases, q) => {
        const r = computeReport(cases, q, ctx);
        for (const rows of [r.byCountry, r.byNationality]) {
          expect(rows.reduce((s, p) => s + p.cases.n, 0)).toBe(r.cases.n);
          expect(rows.reduce((s, p) => s + p.persons, 0)).toBe(r.funnel[0]!.persons);
          expect(rows.reduce((s, p) => s + p.departed.n, 0)).toBe(r.times.departed.n);
          expect(new Set(rows.map((p) => p.code)).size).toBe(rows.length);
        }
        const stateSum = r.travelDocuments.byState.reduce((s, x) => s + x.count.n, 0);
        expect(stateSum).toBe(r.travelDocuments.referred.n);
        expect(r.exits.rows.reduce((s, x) => s + x.count.n, 0)).toBe(r.exits.total.n);
        expect(r.assistance.byTier.reduce((s, t) => s + t.persons, 0)).toBe(r.assistance.totals.persons);
        expect(r.assistance.byCategory.reduce((s, t) => s + t.committedCad, 0)).toBe(r.assistance.totals.committedCad);
      }),
      RUNS,
    );
  });

  it('medians lie between min and max; p90 between the median and max', () => {
    fc.assert(
      fc.property(reportCases(), query, (cases, q) => {
        const r = computeReport(cases, q, ctx);
        for (const s of statsOf(r)) {
          if (s.cases.n === 0) {
            expect([s.median, s.p90, s.min, s.max, s.mean]).toEqual([null, null, null, null, null]);
            continue;
          }
          expect(s.min!).toBeLessThanOrEqual(s.median!);
          expect(s.median!).toBeLessThanOrEqual(s.p90!);
          expect(s.p90!).toBeLessThanOrEqual(s.max!);
          expect(s.mean!).toBeGreaterThanOrEqual(s.min!);
          expect(s.mean!).toBeLessThanOrEqual(s.max!);
        }
        const all = r.times.intervals.find((i) => i.interval === 'intake_to_departure')!;
        for (const m of [...r.times.byMonth.map((x) => x.medianIntakeToDeparture), ...r.byCountry.map((p) => p.medianIntakeToDeparture)]) {
          if (m === null) continue;
          expect(m).toBeGreaterThanOrEqual(all.min!);
          expect(m).toBeLessThanOrEqual(all.max!);
        }
        expect(r.times.withinAim.n).toBeLessThanOrEqual(r.times.departed.n);
      }),
      RUNS,
    );
  });

  it('a range covering everything gives the all-time figures, whatever its ends', () => {
    fc.assert(
      fc.property(reportCases(), fc.constantFrom('application' as const, 'event' as const), (cases, basis) => {
        const wide = computeReport(cases, { from: '2000-01-01', to: '2099-12-31', basis }, ctx);
        const snug = computeReport(cases, { from: '2012-01-01', to: TODAY, basis }, ctx);
        expect({ ...snug, query: null }).toEqual({ ...wide, query: null });

        const has = (f: (c: ReportCase) => unknown) => cases.filter((c) => f(c) !== null && f(c) !== false).length;
        expect(wide.cases.n).toBe(cases.length);
        expect(wide.funnel[0]!.persons).toBe(cases.reduce((s, c) => s + c.persons, 0));
        expect(wide.exits.total.n).toBe(has((c) => c.exit));
        expect(wide.times.departed.n).toBe(has((c) => c.stages.departedOn));
        expect(wide.travelDocuments.referred.n).toBe(has((c) => c.referredOn));
        const own = [
          (c: ReportCase) => c.intakeOn,
          (c: ReportCase) => c.screenedOn ?? c.decision?.decidedOn ?? null,
          (c: ReportCase) => c.decision?.decidedOn ?? null,
          (c: ReportCase) => c.consentedOn,
          (c: ReportCase) => c.referredOn,
          (c: ReportCase) => c.stages.acknowledgedOn,
          (c: ReportCase) => c.stages.departedOn,
          (c: ReportCase) => c.stages.assistanceDeliveredOn,
        ];
        const expected = funnelSteps.map((_, i) =>
          basis === 'event' ? has(own[i]!) : cases.filter((c) => own.some((f, j) => j >= i && f(c) !== null)).length,
        );
        expect(wide.funnel.map((f) => f.count.n)).toEqual(expected);
        // Targets: every departure falls in some fiscal year row.
        expect(wide.targets.reduce((s, t) => s + t.departedCases.n, 0)).toBe(has((c) => c.stages.departedOn));
      }),
      { numRuns: 60 },
    );
  });

  it('two adjacent ranges add up to the range they cover', () => {
    fc.assert(
      fc.property(reportCases(), query, fc.integer({ min: 0, max: 400 }), (cases, q, cut) => {
        const mid = addDaysIso(q.from, cut);
        if (mid >= q.to) return;
        const whole = computeReport(cases, q, ctx);
        const first = computeReport(cases, { ...q, to: mid }, ctx);
        const second = computeReport(cases, { ...q, from: addDaysIso(mid, 1) }, ctx);
        const sum = (f: (r: Report) => number) => f(first) + f(second);
        expect(sum((r) => r.cases.n)).toBe(whole.cases.n);
        for (let i = 0; i < funnelSteps.length; i++) expect(sum((r) => r.funnel[i]!.count.n)).toBe(whole.funnel[i]!.count.n);
        expect(sum((r) => r.exits.total.n)).toBe(whole.exits.total.n);
        expect(sum((r) => r.times.departed.n)).toBe(whole.times.departed.n);
        expect(sum((r) => r.times.withinAim.n)).toBe(whole.times.withinAim.n);
        expect(sum((r) => r.travelDocuments.referred.n)).toBe(whole.travelDocuments.referred.n);
        for (let k = 0; k < whole.integrity.counts.length; k++) expect(sum((r) => r.integrity.counts[k]!.count.n)).toBe(whole.integrity.counts[k]!.count.n);
      }),
      RUNS,
    );
  });

  it('suspected duplicates: exactly the cases sharing a person with another open case, naming the smallest such case', () => {
    fc.assert(
      fc.property(reportCases({ maxLength: 40 }), query, (cases, q) => {
        const r = computeReport(cases, { ...q, basis: 'application' }, ctx);
        const open = (c: ReportCase) => c.exit === null && !['closed', 'withdrawn', 'did_not_depart', 'iom_declined', 'travel_document_refused'].includes(c.status);
        const shares = (a: ReportCase, b: ReportCase) =>
          a.identities.some((p) => b.identities.some((o) => (p.uci !== null && p.uci === o.uci) || p.nameDob === o.nameDob));
        const expected = cases
          .filter((c) => c.appliedOn >= q.from && c.appliedOn <= q.to)
          .flatMap((c) => {
            const others = cases.filter((o) => o !== c && open(o) && shares(c, o)).map((o) => o.caseNumber).sort();
            return others.length > 0 ? [[c.caseNumber, others[0]]] : [];
          })
          .sort();
        const flagged = r.integrity.rows.flatMap((row) => row.issues.filter((i) => i.issue === 'duplicate_suspected').map((i) => [row.caseNumber, i.detail.otherCase]));
        expect(flagged).toEqual(expected);
      }),
      RUNS,
    );
  });

  it('the plain report has every Count as its number, the funnel in order', () => {
    fc.assert(
      fc.property(reportCases({ maxLength: 20 }), query, (cases, q) => {
        const r = computeReport(cases, q, ctx);
        const p = plainReport(r);
        expect(p.funnel.map((f) => [f.step, f.count])).toEqual(r.funnel.map((f) => [f.step, f.count.n]));
        expect(countsOf(p)).toEqual([]);
        expect(p.cases).toBe(r.cases.n);
        expect(p.integrity.counts.map((c) => c.count)).toEqual(r.integrity.counts.map((c) => c.count.n));
      }),
      { numRuns: 40 },
    );
  });
});
