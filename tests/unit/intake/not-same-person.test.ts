import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditPageView } from '../../../shared/schema/audit';
import type { CaseDetail, DuplicateCandidate } from '../../../shared/schema/case-api';
import { intakeWith, makeCore, withAccounts } from '../core/helpers';
import type { TestCore } from '../core/helpers';

/**
 * Issue 13 point 1: at intake the officer records that a possible duplicate is not the same
 * person; the pair is stored (audited, naming the existing person's case) and never offered
 * again, while the same candidate is still offered for anyone else typed in.
 */
describe('"not the same person" on the duplicate warning (real core)', () => {
  let t: TestCore;
  let accounts: Awaited<ReturnType<typeof withAccounts>>;
  let existing: CaseDetail;
  const typed = { nameAsWritten: 'Zoltan Kovacs', nameLatin: 'Zoltan Kovacs', dateOfBirth: '1980-03-07' };
  beforeAll(async () => {
    t = makeCore();
    accounts = await withAccounts(t);
    await t.ok('auth.signIn', accounts.front_counter);
    existing = await t.ok<CaseDetail>('case.create', { intake: intakeWith({ nameAsWritten: 'Zoltán Kovács', nameLatin: 'Zoltán Kovács', dateOfBirth: '1980-03-07', nationality: 'HUN' }) });
  }, 60_000);
  afterAll(() => t.dispose());
  const check = (personId: string) => t.ok<DuplicateCandidate[]>('case.findDuplicates', { ...typed, personId });

  it('is offered, recorded once, audited with the existing case, and then not offered again for that person', async () => {
    const newPerson = randomUUID();
    const [candidate] = await check(newPerson);
    expect(candidate).toMatchObject({ caseId: existing.id, personId: existing.intake.persons[0]?.id });

    const recorded = await t.ok<{ caseId: string }>('case.notSamePerson', { personId: newPerson, candidateCaseId: candidate!.caseId, candidatePersonId: candidate!.personId });
    expect(recorded.caseId).toBe(existing.id);
    // Recording it again (a double press) changes nothing and is no error.
    await t.ok('case.notSamePerson', { personId: newPerson, candidateCaseId: candidate!.caseId, candidatePersonId: candidate!.personId });

    expect(await check(newPerson)).toEqual([]);
    // Someone else typed with the same facts is still warned about.
    expect((await check(randomUUID())).map((c) => c.caseId)).toEqual([existing.id]);

    await t.ok('auth.signIn', accounts.supervisor);
    const audit = await t.ok<AuditPageView>('audit.list', { action: 'case.notSamePerson', limit: 50 });
    expect(audit.rows).toHaveLength(2);
    expect(audit.rows[0]).toMatchObject({ caseId: existing.id, outcome: 'ok', username: 'user.front_counter' });
  });

  it('holds once the new person is a case of their own: that pair stays apart either way round', async () => {
    await t.ok('auth.signIn', accounts.interview_officer);
    const intake = intakeWith({ nameAsWritten: 'Zoltan Kovacs', nameLatin: 'Zoltan Kovacs', dateOfBirth: '1980-03-07', nationality: 'HUN' });
    const newPerson = intake.persons[0]!.id;
    const [candidate] = await check(newPerson);
    await t.ok('case.notSamePerson', { personId: newPerson, candidateCaseId: candidate!.caseId, candidatePersonId: candidate!.personId });
    const created = await t.ok<CaseDetail>('case.create', { intake });
    expect(created.intake.persons[0]?.id).toBe(newPerson);
    // The person already there, checked against the new case: not offered either.
    expect(await t.ok<DuplicateCandidate[]>('case.findDuplicates', { ...typed, personId: candidate!.personId, excludeCaseId: existing.id })).toEqual([]);
    // A third person with the same facts is warned about both.
    expect((await check(randomUUID())).map((c) => c.caseId).sort()).toEqual([existing.id, created.id].sort());
  });

  it('is refused for a person who is not in the database, for the same person twice, and for a clerk', async () => {
    await t.ok('auth.signIn', accounts.front_counter);
    expect(await t.call('case.notSamePerson', { personId: randomUUID(), candidateCaseId: existing.id, candidatePersonId: randomUUID() })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const same = randomUUID();
    expect(await t.call('case.notSamePerson', { personId: same, candidateCaseId: existing.id, candidatePersonId: same })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    await t.ok('auth.signIn', accounts.clerk);
    expect(await t.call('case.notSamePerson', { personId: randomUUID(), candidateCaseId: existing.id, candidatePersonId: existing.intake.persons[0]!.id })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});
