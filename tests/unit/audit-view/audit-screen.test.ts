import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuditCsv, AuditPageView, AuditVerifyView } from '../../../shared/schema/audit';
import type { CaseDetail } from '../../../shared/schema/case-api';
import { familyIntake } from '../../fixtures/intakes';
import { makeCore, SUPERVISOR, SUPERVISOR_LOGIN } from '../core/helpers';
import type { TestCore } from '../core/helpers';

/** Issue 13 point 10: the audit screen's filter, its counts and its export. */
describe('audit screen', () => {
  let t: TestCore;
  let mai: CaseDetail;
  let keita: CaseDetail;
  const list = (filter: Record<string, unknown>) => t.ok<AuditPageView>('audit.list', { limit: 500, ...filter });
  const casesOf = (page: AuditPageView) => new Set(page.rows.map((r) => r.caseNumber));

  beforeEach(async () => {
    t = makeCore();
    await t.ok('auth.setup', SUPERVISOR);
    mai = await t.ok<CaseDetail>('case.create', { intake: familyIntake([{ relationship: 'principal', nameAsWritten: 'Nguyễn Thị Mai', nameLatin: 'Nguyen Thi Mai', dateOfBirth: '1990-03-07', nationality: 'VNM' }]) });
    keita = await t.ok<CaseDetail>('case.create', { intake: familyIntake([{ relationship: 'principal', nameAsWritten: 'Bakary Keita', nameLatin: 'Bakary Keita', dateOfBirth: '1979-03-14', nationality: 'MLI' }, { relationship: 'spouse', nameAsWritten: 'Mariam Keita', nameLatin: 'Mariam Keita', dateOfBirth: '1984-07-02', nationality: 'MLI' }]) });
    await t.ok('case.get', { caseId: mai.id });
    await t.ok('case.get', { caseId: keita.id });
    await t.ok('case.get', { caseId: keita.id });
  });
  afterEach(() => t.dispose());

  it('the check and the listing right after it count the same entries (it was 264 checked above 263 listed)', async () => {
    await list({});
    const checked = await t.ok<AuditVerifyView>('audit.verify', {});
    const after = await list({});
    if (!checked.ok) throw new Error('trail not intact');
    expect(after.total).toBe(checked.count);
    // The newest entry listed is the check itself, the last one it covered.
    expect(after.rows[0]).toMatchObject({ seq: checked.lastSeq, action: 'audit.verify' });
  });

  it('a case is found by its number as officers type it, or by the 8-character id the table shows', async () => {
    const all = await list({ caseId: keita.id });
    expect(all.total).toBe(3); // created, opened twice
    const [, year, n] = /^AVRR-(\d{4})-(\d{6})$/.exec(keita.caseNumber) ?? [];
    for (const caseRef of [keita.caseNumber, keita.caseNumber.toLowerCase(), `AVRR-${year}-${Number(n)}`, `${year}-${n}`, keita.id.slice(0, 8), keita.id.slice(0, 8).toUpperCase(), keita.id]) {
      const page = await list({ caseRef });
      expect({ caseRef, total: page.total, cases: [...casesOf(page)] }).toEqual({ caseRef, total: 3, cases: [keita.caseNumber] });
    }
    // A number that names no case lists nothing (not everything); text that is no case reference is refused.
    expect((await list({ caseRef: 'AVRR-1999-000001' })).total).toBe(0);
    const bad = await t.call('audit.list', { caseRef: 'Bakary' });
    expect(bad.ok ? 'ok' : bad.error.issues?.[0]?.messageKey).toBe('validation.audit_case_ref');
  });

  it('a person is found by name (accents or not, any person of the case), date of birth or UCI-free text; with a case, both must hold', async () => {
    expect([...casesOf(await list({ person: 'nguyen thi' }))]).toEqual([mai.caseNumber]);
    expect([...casesOf(await list({ person: 'Nguyễn' }))]).toEqual([mai.caseNumber]);
    expect([...casesOf(await list({ person: 'Mariam' }))]).toEqual([keita.caseNumber]);
    expect([...casesOf(await list({ person: '02/07/1984' }))]).toEqual([keita.caseNumber]);
    expect((await list({ person: 'Mariam', caseRef: mai.caseNumber })).total).toBe(0);
    expect((await list({ person: 'Nobody Atall' })).total).toBe(0);
    // The name searched for is personal data: never written into the trail.
    const csv = await t.ok<AuditCsv>('audit.exportCsv', {});
    expect(csv.csv).not.toMatch(/mariam|nguyen/i);
  });

  it('by action and by whole days in the office time zone (10 p.m. in Toronto is still that day)', async () => {
    // 03:00 UTC on the 22nd is 22:00 on the 21st in Toronto, the office's default zone.
    t.clock.now = new Date('2026-11-22T03:00:00Z');
    await t.ok('auth.signIn', SUPERVISOR_LOGIN); // the idle lock came down meanwhile
    await t.ok('case.get', { caseId: mai.id });
    const on21 = await list({ action: 'case.get', fromDate: '2026-11-21', toDate: '2026-11-21' });
    expect(on21.total).toBe(4);
    expect((await list({ action: 'case.get', fromDate: '2026-11-22' })).total).toBe(0);
    expect((await list({ action: 'case.*', caseRef: mai.caseNumber })).rows.map((r) => r.action)).toEqual(['case.get', 'case.get', 'case.create']);
  });

  it('the export holds exactly the entries the same filter lists', async () => {
    const filter = { person: 'keita', action: 'case.get' };
    const shown = await list(filter);
    const csv = await t.ok<AuditCsv>('audit.exportCsv', filter);
    expect(csv.rowCount).toBe(shown.total);
    const seqs = csv.csv.trim().split('\r\n').slice(1).map((line) => Number(line.split(',')[0]));
    expect(seqs).toEqual(shown.rows.map((r) => r.seq));
    // Entries written after the listing (here, by someone opening the case again) are not in an
    // export of what the screen listed: it holds the listing's entries, up to its newest.
    await t.ok('case.get', { caseId: keita.id });
    const pinned = await t.ok<AuditCsv>('audit.exportCsv', { ...filter, throughSeq: shown.throughSeq });
    expect(pinned.rowCount).toBe(shown.total);
    expect((await t.ok<AuditCsv>('audit.exportCsv', filter)).rowCount).toBe(shown.total + 1);
  });
});
