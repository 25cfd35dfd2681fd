import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isOpen } from '../../../shared/reports/cells';
import { duplicateIndex } from '../../../shared/reports/duplicates';
import type { ReportCase } from '../../../shared/reports/report-case';
import { randomCases, reportCases } from './generate';

/**
 * The duplicate index is kept between reports and brought up to date from the last list: after
 * any run of changes (cases replaced by a new version, opened or closed, given another person;
 * cases added, taken out, moved) it must name what a fresh look at the whole list names.
 */
function expected(cases: readonly ReportCase[]): (string | null)[] {
  const shares = (a: ReportCase, b: ReportCase) => a.identities.some((p) => b.identities.some((o) => (p.uci !== null && p.uci !== '' && p.uci === o.uci) || (p.nameDob !== '' && p.nameDob === o.nameDob)));
  return cases.map((c) => cases.filter((o) => o !== c && isOpen(o) && shares(c, o)).map((o) => o.caseNumber).sort()[0] ?? null);
}

const named = (cases: readonly ReportCase[]) => {
  const index = duplicateIndex(cases);
  return cases.map((c) => index.otherOf(c)?.caseNumber ?? null);
};

/** One change to a list: what a new version, a new case or a deletion does to what load.ts hands out. */
const edit = fc.record({
  kind: fc.constantFrom('version', 'close', 'reopen', 'person', 'add', 'remove', 'swap', 'twice'),
  at: fc.nat(),
  from: fc.nat(),
});

function apply(list: ReportCase[], e: { kind: string; at: number; from: number }, pool: readonly ReportCase[]): ReportCase[] {
  if (list.length === 0) return e.kind === 'add' && pool[0] ? [pool[0]] : list;
  const at = e.at % list.length;
  const c = list[at]!;
  const other = list[e.from % list.length]!;
  const next = [...list];
  switch (e.kind) {
    case 'version':
      next[at] = { ...c };
      break;
    case 'close':
      next[at] = { ...c, status: 'closed' };
      break;
    case 'reopen':
      next[at] = { ...c, status: 'referred', exit: null };
      break;
    case 'person':
      next[at] = { ...c, identities: [...c.identities, ...other.identities.slice(0, 1)] };
      break;
    case 'add': {
      const n = pool[e.from % Math.max(1, pool.length)];
      if (n) next.splice(at, 0, { ...n, caseNumber: `${n.caseNumber}-${list.length}` });
      break;
    }
    case 'remove':
      next.splice(at, 1);
      break;
    case 'swap':
      next[at] = other;
      next[e.from % list.length] = c;
      break;
    case 'twice':
      next[at] = other;
      break;
  }
  return next;
}

describe('duplicate index kept between reports', () => {
  it('after any run of changes, names what a fresh look names', () => {
    fc.assert(
      fc.property(reportCases({ maxLength: 30 }), fc.array(fc.array(edit, { maxLength: 4 }), { maxLength: 8 }), (start, runs) => {
        let list = start;
        expect(named(list)).toEqual(expected(list));
        for (const run of runs) {
          for (const e of run) list = apply(list, e, start);
          expect(named(list)).toEqual(expected(list));
        }
      }),
      { numRuns: 150 },
    );
  });

  it('a few cases changed among thousands: the same as a fresh index', () => {
    let list = randomCases(1200, 7, { personsMax: 4, openShare: 0.4 });
    for (let round = 0; round < 6; round++) {
      list = apply(list, { kind: 'reopen', at: round * 997, from: 0 }, list);
      list = apply(list, { kind: 'person', at: round * 389, from: round * 211 }, list);
      list = apply(list, { kind: 'close', at: round * 577, from: 0 }, list);
      if (round % 2 === 0) list = apply(list, { kind: 'remove', at: round * 131, from: 0 }, list);
      expect(named(list)).toEqual(expected(list));
    }
  });
});
