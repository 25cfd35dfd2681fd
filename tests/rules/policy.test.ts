/** The policy file: dated, sourced parameters, the value in force chosen by the application date. */
import { describe, expect, it } from 'vitest';
import { entryAt, evaluateCase, isIsoDate, policy, valueAt, type CaseFacts, type Policy } from '../../shared/rules/index';
import { eligiblePersonFacts } from './person-facts';

const eligible = (applicationDate: string, nationality = 'COL'): CaseFacts => ({
  applicationDate,
  persons: [eligiblePersonFacts('p1', { nationality, federalCourtLeaveApplied: true })],
});

describe('policy file', () => {
  const params = Object.entries(policy.parameters);

  it('has a version', () => {
    expect(policy.version).toMatch(/^\d{4}-\d{2}-\d{2}\.\d+$/);
  });

  it.each(params)('%s: every dated value has a real date, a source, and the dates ascend', (_name, param) => {
    expect(param.description.length).toBeGreaterThan(10);
    expect(param.values.length).toBeGreaterThan(0);
    let previous = '';
    for (const v of param.values) {
      expect(isIsoDate(v.from)).toBe(true);
      expect(v.from > previous).toBe(true);
      expect(v.source.trim().length).toBeGreaterThan(5);
      previous = v.from;
    }
  });

  it('holds the DCO designation history from the policy brief and its end on 17 May 2019', () => {
    const dco = policy.parameters.dcoCountries;
    expect(dco.values.map((v) => v.from)).toEqual(['2012-06-29', '2012-12-15', '2013-02-15', '2013-05-31', '2019-05-17']);
    expect(valueAt(dco, '2012-12-15')).toHaveLength(27);
    expect(valueAt(dco, '2013-02-15')).toHaveLength(35);
    expect(valueAt(dco, '2013-05-31')).toHaveLength(37);
    expect(valueAt(dco, '2019-05-17')).toEqual([]);
    for (const v of dco.values) for (const c of v.value) expect(c).toMatch(/^[A-Z]{3}$/);
    // Each designation adds to the list until the end.
    expect(valueAt(dco, '2013-02-15')).toEqual(expect.arrayContaining([...(valueAt(dco, '2012-12-15') ?? [])]));
    expect(valueAt(dco, '2013-05-31')).toEqual(expect.arrayContaining(['MEX', 'ISR', 'CHL', 'KOR', 'HUN']));
  });

  it('holds the amounts, the programme start and the transition of the policy brief', () => {
    const p = policy.parameters;
    expect(valueAt(p.tierAmounts, '2013-01-01')).toEqual({ T1: 2000, T2: 1500, T3: 1000 });
    expect(valueAt(p.dcoAmount, '2013-01-01')).toBe(500);
    expect(valueAt(p.maxPerPerson, '2013-01-01')).toBe(2000);
    expect(valueAt(p.programmeOpen, '2012-06-28')).toBeUndefined();
    expect(valueAt(p.programmeOpen, '2012-06-29')).toBe(true);
    expect(entryAt(p.programmeOpen, '2030-01-01')?.note).toContain('2015-03-31');
    expect(valueAt(p.transitionFlatAmount, '2012-07-13')).toBe(true);
    expect(valueAt(p.transitionFlatAmount, '2012-07-14')).toBe(false);
    expect(valueAt(p.gtaLocations, '2013-01-01')).toEqual(expect.arrayContaining(['Toronto', 'Peel', 'York', 'Durham', 'Halton']));
  });

  it('valueAt picks the value in force: none before the first date, the new value from its date on', () => {
    const param = {
      description: 'test',
      values: [
        { from: '2012-01-01', value: 1, source: 's' },
        { from: '2013-01-01', value: 2, source: 's' },
      ],
    };
    expect(valueAt(param, '2011-12-31')).toBeUndefined();
    expect(valueAt(param, '2012-01-01')).toBe(1);
    expect(valueAt(param, '2012-12-31')).toBe(1);
    expect(valueAt(param, '2013-01-01')).toBe(2);
  });

  it('a later change is a new dated value: closing the window on 2015-04-01 leaves earlier applications eligible', () => {
    const closed: Policy = {
      ...policy,
      version: 'test-closed',
      parameters: {
        ...policy.parameters,
        programmeOpen: {
          ...policy.parameters.programmeOpen,
          values: [...policy.parameters.programmeOpen.values, { from: '2015-04-01', value: false, source: 'test: pilot end (seed 003)' }],
        },
      },
    };
    expect(evaluateCase(eligible('2015-03-31'), { policy: closed }).outcome).toBe('eligible');
    const after = evaluateCase(eligible('2015-04-01'), { policy: closed });
    expect(after.outcome).toBe('ineligible');
    expect(after.persons[0]?.reasons.map((r) => r.code)).toEqual(['W1']);
    expect(after.policyVersion).toBe('test-closed');
    // The default policy has no end date.
    expect(evaluateCase(eligible('2015-04-01')).outcome).toBe('eligible');
  });

  it('a later amount change applies from its date only, and the trace shows which value was used', () => {
    const raised: Policy = {
      ...policy,
      version: 'test-raised',
      parameters: {
        ...policy.parameters,
        tierAmounts: {
          ...policy.parameters.tierAmounts,
          values: [...policy.parameters.tierAmounts.values, { from: '2014-01-01', value: { T1: 2000, T2: 1800, T3: 1200 }, source: 'test notice' }],
        },
      },
    };
    const before = evaluateCase(eligible('2013-12-31'), { policy: raised }).persons[0];
    const after = evaluateCase(eligible('2014-01-01'), { policy: raised }).persons[0];
    expect(before?.assistance).toMatchObject({ tier: 'T2', maxAmountCad: 1500 });
    expect(after?.assistance).toMatchObject({ tier: 'T2', maxAmountCad: 1800 });
    const trace = after?.assistance.basis?.trace.parameters.find((t) => t.name === 'tierAmounts');
    expect(trace).toMatchObject({ from: '2014-01-01', source: 'test notice' });
    expect(after?.assistance.basis?.text.en).toContain('$1,800');
    expect(after?.assistance.basis?.text.fr).toContain('1\u00a0800\u00a0$');
  });

  it('the transition does not reach DCO nationals because the two periods never overlap', () => {
    const lastTransitionDay = '2012-07-13';
    const firstDesignation = policy.parameters.dcoCountries.values.find((v) => v.value.length > 0)?.from ?? '';
    expect(firstDesignation > lastTransitionDay).toBe(true);
    expect(evaluateCase(eligible('2012-07-13', 'HUN')).persons[0]?.assistance).toMatchObject({ tier: 'T1', maxAmountCad: 2000 });
  });
});
