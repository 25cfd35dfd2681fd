import type { Count, DayStats, PlaceRow, Report } from './report';

/**
 * The report with every Count replaced by its number: what `npm run report -- --format json`
 * prints and what the CSV is written from. `funnel` stays a list in funnel order:
 * `{ step, count, persons, stopped, ineligibleCodes, inProgress, outcomes? }[]`.
 */
export type Plain<T> = T extends Count ? number : T extends readonly (infer U)[] ? Plain<U>[] : T extends object ? { [K in keyof T]: Plain<T[K]> } : T;
export type PlainReport = Plain<Report>;

const n = (c: Count): number => c.n;

function plainStats(s: DayStats): Plain<DayStats> {
  return { cases: s.cases.n, median: s.median, p90: s.p90, min: s.min, max: s.max, mean: s.mean };
}

function plainPlace(p: PlaceRow): Plain<PlaceRow> {
  return {
    code: p.code,
    cases: p.cases.n,
    persons: p.persons,
    departed: p.departed.n,
    departedPersons: p.departedPersons,
    medianIntakeToDeparture: p.medianIntakeToDeparture,
    dco: p.dco.n,
  };
}

export function plainReport(r: Report): PlainReport {
  return {
    query: { ...r.query },
    today: r.today,
    generatedAt: r.generatedAt,
    policyVersions: { used: [...r.policyVersions.used], current: r.policyVersions.current },
    aimDays: r.aimDays,
    cases: n(r.cases),
    funnel: r.funnel.map((f) => {
      const row: Plain<Report['funnel'][number]> = {
        step: f.step,
        count: n(f.count),
        persons: f.persons,
        stopped: f.stopped.map((s) => ({ kind: s.kind, count: n(s.count) })),
        ineligibleCodes: f.ineligibleCodes.map((s) => ({ code: s.code, count: n(s.count) })),
        inProgress: n(f.inProgress),
      };
      if (f.outcomes) row.outcomes = f.outcomes.map((o) => ({ outcome: o.outcome, count: n(o.count) }));
      return row;
    }),
    times: {
      intervals: r.times.intervals.map((i) => ({ interval: i.interval, ...plainStats(i) })),
      departed: n(r.times.departed),
      withinAim: n(r.times.withinAim),
      shareWithinAim: r.times.shareWithinAim,
      byMonth: r.times.byMonth.map((m) => ({
        month: m.month,
        intakes: n(m.intakes),
        departed: n(m.departed),
        departedWithinAim: n(m.departedWithinAim),
        medianIntakeToDeparture: m.medianIntakeToDeparture,
      })),
    },
    targets: r.targets.map((t) => ({ ...t, departedCases: n(t.departedCases) })),
    byCountry: r.byCountry.map(plainPlace),
    byNationality: r.byNationality.map(plainPlace),
    assistance: {
      byTier: r.assistance.byTier.map((t) => ({ ...t, cases: n(t.cases) })),
      byCategory: r.assistance.byCategory.map((c) => ({ ...c, cases: n(c.cases) })),
      totals: { ...r.assistance.totals, cases: n(r.assistance.totals.cases) },
    },
    travelDocuments: {
      referred: n(r.travelDocuments.referred),
      byState: r.travelDocuments.byState.map((s) => ({ state: s.state, count: n(s.count) })),
      needed: n(r.travelDocuments.needed),
      daysToObtain: plainStats(r.travelDocuments.daysToObtain),
    },
    exits: {
      rows: r.exits.rows.map((x) => ({ ...x, count: n(x.count) })),
      total: n(r.exits.total),
    },
    integrity: {
      counts: r.integrity.counts.map((c) => ({ issue: c.issue, count: n(c.count) })),
      rows: r.integrity.rows.map((row) => ({ ...row, issues: row.issues.map((i) => ({ issue: i.issue, detail: { ...i.detail } })) })),
      truncated: r.integrity.truncated,
    },
  };
}
