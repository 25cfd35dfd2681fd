import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DRAFTS_PER_USER_MAX } from '../../../shared/schema/limits';
import { makeCore, SUPERVISOR } from '../core/helpers';
import type { TestCore } from '../core/helpers';

describe('drafts per person are capped', () => {
  let t: TestCore;
  beforeAll(async () => {
    t = makeCore();
    await t.ok('auth.setup', SUPERVISOR);
  });
  afterAll(() => t.dispose());

  const newDraft = () => ({ draftId: randomUUID(), caseId: null, baseVersion: null, revision: 0, data: { persons: [{ nameLatin: 'Ana' }] } });

  it('refuses a new draft past the cap with a message naming it; existing drafts still save', async () => {
    const first = newDraft();
    await t.ok('draft.save', first);
    for (let i = 1; i < DRAFTS_PER_USER_MAX; i++) await t.ok('draft.save', newDraft());
    const r = await t.call('draft.save', newDraft());
    expect(r).toEqual({ ok: false, error: { code: 'rejected', messageKey: 'errors.too_many_drafts', params: { max: DRAFTS_PER_USER_MAX } } });
    // The drafts kept are untouched: the next revision of one of them still saves.
    await expect(t.ok('draft.save', { ...first, revision: 1 })).resolves.toMatchObject({ revision: 2 });
    // Discarding one makes room again.
    await t.ok('draft.discard', { draftId: first.draftId });
    await expect(t.ok('draft.save', newDraft())).resolves.toMatchObject({ revision: 1 });
  });
});
