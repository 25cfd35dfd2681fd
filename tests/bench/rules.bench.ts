/**
 * Rules benchmark (issue 3 targets): evaluateCase for a family of 6, p95 <= 50 µs; 100,000
 * persons evaluated in under 1 s. Also shows the cost when every call brings a new application
 * date (nothing memoised for it yet) and the what-if helper.
 */
import { evaluateCase, policy, whatIf, type CaseFacts, type PersonFacts, type Policy } from '../../shared/rules/index';
import { eligiblePersonFacts } from '../rules/person-facts';
import { sample, summarize } from './stats';

const person = (i: number, extra: Partial<PersonFacts> = {}): PersonFacts =>
  eligiblePersonFacts(`p${i}`, {
    relationship: i === 0 ? 'principal' : i === 1 ? 'spouse' : 'child',
    dateOfBirth: i < 2 ? '1980-05-01' : `20${String(i).padStart(2, '0')}-03-15`,
    nationality: i % 2 === 0 ? 'HUN' : 'COL',
    federalCourtLeaveApplied: i % 3 === 0,
    ...extra,
  });

/** Varied people: eligible, excluded, unknown facts, review. */
const VARIANTS: readonly Partial<PersonFacts>[] = [
  {},
  { criminalRecord: true },
  { prraApplied: true },
  { compliantWithConditions: null },
  { claim: { outcome: 'withdrawn' } },
  { claim: { outcome: 'rejected', inGta: true, noCredibleBasis: false, manifestlyUnfounded: true, radAppeal: 'pending' } },
  { nationality: 'MEX', federalCourtLeaveApplied: null },
];

const family6: CaseFacts = { applicationDate: '2013-03-01', persons: [0, 1, 2, 3, 4, 5].map((i) => person(i)) };

function isoDay(offset: number): string {
  return new Date(Date.UTC(2012, 5, 29) + offset * 86_400_000).toISOString().slice(0, 10);
}

const us = (samplesMs: number[]) => {
  const s = summarize(samplesMs.map((ms) => ms * 1000));
  return { n: s.n, p50Us: s.p50, p95Us: s.p95, maxUs: s.max };
};

export default async () => {
  // 1. Family of 6, the intake screen's case: same date call after call.
  const warm = us(await sample(20_000, () => evaluateCase(family6), 2_000));

  // 2. Family of 6 with a new application date on every call and a fresh policy object
  //    (nothing memoised: parameters, traces and texts are resolved each time).
  const fresh: Policy = structuredClone(policy);
  const cold = us(await sample(2_500, (i) => evaluateCase({ ...family6, applicationDate: isoDay(Math.max(i, 0) + 10) }, { policy: fresh }), 0));

  // 3. 100,000 persons: 16,667 cases of 6 (the last of 4), varied facts, 2,500 distinct dates,
  //    evaluated once with a fresh policy (cold memo) and once more (warm).
  const cases: CaseFacts[] = [];
  let made = 0;
  for (let c = 0; made < 100_000; c++) {
    const size = Math.min(6, 100_000 - made);
    const persons = Array.from({ length: size }, (_, i) => person(i, VARIANTS[(c + i) % VARIANTS.length]));
    cases.push({ applicationDate: isoDay(c % 2_500), persons });
    made += size;
  }
  const run100k = (pol: Policy) => {
    const t0 = performance.now();
    let eligible = 0;
    for (const c of cases) for (const p of evaluateCase(c, { policy: pol }).persons) if (p.outcome === 'eligible') eligible++;
    return { ms: performance.now() - t0, eligible };
  };
  const cold100k = run100k(structuredClone(policy));
  const warm100k = run100k(policy);
  const warm100kAgain = run100k(policy);


  // 4. what-if for the family of 6 (the officer's button, not typed live).
  const wi = us(await sample(500, () => whatIf(family6), 20));

  const round = (x: number) => Math.round(x * 10) / 10;
  return {
    family6: { ...warm, targetP95Us: 50, met: warm.p95Us <= 50 },
    family6NewDateEachCall: { ...cold, targetP95Us: 50, met: cold.p95Us <= 50 },
    persons100k: {
      persons: made,
      cases: cases.length,
      coldMs: round(cold100k.ms),
      warmMs: round(Math.min(warm100k.ms, warm100kAgain.ms)),
      eligible: warm100k.eligible,
      targetMs: 1000,
      met: Math.max(cold100k.ms, warm100k.ms) < 1000,
    },
    whatIfFamily6: wi,
  };
};
