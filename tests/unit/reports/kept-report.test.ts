import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { computeReport } from '../../../shared/reports/compute';
import type { ReportContext } from '../../../shared/reports/compute';
import { clearKeptReports, keptReport } from '../../../shared/reports/kept-report';
import type { ReportQuery } from '../../../shared/reports/query';
import type { ReportCase } from '../../../shared/reports/report-case';
import { CURRENT_POLICY, TODAY, randomCases, reportCases } from './generate';

/**
 * The report kept per query between calls (shared/reports/kept-report.ts) is brought up to date
 * from the cases that changed: after any run of changes (a case's new version with other dates,
 * outcome or exit, a case withdrawn, departed, closed or reopened, given another person, cases
 * added, taken out, moved), every number, row and drill-down cell it gives must be computeReport's
 * over the whole list, for each query, whichever query was asked in between.
 */

const ctx: ReportContext = { today: TODAY, generatedAt: `${TODAY}T12:00:00.000Z`, targets: [], currentPolicyVersion: CURRENT_POLICY };
const queries: ReportQuery[] = [
  { from: '2014-04-01', to: '2015-03-31', basis: 'application' },
  { from: '2014-04-01', to: '2015-03-31', basis: 'event' },
  { from: '2000-01-01', to: TODAY, basis: 'application' },
  { from: '2020-04-01', to: '2027-03-31', basis: 'event' },
];

/** One change to the list load.ts hands out (each a new object: load.ts never changes one in place). */
const edit = fc.record({
  kind: fc.constantFrom('replace', 'version', 'withdraw', 'depart', 'close', 'reopen', 'person', 'add', 'remove', 'swap'),
  at: fc.nat(),
  from: fc.nat(),
});

let added = 0;

function apply(list: ReportCase[], e: { kind: string; at: number; from: number }, pool: readonly ReportCase[]): ReportCase[] {
  const fresh = pool[e.from % Math.max(1, pool.length)];
  if (list.length === 0) return e.kind === 'add' && fresh ? [{ ...fresh, id: `added-${++added}`, caseNumber: `AVRR-9${String(added).padStart(5, '0')}` }] : list;
  const at = e.at % list.length;
  const c = list[at]!;
  const other = list[e.from % list.length]!;
  const next = [...list];
  switch (e.kind) {
    case 'replace':
      // Another version of the case: whatever changed (dates, outcome, exit, persons, assistance).
      if (fresh) next[at] = { ...fresh, id: c.id, caseNumber: c.caseNumber };
      break;
    case 'version':
      next[at] = { ...c };
      break;
    case 'withdraw':
      next[at] = { ...c, status: 'withdrawn', exit: { kind: 'withdrawn', on: TODAY, from: c.status, reasonGiven: true } };
      break;
    case 'depart':
      next[at] = { ...c, status: 'departed', stages: { ...c.stages, departedOn: TODAY, sequence: [...c.stages.sequence, { action: 'confirmDeparture', on: TODAY }] } };
      break;
    case 'close':
      next[at] = { ...c, status: 'closed' };
      break;
    case 'reopen':
      next[at] = { ...c, status: 'referred', exit: null };
      break;
    case 'person':
      next[at] = { ...c, persons: c.persons + 1, identities: [...c.identities, ...other.identities.slice(0, 1)] };
      break;
    case 'add':
      // A new case: a number and id of its own (as the register gives).
      if (fresh) {
        added++;
        next.splice(at, 0, { ...fresh, id: `added-${added}`, caseNumber: `AVRR-9${String(added).padStart(5, '0')}` });
      }
      break;
    case 'remove':
      next.splice(at, 1);
      break;
    case 'swap':
      if (other !== c) {
        next[at] = other;
        next[e.from % list.length] = c;
      }
      break;
  }
  return next;
}

const fresh = (cases: readonly ReportCase[], q: ReportQuery, c: ReportContext = ctx) => computeReport(cases.map((x) => ({ ...x })), q, c);

beforeEach(() => clearKeptReports());

describe('a report kept between calls', () => {
  it('after any run of changes, gives every number computeReport gives', () => {
    fc.assert(
      fc.property(reportCases({ maxLength: 30 }), reportCases({ maxLength: 8 }), fc.array(fc.tuple(fc.array(edit, { maxLength: 4 }), fc.nat(3)), { maxLength: 8 }), (start, pool, runs) => {
        clearKeptReports();
        let list = start;
        for (const q of queries) expect(keptReport(list, q, ctx)).toEqual(fresh(list, q));
        for (const [run, qi] of runs) {
          for (const e of run) list = apply(list, e, pool);
          const q = queries[qi] ?? queries[0]!;
          expect(keptReport(list, q, ctx)).toEqual(fresh(list, q));
        }
        for (const q of queries) expect(keptReport(list, q, ctx)).toEqual(fresh(list, q));
      }),
      { numRuns: 120 },
    );
  });

  it('a few cases changed among thousands before each call, the queries taken in turn: the same as a fresh pass', () => {
    let list = randomCases(3000, 11, { personsMax: 4, openShare: 0.4 });
    const pool = randomCases(40, 12);
    for (const q of queries) expect(keptReport(list, q, ctx)).toEqual(fresh(list, q));
    for (let round = 0; round < 12; round++) {
      const kinds = ['replace', 'withdraw', 'person', 'reopen', 'close', 'depart', 'add', 'remove'];
      for (let k = 0; k < 3; k++) list = apply(list, { kind: kinds[(round + k) % kinds.length] ?? 'version', at: round * 997 + k * 389, from: round * 7 + k }, pool);
      const q = queries[round % queries.length] ?? queries[0]!;
      expect(keptReport(list, q, ctx)).toEqual(fresh(list, q));
    }
  });

  it('another day, policy version or set of targets: the numbers of that day, version and targets', () => {
    const list = randomCases(400, 3, { openShare: 0.5 });
    const q = queries[2]!;
    keptReport(list, q, ctx);
    const later: ReportContext = { ...ctx, today: '2027-02-01', generatedAt: '2027-02-01T09:00:00.000Z' };
    expect(keptReport(list, q, later)).toEqual(fresh(list, q, later));
    const policy: ReportContext = { ...ctx, currentPolicyVersion: '2013-02-15.1' };
    expect(keptReport(list, q, policy)).toEqual(fresh(list, q, policy));
    const targets: ReportContext = { ...ctx, targets: [{ fiscalYear: 2014, removals: 1039, source: 'Brief', historical: true, recordedAt: null, recordedBy: null }] };
    expect(keptReport(list, queries[0]!, targets)).toEqual(fresh(list, queries[0]!, targets));
  });

  it('amounts that are not whole numbers: made afresh, the same as computeReport', () => {
    const list = randomCases(300, 5);
    const q = queries[2]!;
    keptReport(list, q, ctx);
    const i = list.findIndex((c) => c.assistance.length > 0);
    const c = list[i]!;
    const next = [...list];
    next[i] = { ...c, assistance: c.assistance.map((p) => ({ ...p, maxCad: p.maxCad + 0.1 })) };
    expect(keptReport(next, q, ctx)).toEqual(fresh(next, q));
    const back = [...next];
    back[i] = { ...c };
    expect(keptReport(back, q, ctx)).toEqual(fresh(back, q));
  });
});
