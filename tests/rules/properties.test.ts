/** Properties of the rules over generated cases (fast-check). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  evaluateCase,
  FACT_PATHS,
  policy,
  valueAt,
  whatIf,
  type CaseFacts,
  type PersonFacts,
  type PersonFactPath,
  type Policy,
} from '../../shared/rules/index';
import { caseArb } from './arbitraries';

const RUNS = { numRuns: 1500 };

/** The exclusions as changes of a person's facts. */
const EXCLUSIONS: readonly { code: string; apply: (p: PersonFacts) => PersonFacts }[] = [
  { code: 'X1', apply: (p) => ({ ...p, claim: { ...p.claim, outcome: 'withdrawn' } }) },
  { code: 'X1', apply: (p) => ({ ...p, claim: { ...p.claim, outcome: 'abandoned' } }) },
  { code: 'X2', apply: (p) => ({ ...p, claim: { ...p.claim, noCredibleBasis: true } }) },
  { code: 'X3', apply: (p) => ({ ...p, criminalRecord: true }) },
  { code: 'X4', apply: (p) => ({ ...p, inadmissibleSecurity: true }) },
  { code: 'X5', apply: (p) => ({ ...p, inadmissibleHumanRights: true }) },
  { code: 'X6', apply: (p) => ({ ...p, inadmissibleOrganizedCrime: true }) },
  { code: 'X7', apply: (p) => ({ ...p, prApplicationWithSpousalSponsorship: true }) },
];

function replacePerson(c: CaseFacts, i: number, p: PersonFacts): CaseFacts {
  return { ...c, persons: c.persons.map((q, j) => (j === i ? p : q)) };
}

function unknownAt(p: PersonFacts, path: PersonFactPath): PersonFacts {
  if (path.startsWith('claim.')) return { ...p, claim: { ...p.claim, [path.slice(6)]: null } };
  return { ...p, [path]: null };
}

function deepFreeze<T>(o: T): T {
  if (o !== null && typeof o === 'object') {
    for (const v of Object.values(o)) deepFreeze(v);
    Object.freeze(o);
  }
  return o;
}

