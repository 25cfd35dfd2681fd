/**
 * What-if for the officer: which single fact, if it were (or became) known with another value,
 * would change this person's outcome or the case outcome? Setting a known fact back to unknown
 * is not offered (it can only ever lead to "needs review").
 */
import type { Outcome, Tier } from './codes';
import { combineOutcomes, internal, type EvaluateOptions } from './evaluate';
import { isIsoDate } from './dates';
import type { PersonFactPath } from './facts';
import { policy as defaultPolicy } from './policy';
import { claimOutcomes, radAppealStatuses, type CaseFacts, type PersonFacts } from '../schema/case-facts';

type ChangeablePath = Exclude<PersonFactPath, 'nationality'>;

const YES_NO = [true, false] as const;

/** The values tried for each fact (nationality is left out: it changes only the amount). */
export const WHAT_IF_VALUES: { readonly [K in ChangeablePath]: readonly (string | boolean)[] } = {
  'claim.outcome': claimOutcomes,
  'claim.inGta': YES_NO,
  'claim.noCredibleBasis': YES_NO,
  'claim.manifestlyUnfounded': YES_NO,
  'claim.radAppeal': radAppealStatuses,
  federalCourtLeaveApplied: YES_NO,
  prraApplied: YES_NO,
  criminalRecord: YES_NO,
  inadmissibleSecurity: YES_NO,
  inadmissibleHumanRights: YES_NO,
  inadmissibleOrganizedCrime: YES_NO,
  prApplicationWithSpousalSponsorship: YES_NO,
  compliantWithConditions: YES_NO,
};

const PATHS = Object.keys(WHAT_IF_VALUES).filter((k): k is ChangeablePath => k in WHAT_IF_VALUES);

export interface WhatIfChange {
  readonly personId: string;
  readonly path: ChangeablePath;
  /** The recorded value (null when unknown). */
  readonly from: string | boolean | null;
  readonly to: string | boolean;
  /** The person's outcome and assistance after the change. */
  readonly outcome: Outcome;
  readonly tier: Tier | null;
  readonly maxAmountCad: number | null;
  /** The case outcome after the change. */
  readonly caseOutcome: Outcome;
}

function read(p: PersonFacts, path: ChangeablePath): string | boolean | null {
  if (path.startsWith('claim.')) {
    const c = p.claim;
    if (c === null || c === undefined) return null;
    const v: unknown = Object.entries(c).find(([k]) => `claim.${k}` === path)?.[1];
    return typeof v === 'string' || typeof v === 'boolean' ? v : null;
  }
  const v: unknown = Object.entries(p).find(([k]) => k === path)?.[1];
  return typeof v === 'string' || typeof v === 'boolean' ? v : null;
}

function withFact(p: PersonFacts, path: ChangeablePath, value: string | boolean): PersonFacts {
  if (path.startsWith('claim.')) {
    const claim = Object.assign({}, p.claim ?? {}, { [path.slice('claim.'.length)]: value });
    return Object.assign({}, p, { claim });
  }
  return Object.assign({}, p, { [path]: value });
}

/**
 * Every single-fact change that changes the outcome of `personId` (or, without it, of any person)
 * or of the case. Empty when no single change would (for instance two exclusions apply).
 */
export function whatIf(facts: CaseFacts, personId?: string, options: EvaluateOptions = {}): WhatIfChange[] {
  const policy = options.policy ?? defaultPolicy;
  if (!isIsoDate(facts.applicationDate)) return [];
  const r = internal.resolved(policy, facts.applicationDate);
  const persons = facts.persons ?? [];
  const base = persons.map((p) => internal.evaluatePerson(r, p));
  const baseOutcomes = base.map((d) => d.outcome);
  const baseCase = combineOutcomes(baseOutcomes).outcome;
  const out: WhatIfChange[] = [];
  persons.forEach((p, i) => {
    if (personId !== undefined && p.id !== personId) return;
    const before = baseOutcomes[i];
    for (const path of PATHS) {
      const from = read(p, path);
      for (const to of WHAT_IF_VALUES[path]) {
        if (to === from) continue;
        const d = internal.evaluatePerson(r, withFact(p, path, to));
        const outcomes = baseOutcomes.slice();
        outcomes[i] = d.outcome;
        const caseOutcome = combineOutcomes(outcomes).outcome;
        if (d.outcome === before && caseOutcome === baseCase) continue;
        out.push({
          personId: p.id,
          path,
          from,
          to,
          outcome: d.outcome,
          tier: d.assistance.tier,
          maxAmountCad: d.assistance.maxAmountCad,
          caseOutcome,
        });
      }
    }
  });
  return out;
}
