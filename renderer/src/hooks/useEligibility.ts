import { useDeferredValue, useMemo } from 'react';
import { useWatch } from 'react-hook-form';
import type { Control } from 'react-hook-form';
import { intakeToCaseFacts } from '../../../shared/intake/to-facts';
import { evaluateCase, whatIf } from '../../../shared/rules';
import type { CaseDecision, CaseFacts, WhatIfChange } from '../../../shared/rules';
import type { IntakeValues } from '../components/form/types';

export interface PersonView {
  id: string;
  label: string | null;
  relationship: string | null;
}

/**
 * The rules on what the form holds right now: every change re-evaluates (synchronous, a few
 * microseconds), so the panel follows the officer's typing. Only the component using this
 * re-renders on a keystroke, never the whole form.
 */
export function useEligibility(control: Control<IntakeValues>): { facts: CaseFacts; decision: CaseDecision; persons: PersonView[] } {
  const values = useWatch({ control });
  const facts = useMemo(() => intakeToCaseFacts(values), [values]);
  const decision = useMemo(() => evaluateCase(facts), [facts]);
  const persons = useMemo(
    () =>
      (values.persons ?? []).map((p, i) => ({
        id: facts.persons[i]?.id ?? `person-${i + 1}`,
        label: (p?.nameLatin?.trim() || p?.nameAsWritten?.trim()) ?? null,
        relationship: p?.relationship ?? null,
      })),
    [values.persons, facts],
  );
  return { facts, decision, persons };
}

/**
 * The changes of one fact that would make a person (or the family) eligible. Deferred: the hint
 * may lag a keystroke behind so the outcome itself never waits for it.
 */
export function useWhatIf(facts: CaseFacts, decision: CaseDecision): Map<string, WhatIfChange[]> {
  const deferred = useDeferredValue(facts);
  return useMemo(() => {
    const out = new Map<string, WhatIfChange[]>();
    const d = deferred === facts ? decision : evaluateCase(deferred);
    for (const p of d.persons) {
      if (p.outcome === 'eligible') continue;
      const hints = whatIf(deferred, p.id).filter((c) => c.outcome === 'eligible');
      if (hints.length) out.set(p.id, hints.slice(0, 3));
    }
    return out;
  }, [deferred, facts, decision]);
}
