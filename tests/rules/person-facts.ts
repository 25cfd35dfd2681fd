import type { PersonFacts } from '../../shared/rules/index';

/**
 * A person every condition holds for and no exclusion applies to (claim rejected in the GTA,
 * compliant, no recourse taken): the base that tests and benchmarks change one fact of.
 */
export function eligiblePersonFacts(id: string, extra: Partial<PersonFacts> = {}): PersonFacts {
  return {
    id,
    nationality: 'COL',
    claim: { outcome: 'rejected', inGta: true, noCredibleBasis: false, manifestlyUnfounded: false, radAppeal: 'none' },
    federalCourtLeaveApplied: false,
    prraApplied: false,
    criminalRecord: false,
    inadmissibleSecurity: false,
    inadmissibleHumanRights: false,
    inadmissibleOrganizedCrime: false,
    prApplicationWithSpousalSponsorship: false,
    compliantWithConditions: true,
    ...extra,
  };
}
