import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSearchQuery } from '../../../shared/case/search-query';
import { spellingKey } from '../../../electron/core/cases/spelling-key';
import type { CasePage } from '../../../shared/schema/case';
import type { CaseDetail, DuplicateCandidate } from '../../../shared/schema/case-api';
import { intakeWith, makeCore, withAccounts } from '../core/helpers';
import type { TestCore } from '../core/helpers';

describe('reading a search text the way officers type it', () => {
  it('a case number, whole, without its zeros, or only its start', () => {
    expect(parseSearchQuery('AVRR-2026-000150')).toEqual({ kind: 'case_number', exact: 'AVRR-2026-000150', prefix: 'AVRR-2026-000150' });
    expect(parseSearchQuery('avrr-2026-150')).toMatchObject({ exact: 'AVRR-2026-000150' });
    expect(parseSearchQuery('2026-000150')).toMatchObject({ kind: 'case_number', exact: 'AVRR-2026-000150' });
  });
  it('a day-first date that could be read both ways is read both ways, and says so', () => {
    expect(parseSearchQuery('07/03/1980')).toEqual({ kind: 'date', dates: ['1980-03-07', '1980-07-03'], how: 'day_first', ambiguous: true });
    expect(parseSearchQuery('17.3.1980')).toEqual({ kind: 'date', dates: ['1980-03-17'], how: 'day_first', ambiguous: false });
    expect(parseSearchQuery('31/02/1980')).toMatchObject({ kind: 'name' });
  });
  it('an ISO date also tries day and month swapped; a UCI is digits; anything else is a name', () => {
    expect(parseSearchQuery('1980-03-07')).toMatchObject({ kind: 'date', dates: ['1980-03-07', '1980-07-03'] });
    expect(parseSearchQuery('1234-5678')).toEqual({ kind: 'uci', prefix: '12345678' });
    expect(parseSearchQuery('Zoltan Kovacs')).toEqual({ kind: 'name', text: 'Zoltan Kovacs' });
  });
  it('the usual transliterations of one name share a spelling key, other names do not', () => {
    expect(new Set(['mohammed', 'muhammad', 'mohamed'].map(spellingKey)).size).toBe(1);
    expect(new Set(['yusuf', 'youssef'].map(spellingKey)).size).toBe(1);
    expect(spellingKey('shevchenko')).toBe(spellingKey('chevtchenko'));
    expect(spellingKey('keita')).not.toBe(spellingKey('kovacs'));
  });
});

describe('finding a case and a possible duplicate (real core)', () => {
  let t: TestCore;
  let created: CaseDetail[];
  beforeAll(async () => {
    t = makeCore();
    const accounts = await withAccounts(t);
    await t.ok('auth.signIn', accounts.interview_officer);
    created = [];
    created.push(await t.ok<CaseDetail>('case.create', { intake: intakeWith({ nameAsWritten: 'Zoltán Kovács', nameLatin: 'Zoltan Kovacs', dateOfBirth: '1980-03-07', nationality: 'HUN' }) }));
    created.push(await t.ok<CaseDetail>('case.create', { intake: intakeWith({ nameAsWritten: 'Mohammed Haddad', nameLatin: 'Mohammed Haddad', dateOfBirth: '1975-11-02', nationality: 'SYR' }) }));
    for (let i = 0; i < 60; i++) {
      created.push(await t.ok<CaseDetail>('case.create', { intake: intakeWith({ nameAsWritten: `Amina Diallo ${String.fromCharCode(97 + (i % 26))}`, nameLatin: 'Amina Diallo', dateOfBirth: '1990-01-15', nationality: 'GIN' }) }));
    }
  }, 60_000);
  afterAll(() => t.dispose());
  const list = (input: object) => t.ok<CasePage>('case.list', input);

  it('finds a case by its number, by a day-first date, by a name typed without accents', async () => {
    const zoltan = created[0]!;
    expect((await list({ query: zoltan.caseNumber })).items.map((c) => c.id)).toEqual([zoltan.id]);
    expect((await list({ query: '07/03/1980' })).items.map((c) => c.id)).toEqual([zoltan.id]);
    expect((await list({ query: 'kovacs' })).items.map((c) => c.id)).toEqual([zoltan.id]);
  });

  it('every page of a long result can be reached, with no case twice', async () => {
    const seen = new Set<string>();
    let offset = 0;
    for (;;) {
      const p = await list({ query: 'Diallo', limit: 25, offset });
      p.items.forEach((c) => seen.add(c.id));
      offset += p.items.length;
      if (offset >= p.total) break;
    }
    expect(seen.size).toBe(60);
  });

  it('the duplicate check offers the swapped date and another spelling, ranked after the exact match', async () => {
    const swapped = await t.ok<DuplicateCandidate[]>('case.findDuplicates', { nameAsWritten: 'Zoltan Kovacs', nameLatin: 'Zoltan Kovacs', dateOfBirth: '1980-07-03' });
    expect(swapped.map((d) => [d.caseId, d.variants])).toEqual([[created[0]!.id, ['swapped_date']]]);
    const spelled = await t.ok<DuplicateCandidate[]>('case.findDuplicates', { nameAsWritten: 'Muhammad Hadad', nameLatin: 'Muhammad Hadad', dateOfBirth: '1975-11-02' });
    expect(spelled.map((d) => [d.caseId, d.variants])).toEqual([[created[1]!.id, ['spelling']]]);
  });
});
