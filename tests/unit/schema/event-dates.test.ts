import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withdrawCaseInput } from '../../../shared/schema/case-api';
import { recordConsentInput } from '../../../shared/schema/documents-api';
import { recordStageInput } from '../../../shared/schema/stages';
import { intakeWith, makeCore, SUPERVISOR } from '../core/helpers';
import type { TestCore } from '../core/helpers';

const id = '3f1e6c2a-9a4b-4c1d-8e2f-1a2b3c4d5e6f';
const messages = (r: { success: boolean; error?: { issues: { message: string }[] } }) => (r.success ? [] : (r.error?.issues.map((i) => i.message) ?? []));

describe('event dates have a sane lower bound', () => {
  it('a withdrawal dated 1900-01-01 is refused; 2026 is fine', () => {
    expect(messages(withdrawCaseInput.safeParse({ caseId: id, baseVersion: 1, date: '1900-01-01' }))).toEqual(['validation.date_too_early']);
    expect(messages(withdrawCaseInput.safeParse({ caseId: id, baseVersion: 1, date: '2026-11-20' }))).toEqual([]);
  });
  it('a consent signed in 1950 is refused', () => {
    const r = recordConsentInput.safeParse({ caseId: id, baseVersion: 1, documentId: id, signedOn: '1950-06-01', signers: [{ personId: id, signedBy: 'self' }] });
    expect(messages(r)).toEqual(['validation.date_too_early']);
  });
  it('a stage dated 1999-12-31 is refused', () => {
    const r = recordStageInput.safeParse({ caseId: id, baseVersion: 1, occurredOn: '1999-12-31', source: 'officer', stage: { action: 'iomDecline', reason: 'IOM declined the referral.' } });
    expect(messages(r)).toContain('validation.date_too_early');
  });
});

describe('a withdrawal is not dated before the case’s intake', () => {
  let t: TestCore;
  beforeAll(async () => {
    t = makeCore();
    await t.ok('auth.setup', SUPERVISOR);
  });
  afterAll(() => t.dispose());

  it('refuses a date before the application date, naming it', async () => {
    const c = await t.ok<{ id: string; version: number }>('case.create', { intake: intakeWith({ nameAsWritten: 'Ana Lopez', nameLatin: 'Ana Lopez', dateOfBirth: '1980-01-01', nationality: 'MEX' }) });
    const r = await t.call('case.withdraw', { caseId: c.id, baseVersion: c.version, date: '2026-11-01' });
    expect(r.ok ? null : r.error.issues).toEqual([{ path: ['date'], messageKey: 'validation.before_intake', params: { date: '2026-11-20' } }]);
  });
});
