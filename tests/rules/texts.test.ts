/** Every reason code and every fact has an English and a French text. */
import { describe, expect, it } from 'vitest';
import { FACT_LABELS, FACT_PATHS, REASON_CODES, REFERENCES, reasonText, decisionToText, evaluateCase } from '../../shared/rules/index';

describe('bilingual texts', () => {
  it.each(REASON_CODES)('%s has an English and a French sentence and a policy reference', (code) => {
    for (const vars of [{}, { date: '2013-03-01', amount: 1500, country: 'HUN', until: '2012-07-13', gta: ['Toronto'], missing: ['criminalRecord' as const], people: [{ id: 'p1', outcome: 'eligible' as const }] }]) {
      const en = reasonText(code, 'en', vars);
      const fr = reasonText(code, 'fr', vars);
      expect(en).toMatch(/^[A-Z].{15,}[.]$/);
      expect(fr).toMatch(/^[A-Z].{15,}[.]$/);
      expect(fr).not.toBe(en);
      expect(`${en} ${fr}`).not.toMatch(/undefined|null|NaN|\{/);
    }
    expect(REFERENCES[code].length).toBeGreaterThan(10);
  });

  it.each(REASON_CODES)('%s speaks about the person in the third person (officers and IOM read it, not the applicant)', (code) => {
    const vars = { date: '2013-03-01', amount: 1500, country: 'HUN', until: '2012-07-13', gta: ['Toronto'], missing: ['criminalRecord' as const], people: [{ id: 'p1', outcome: 'eligible' as const }] };
    expect(reasonText(code, 'en', vars)).not.toMatch(/\b(you|your|yours|yourself)\b/i);
    expect(reasonText(code, 'fr', vars)).not.toMatch(/\b(vous|votre|vos)\b/i);
  });

  it('every fact path has an English and a French label', () => {
    for (const p of [...FACT_PATHS, 'applicationDate' as const, 'persons' as const]) {
      expect(FACT_LABELS[p].en).not.toBe('');
      expect(FACT_LABELS[p].fr).not.toBe('');
      expect(FACT_LABELS[p].fr).not.toBe(FACT_LABELS[p].en);
    }
  });

  it('formats amounts the way each language writes them', () => {
    expect(reasonText('A2', 'en', { date: '2013-03-01', amount: 1500 })).toContain('$1,500');
    expect(reasonText('A2', 'fr', { date: '2013-03-01', amount: 1500 })).toContain('1\u00a0500\u00a0$');
  });

  it('prints a decision in French for the officer', () => {
    const d = evaluateCase({ applicationDate: '2013-03-01', persons: [{ id: 'p1', criminalRecord: true }] });
    const fr = decisionToText(d, 'fr');
    expect(fr).toContain('non admissible');
    expect(fr).toContain('La personne a un casier judiciaire.');
    expect(decisionToText(d, 'en')).toContain('The person has a criminal record.');
  });
});
