import type { Outcome, Tier } from '../rules';
import type { DecisionRecord } from '../schema/case-api';

/** One person's decision in force: the supervisor's review where there is one, else the rules'. */
export interface EffectivePerson {
  id: string;
  outcome: Outcome;
  tier: Tier | null;
  maxAmountCad: number | null;
  /** Why this tier, in both languages (the rules' basis, or the supervisor's reason). */
  tierBasis: { en: string; fr: string } | null;
}

export function effectiveOutcome(d: DecisionRecord | null): Outcome | null {
  if (!d) return null;
  return d.review?.outcome ?? d.outcome;
}

export function effectivePersons(d: DecisionRecord): EffectivePerson[] {
  return d.result.persons.map((p): EffectivePerson => {
    const r = d.review?.persons.find((x) => x.personId === p.id);
    if (r) {
      const basis = r.tierSetBySupervisor
        ? { en: `Set by supervisor review: ${d.review?.reason ?? ''}`, fr: `Fixé par l’examen du superviseur : ${d.review?.reason ?? ''}` }
        : p.assistance.basis?.text ?? r.computedBasis ?? null;
      return { id: p.id, outcome: r.outcome, tier: r.tier, maxAmountCad: r.maxAmountCad, tierBasis: basis };
    }
    return { id: p.id, outcome: p.outcome, tier: p.assistance.tier, maxAmountCad: p.assistance.maxAmountCad, tierBasis: p.assistance.basis?.text ?? null };
  });
}
