import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuthStatus } from '../../../shared/schema/auth';
import type { CaseDetail } from '../../../shared/schema/case-api';
import { familyIntake, syrianFamily } from '../../fixtures/intakes';
import { makeCore, withAccounts } from '../core/helpers';
import type { TestCore } from '../core/helpers';

describe('the office time-zone setting through the app', () => {
  let t: TestCore;
  let accounts: Awaited<ReturnType<typeof withAccounts>>;
  beforeAll(async () => {
    t = makeCore();
    accounts = await withAccounts(t);
  });
  afterAll(() => t.dispose());

  it('is Toronto by default, set by the supervisor only, refused when not a real zone, and names the case year', async () => {
    expect((await t.ok<AuthStatus>('auth.status', {})).officeTimeZone).toBe('America/Toronto');
    const bad = await t.call('settings.setOfficeTimeZone', { timeZone: 'Mars/Olympus' });
    expect(bad.ok ? 'ok' : bad.error.issues?.map((i) => i.messageKey)).toEqual(['validation.time_zone']);
    const set = await t.ok<AuthStatus>('settings.setOfficeTimeZone', { timeZone: 'America/Vancouver' });
    expect(set.officeTimeZone).toBe('America/Vancouver');

    // 05:30 UTC on 1 January is still 21:30 on 31 December in Vancouver (but 00:30 in Toronto).
    t.clock.now = new Date('2027-01-01T05:30:00Z');
    await t.ok('auth.signIn', accounts.front_counter);
    const c = await t.ok<CaseDetail>('case.create', { intake: familyIntake(syrianFamily) });
    expect(c.caseNumber).toMatch(/^AVRR-2026-/);
    const denied = await t.call('settings.setOfficeTimeZone', { timeZone: 'America/Toronto' });
    expect(denied.ok ? 'ok' : denied.error.code).toBe('forbidden');
  });
});
