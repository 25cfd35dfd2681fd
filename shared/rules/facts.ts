/** The fact paths of a person's case-file entry that the rules read, in case-file order. */
export const FACT_PATHS = [
  'nationality',
  'claim.outcome',
  'claim.inGta',
  'claim.noCredibleBasis',
  'claim.manifestlyUnfounded',
  'claim.radAppeal',
  'federalCourtLeaveApplied',
  'prraApplied',
  'criminalRecord',
  'inadmissibleSecurity',
  'inadmissibleHumanRights',
  'inadmissibleOrganizedCrime',
  'prApplicationWithSpousalSponsorship',
  'compliantWithConditions',
] as const;

export type PersonFactPath = (typeof FACT_PATHS)[number];
/** Also case-level facts: without them nothing can be decided. */
export type FactPath = PersonFactPath | 'applicationDate' | 'persons';

/** Bit of each person fact in a missing-facts mask (index in FACT_PATHS). */
export const BIT: { readonly [K in PersonFactPath]: number } = {
  nationality: 1 << 0,
  'claim.outcome': 1 << 1,
  'claim.inGta': 1 << 2,
  'claim.noCredibleBasis': 1 << 3,
  'claim.manifestlyUnfounded': 1 << 4,
  'claim.radAppeal': 1 << 5,
  federalCourtLeaveApplied: 1 << 6,
  prraApplied: 1 << 7,
  criminalRecord: 1 << 8,
  inadmissibleSecurity: 1 << 9,
  inadmissibleHumanRights: 1 << 10,
  inadmissibleOrganizedCrime: 1 << 11,
  prApplicationWithSpousalSponsorship: 1 << 12,
  compliantWithConditions: 1 << 13,
};

const MASK_CACHE = new Map<number, readonly PersonFactPath[]>();

/** The paths of a mask, in case-file order. Memoised and frozen: callers must not mutate. */
export function pathsOf(mask: number): readonly PersonFactPath[] {
  let out = MASK_CACHE.get(mask);
  if (out === undefined) {
    out = Object.freeze(FACT_PATHS.filter((p) => (mask & BIT[p]) !== 0));
    MASK_CACHE.set(mask, out);
  }
  return out;
}
