import { describe, expect, it } from 'vitest';
import { whatIf, type CaseFacts, type PersonFacts } from '../../shared/rules/index';
import { eligiblePersonFacts } from './person-facts';

const good = eligiblePersonFacts;
const one = (p: PersonFacts): CaseFacts => ({ applicationDate: '2013-03-01', persons: [p] });

describe('whatIf', () => {
  it('for an eligible person lists each fact that would make them ineligible or send them to review', () => {
    const changes = whatIf(one(good('p1')), 'p1');
    const find = (path: string, to: unknown) => changes.find((c) => c.path === path && c.to === to);
    expect(find('criminalRecord', true)).toMatchObject({ from: false, outcome: 'ineligible', caseOutcome: 'ineligible' });
    expect(find('claim.manifestlyUnfounded', true)).toMatchObject({ outcome: 'needs_review' });
    expect(find('claim.radAppeal', 'allowed')).toMatchObject({ outcome: 'ineligible' });
    // Recourse changes only the amount, not the outcome: not listed.
    expect(changes.some((c) => c.path === 'prraApplied')).toBe(false);
    expect(find('claim.radAppeal', 'pending')).toBeUndefined();
  });

  it('for a person with one missing fact says what each answer would give', () => {
    const changes = whatIf(one(good('p1', { criminalRecord: null })), 'p1');
    expect(changes.filter((c) => c.path === 'criminalRecord')).toEqual([
      expect.objectContaining({ from: null, to: true, outcome: 'ineligible' }),
      expect.objectContaining({ from: null, to: false, outcome: 'eligible', tier: 'T1', maxAmountCad: 2000 }),
    ]);
  });

  it('finds nothing when no single fact can change the outcome (two exclusions apply)', () => {
    expect(whatIf(one(good('p1', { criminalRecord: true, inadmissibleSecurity: true })), 'p1')).toEqual([]);
  });

  it('in a mixed family, shows the fact that would make the whole case eligible', () => {
    const facts: CaseFacts = { applicationDate: '2013-03-01', persons: [good('p1'), good('p2', { compliantWithConditions: false })] };
    const changes = whatIf(facts);
    expect(changes).toContainEqual(
      expect.objectContaining({ personId: 'p2', path: 'compliantWithConditions', to: true, outcome: 'eligible', caseOutcome: 'eligible' }),
    );
    expect(whatIf(facts, 'p2').every((c) => c.personId === 'p2')).toBe(true);
  });
});
