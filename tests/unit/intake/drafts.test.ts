import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IpcResult } from '../../../shared/ipc/errors';
import type { Role } from '../../../shared/roles';
import type { CaseDetail, DraftRecord, DraftSaved, TodaySummary } from '../../../shared/schema/case-api';
import { intakeWith, makeCore, withAccounts } from '../core/helpers';
import type { TestCore } from '../core/helpers';

// The autosave rules of drafts, against the real core: revisions, ownership, and case versions.
describe('drafts: autosave and conflicts', () => {
  let t: TestCore;
  let accounts: Record<Role, { username: string; password: string }>;
  const code = (r: IpcResult<unknown>) => (r.ok ? 'ok' : r.error.code);
  const as = (role: Role) => t.ok('auth.signIn', accounts[role]);
  beforeAll(async () => {
    t = makeCore();
    accounts = await withAccounts(t);
  });
  afterAll(() => t.dispose());

  const newCase = () => t.ok<CaseDetail>('case.create', { intake: intakeWith({ nameAsWritten: 'Amina Yusuf', nameLatin: 'Amina Yusuf', dateOfBirth: '1990-01-20', nationality: 'SOM' }) });

  it('each save names the revision it builds on; a stale revision is a conflict and changes nothing', async () => {
    await as('interview_officer');
    const draftId = randomUUID();
    const first = await t.ok<DraftSaved>('draft.save', { draftId, caseId: null, baseVersion: null, revision: 0, data: { n: 1 } });
    expect(first.revision).toBe(1);
    const second = await t.ok<DraftSaved>('draft.save', { draftId, caseId: null, baseVersion: null, revision: 1, data: { n: 2 } });
    expect(second.revision).toBe(2);
    // A second window still at revision 1 (or a replay of the first save) must not overwrite revision 2.
    expect(code(await t.call('draft.save', { draftId, caseId: null, baseVersion: null, revision: 1, data: { n: 'stale' } }))).toBe('conflict');
    expect(code(await t.call('draft.save', { draftId, caseId: null, baseVersion: null, revision: 0, data: { n: 'stale' } }))).toBe('conflict');
    expect((await t.ok<DraftRecord>('draft.get', { draftId })).data).toEqual({ n: 2 });
    // A first save that claims a revision that never existed is refused too.
    expect(code(await t.call('draft.save', { draftId: randomUUID(), caseId: null, baseVersion: null, revision: 3, data: {} }))).toBe('conflict');
  });

  it("another person's draft is invisible to them and cannot be overwritten or discarded", async () => {
    await as('interview_officer');
    const c = await newCase();
    const caseDraft = randomUUID();
    const newDraft = randomUUID();
    await t.ok('draft.save', { draftId: caseDraft, caseId: c.id, baseVersion: c.version, revision: 0, data: { secret: 'officer case draft' } });
    await t.ok('draft.save', { draftId: newDraft, caseId: null, baseVersion: null, revision: 0, data: { persons: [{ nameLatin: 'Officer Only' }] } });

    await as('front_counter');
    expect(code(await t.call('draft.get', { draftId: caseDraft }))).toBe('not_found');
    expect(code(await t.call('draft.get', { draftId: newDraft }))).toBe('not_found');
    expect((await t.ok<CaseDetail & { myDraft: DraftRecord | null }>('case.get', { caseId: c.id })).myDraft).toBeNull();
    const today = await t.ok<TodaySummary>('today.summary', {});
    expect(JSON.stringify(today.myNewDrafts)).not.toContain('Officer Only');
    for (const revision of [0, 1]) {
      expect(code(await t.call('draft.save', { draftId: newDraft, caseId: null, baseVersion: null, revision, data: { hijack: true } }))).toBe('not_found');
    }
    expect(await t.ok('draft.discard', { draftId: newDraft })).toEqual({ discarded: false });
    // Their own draft of the same case is theirs, separate.
    await t.ok('draft.save', { draftId: randomUUID(), caseId: c.id, baseVersion: c.version, revision: 0, data: { mine: true } });

    await as('interview_officer');
    expect((await t.ok<DraftRecord>('draft.get', { draftId: newDraft })).data).toEqual({ persons: [{ nameLatin: 'Officer Only' }] });
    const mine = await t.ok<CaseDetail & { myDraft: DraftRecord | null }>('case.get', { caseId: c.id });
    expect(mine.myDraft?.data).toEqual({ secret: 'officer case draft' });
    const summary = await t.ok<TodaySummary>('today.summary', {});
    expect(summary.myNewDrafts.map((d) => d.label)).toContain('Officer Only');
  });

  it('one draft per person and case: a second draft of the same case is a conflict', async () => {
    await as('interview_officer');
    const c = await newCase();
    await t.ok('draft.save', { draftId: randomUUID(), caseId: c.id, baseVersion: c.version, revision: 0, data: {} });
    expect(code(await t.call('draft.save', { draftId: randomUUID(), caseId: c.id, baseVersion: c.version, revision: 0, data: {} }))).toBe('conflict');
  });

  it('a save over a stale case version is a conflict and keeps the draft; a good save folds the draft into the case', async () => {
    await as('interview_officer');
    const c = await newCase();
    const draftId = randomUUID();
    await t.ok('draft.save', { draftId, caseId: c.id, baseVersion: c.version, revision: 0, data: { typed: 'by the officer' } });
    // Someone else saves the case: version 2.
    await as('supervisor');
    const other = await t.ok<CaseDetail>('case.saveIntake', { caseId: c.id, baseVersion: c.version, intake: { ...c.intake, contact: { ...c.intake.contact, phone: '905' } } });
    expect(other.version).toBe(c.version + 1);

    await as('interview_officer');
    const stale = await t.call('case.saveIntake', { caseId: c.id, baseVersion: c.version, draftId, intake: c.intake });
    expect(code(stale)).toBe('conflict');
    const after = await t.ok<CaseDetail & { myDraft: DraftRecord | null }>('case.get', { caseId: c.id });
    expect(after.intake.contact.phone).toBe('905');
    expect(after.myDraft?.data).toEqual({ typed: 'by the officer' });
    expect(after.myDraft?.baseVersion).toBe(c.version); // < after.version: the UI shows the conflict notice

    // "Keep my changes": the draft is rebased explicitly, then the save succeeds and deletes it.
    await t.ok('draft.save', { draftId, caseId: c.id, baseVersion: after.version, revision: 1, data: { typed: 'by the officer' } });
    const saved = await t.ok<CaseDetail>('case.saveIntake', { caseId: c.id, baseVersion: after.version, draftId, intake: c.intake });
    expect(saved.version).toBe(after.version + 1);
    expect((await t.ok<CaseDetail & { myDraft: DraftRecord | null }>('case.get', { caseId: c.id })).myDraft).toBeNull();
    expect(code(await t.call('draft.get', { draftId }))).toBe('not_found');
  });

  it('creating the case from a new-intake draft deletes the draft; a draft cannot point at a case that does not exist', async () => {
    await as('front_counter');
    const draftId = randomUUID();
    await t.ok('draft.save', { draftId, caseId: null, baseVersion: null, revision: 0, data: { persons: [{ nameLatin: 'Walk In' }] } });
    await t.ok('case.create', { draftId, intake: intakeWith({ nameAsWritten: 'Walk In', nameLatin: 'Walk In', dateOfBirth: '1980-01-01', nationality: 'MEX' }) });
    expect(code(await t.call('draft.get', { draftId }))).toBe('not_found');
    expect(code(await t.call('draft.save', { draftId: randomUUID(), caseId: randomUUID(), baseVersion: 1, revision: 0, data: {} }))).toBe('not_found');
  });

  it('a clerk has no drafts at all', async () => {
    await as('clerk');
    expect(code(await t.call('draft.save', { draftId: randomUUID(), caseId: null, baseVersion: null, revision: 0, data: {} }))).toBe('forbidden');
  });
});