describe('rules properties', () => {
  it('generates every outcome (the properties below are not vacuous)', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(caseArb, (c) => {
        for (const p of evaluateCase(c).persons) seen.add(p.outcome);
      }),
      { numRuns: 500 },
    );
    expect([...seen].sort()).toEqual(['eligible', 'ineligible', 'needs_review']);
  });

  it('adding any exclusion never turns a person or the case eligible; within the window it makes the person ineligible with that code', () => {
    fc.assert(
      fc.property(caseArb, fc.nat(), fc.constantFrom(...EXCLUSIONS), (c, k, x) => {
        const i = k % c.persons.length;
        const person = c.persons[i];
        if (!person) return;
        const before = evaluateCase(c);
        const after = evaluateCase(replacePerson(c, i, x.apply(person)));
        const b = before.persons[i];
        const a = after.persons[i];
        if (b?.outcome !== 'eligible') expect(a?.outcome).not.toBe('eligible');
        if (before.outcome !== 'eligible') expect(after.outcome).not.toBe('eligible');
        if (c.applicationDate >= '2012-06-29') {
          expect(a?.outcome).toBe('ineligible');
          expect(a?.reasons.map((r) => r.code)).toContain(x.code);
          expect(a?.assistance.maxAmountCad).toBe(0);
        }
      }),
      RUNS,
    );
  });

  it('turning any known fact into unknown never yields eligible (and never raises the amount)', () => {
    fc.assert(
      fc.property(caseArb, fc.nat(), fc.constantFrom(...FACT_PATHS), (c, k, path) => {
        const i = k % c.persons.length;
        const person = c.persons[i];
        if (!person) return;
        const before = evaluateCase(c);
        const after = evaluateCase(replacePerson(c, i, unknownAt(person, path)));
        const b = before.persons[i];
        const a = after.persons[i];
        if (a?.outcome === 'eligible') {
          expect(b?.outcome).toBe('eligible');
          if (a.assistance.maxAmountCad !== null) expect(a.assistance.maxAmountCad).toBe(b?.assistance.maxAmountCad);
        }
        if (after.outcome === 'eligible') expect(before.outcome).toBe('eligible');
        // An eligibility fact made unknown sends an eligible person to review, naming that fact.
        if (b?.outcome === 'eligible' && a?.outcome !== 'eligible') {
          expect(a?.outcome).toBe('needs_review');
          expect(a?.missing).toContain(path);
        }
      }),
      RUNS,
    );
  });

  it('an unknown application date never yields eligible', () => {
    fc.assert(
      fc.property(caseArb, fc.constantFrom('', '2013-02-29', '01/03/2013'), (c, date) => {
        const d = evaluateCase({ ...c, applicationDate: date });
        expect(d.outcome).toBe('needs_review');
        for (const p of d.persons) expect(p.missing).toContain('applicationDate');
      }),
      { numRuns: 100 },
    );
  });

  it('maxAmountCad never exceeds the per-person maximum in force, even if a later tier amount is set higher', () => {
    const generous: Policy = {
      ...policy,
      version: 'test-generous',
      parameters: {
        ...policy.parameters,
        tierAmounts: {
          ...policy.parameters.tierAmounts,
          values: [...policy.parameters.tierAmounts.values, { from: '2014-01-01', value: { T1: 5000, T2: 4000, T3: 3000 }, source: 'test' }],
        },
        dcoAmount: { ...policy.parameters.dcoAmount, values: [...policy.parameters.dcoAmount.values, { from: '2014-01-01', value: 2500, source: 'test' }] },
      },
    };
    fc.assert(
      fc.property(caseArb, fc.constantFrom(policy, generous), (c, pol) => {
        const max = valueAt(pol.parameters.maxPerPerson, c.applicationDate) ?? 0;
        for (const p of evaluateCase(c, { policy: pol }).persons) {
          const amount = p.assistance.maxAmountCad;
          if (amount !== null) expect(amount).toBeLessThanOrEqual(max);
          if (p.outcome === 'ineligible') expect(amount).toBe(0);
          if (p.outcome === 'needs_review') expect(amount).toBeNull();
          if (p.assistance.tier !== null) expect(amount).toBeGreaterThan(0);
        }
      }),
      RUNS,
    );
  });

  it('is a pure function: same input, same output; the input is not mutated', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const copy = structuredClone(c);
        const frozen = deepFreeze(structuredClone(c));
        const first = evaluateCase(frozen);
        const second = evaluateCase(frozen);
        expect(JSON.parse(JSON.stringify(second))).toEqual(JSON.parse(JSON.stringify(first)));
        expect(evaluateCase(copy)).toEqual(first);
        whatIf(frozen);
        expect(frozen).toEqual(copy);
      }),
      { numRuns: 300 },
    );
  });

  it('explains every decision: reasons carry both languages, a reference and a dated trace; nothing missing when ineligible', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const d = evaluateCase(c);
        expect(d.policyVersion).toBe(policy.version);
        for (const p of d.persons) {
          expect(p.reasons.length).toBeGreaterThan(0);
          for (const r of [...p.reasons, ...(p.assistance.basis ? [p.assistance.basis] : [])]) {
            expect(r.text.en.length).toBeGreaterThan(10);
            expect(r.text.fr.length).toBeGreaterThan(10);
            expect(r.text.en).not.toMatch(/undefined|null|NaN/);
            expect(r.text.fr).not.toMatch(/undefined|null|NaN/);
            expect(r.reference).not.toBe('');
            expect(r.trace.date).toBe(c.applicationDate);
            for (const t of r.trace.parameters) expect(t.source).not.toBe('');
          }
          if (p.outcome === 'ineligible') expect(p.missing).toEqual([]);
          if (p.outcome === 'eligible' && p.assistance.tier === null) expect(p.missing.length).toBeGreaterThan(0);
          if (p.outcome === 'needs_review' && !p.reasons.some((r) => r.code === 'R1')) expect(p.missing.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 500 },
    );
  });
});
