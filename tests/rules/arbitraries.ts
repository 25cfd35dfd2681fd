/** fast-check generators of case facts, biased towards complete, eligible-looking facts so that
 * the properties see every outcome often (a plain uniform generator almost never gives "eligible"). */
import fc from 'fast-check';
import type { CaseFacts, PersonFacts } from '../../shared/rules/index';

const DAY_MS = 86_400_000;
const FIRST = Date.UTC(2012, 5, 1); // 2012-06-01, before the programme
const LAST = Date.UTC(2021, 0, 1);

export const isoDateArb = fc
  .integer({ min: 0, max: Math.round((LAST - FIRST) / DAY_MS) })
  .map((d) => new Date(FIRST + d * DAY_MS).toISOString().slice(0, 10));

/** Mostly `good`, sometimes any of `others` or unknown (null or absent). */
function mostly<T>(good: T, others: readonly T[]): fc.Arbitrary<T | null | undefined> {
  return fc.oneof(
    { arbitrary: fc.constant(good), weight: 12 },
    { arbitrary: fc.constantFrom(...others), weight: 1 },
    { arbitrary: fc.constantFrom(null, undefined), weight: 1 },
  );
}
const flag = (good: boolean) => mostly(good, [!good]);

/** Drop keys whose value is undefined: an absent field, as in a case file. */
function compact<T extends object>(o: T): T {
  const c = { ...o };
  for (const [k, v] of Object.entries(c)) if (v === undefined) Reflect.deleteProperty(c, k);
  return c;
}

const claimArb = fc
  .record({
    outcome: mostly('rejected' as const, ['withdrawn', 'abandoned', 'pending', 'accepted', 'none'] as const),
    inGta: flag(true),
    noCredibleBasis: flag(false),
    manifestlyUnfounded: flag(false),
    radAppeal: mostly('none' as const, ['pending', 'dismissed', 'allowed'] as const),
  })
  .map(compact);

export const personArb = (id: string): fc.Arbitrary<PersonFacts> =>
  fc
    .record({
      id: fc.constant(id),
      relationship: fc.constantFrom('principal' as const, 'spouse' as const, 'child' as const, 'other' as const, null),
      dateOfBirth: fc.option(fc.constantFrom('1970-01-01', '1996-02-29', '2001-07-14', '2010-12-31'), { nil: undefined }),
      nationality: fc.constantFrom('HUN', 'MEX', 'CHL', 'KOR', 'COL', 'ROU', 'NGA', null, undefined),
      claim: fc.oneof({ arbitrary: claimArb, weight: 12 }, { arbitrary: fc.constantFrom(null, undefined), weight: 1 }),
      federalCourtLeaveApplied: fc.constantFrom(true, false, false, null),
      prraApplied: fc.constantFrom(true, false, false, null),
      criminalRecord: flag(false),
      inadmissibleSecurity: flag(false),
      inadmissibleHumanRights: flag(false),
      inadmissibleOrganizedCrime: flag(false),
      prApplicationWithSpousalSponsorship: flag(false),
      compliantWithConditions: flag(true),
    })
    .map(compact);

export const caseArb: fc.Arbitrary<CaseFacts> = fc
  .tuple(isoDateArb, fc.integer({ min: 1, max: 6 }))
  .chain(([applicationDate, n]) =>
    fc.tuple(...Array.from({ length: n }, (_, i) => personArb(`p${i + 1}`))).map((persons) => ({ applicationDate, persons })),
  );
