import type { CaseFacts, PersonFacts } from '../schema/case-facts';
import { isRealIsoDate } from '../schema/common';

/**
 * The rules' view of an intake. Works on what the officer has typed so far (a draft, possibly
 * incomplete or invalid): anything missing or malformed becomes `null`, i.e. unknown, which
 * the rules never turn into "eligible".
 */
export function intakeToCaseFacts(draft: unknown): CaseFacts {
  const d = obj(draft);
  const persons = Array.isArray(d.persons) ? d.persons : [];
  return {
    applicationDate: date(d.applicationDate) ?? '',
    persons: persons.slice(0, 50).map((raw, i): PersonFacts => {
      const p = obj(raw);
      const f = obj(p.facts);
      const c = obj(f.claim);
      return {
        id: typeof p.id === 'string' && p.id !== '' ? p.id.slice(0, 64) : `person-${i + 1}`,
        relationship: oneOf(p.relationship, ['principal', 'spouse', 'child', 'other'] as const),
        dateOfBirth: date(p.dateOfBirth),
        nationality: typeof p.nationality === 'string' && /^[A-Z]{3}$/.test(p.nationality.toUpperCase()) ? p.nationality.toUpperCase() : null,
        claim: {
          outcome: oneOf(c.outcome, ['rejected', 'withdrawn', 'abandoned', 'pending', 'accepted', 'none'] as const),
          inGta: bool(c.inGta),
          noCredibleBasis: bool(c.noCredibleBasis),
          manifestlyUnfounded: bool(c.manifestlyUnfounded),
          radAppeal: oneOf(c.radAppeal, ['none', 'pending', 'dismissed', 'allowed'] as const),
        },
        federalCourtLeaveApplied: bool(f.federalCourtLeaveApplied),
        prraApplied: bool(f.prraApplied),
        criminalRecord: bool(f.criminalRecord),
        inadmissibleSecurity: bool(f.inadmissibleSecurity),
        inadmissibleHumanRights: bool(f.inadmissibleHumanRights),
        inadmissibleOrganizedCrime: bool(f.inadmissibleOrganizedCrime),
        prApplicationWithSpousalSponsorship: bool(f.prApplicationWithSpousalSponsorship),
        compliantWithConditions: bool(f.compliantWithConditions),
      };
    }),
  };
}

function obj(v: unknown): Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}
function bool(v: unknown): boolean | null {
  return typeof v === 'boolean' ? v : null;
}
function date(v: unknown): string | null {
  return typeof v === 'string' && isRealIsoDate(v) ? v : null;
}
function oneOf<const T extends readonly string[]>(v: unknown, options: T): T[number] | null {
  return typeof v === 'string' && (options as readonly string[]).includes(v) ? (v as T[number]) : null;
}
