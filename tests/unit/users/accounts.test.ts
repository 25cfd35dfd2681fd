import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuditPageView } from '../../../shared/schema/audit';
import type { AuthStatus, OneTimePassword, UserRow } from '../../../shared/schema/auth';
import { createAppCore } from '../../../electron/core/app-core';
import { OWASP_MIN_KDF_PARAMS } from '../../../electron/core/auth/kdf';
import { devPlaintextSealer } from '../../../electron/core/keys/sealer';
import { makeCore, SUPERVISOR, SUPERVISOR_LOGIN, withAccounts } from '../core/helpers';
import type { TestCore } from '../core/helpers';

/** Issue 13 point 9: a supervisor changes an account's name, badge and role, and re-enables one. */
describe('account management', () => {
  let t: TestCore;
  let accounts: Awaited<ReturnType<typeof withAccounts>>;
  const list = () => t.ok<UserRow[]>('user.list', {});
  const byName = async (username: string) => {
    const u = (await list()).find((x) => x.username === username);
    if (!u) throw new Error(`no account ${username}`);
    return u;
  };
  const refusal = async (channel: string, input: unknown) => {
    const r = await t.call(channel, input);
    return r.ok ? 'ok' : (r.error.messageKey ?? r.error.code);
  };
  /** The account-management entries, oldest first, as action:outcome:detail. */
  const entries = async () =>
    (await t.ok<AuditPageView>('audit.list', { action: 'user.*', limit: 500 })).rows
      .filter((r) => r.action !== 'user.list')
      .reverse()
      .map((r) => `${r.action}:${r.outcome}:${r.detail ?? '-'}`);

  beforeEach(async () => {
    t = makeCore();
    accounts = await withAccounts(t);
  });
  afterEach(() => t.dispose());

  it('changes the name, badge and role of an account; the entry names the account and what changed, not the values', async () => {
    const clerk = await byName(accounts.clerk.username);
    const updated = await t.ok<UserRow>('user.update', { userId: clerk.id, displayName: 'Carla Clerk-Moreau', badgeNumber: 'CBSA-1234', role: 'interview_officer' });
    expect(updated).toMatchObject({ displayName: 'Carla Clerk-Moreau', badgeNumber: 'CBSA-1234', role: 'interview_officer', status: 'active' });
    expect(await byName(accounts.clerk.username)).toMatchObject({ displayName: 'Carla Clerk-Moreau', role: 'interview_officer' });
    // Only the badge this time; then nothing at all.
    await t.ok('user.update', { userId: clerk.id, displayName: 'Carla Clerk-Moreau', badgeNumber: '', role: 'interview_officer' });
    await t.ok('user.update', { userId: clerk.id, displayName: 'Carla Clerk-Moreau', role: 'interview_officer' });
    expect(await entries()).toEqual(expect.arrayContaining([
      `user.update:ok:target=${clerk.id};changed=displayName,badgeNumber,role;from=clerk;to=interview_officer`,
      `user.update:ok:target=${clerk.id};changed=badgeNumber`,
      `user.update:ok:target=${clerk.id};changed=none`,
    ]));
    const csv = await t.ok<{ csv: string }>('audit.exportCsv', { action: 'user.*' });
    expect(csv.csv).not.toContain('Carla');

    // The new role takes effect at the person's next sign-in: an interview officer may decide.
    await t.ok('auth.signIn', accounts.clerk);
    const status = await t.ok<AuthStatus>('auth.status', {});
    expect(status.user?.role).toBe('interview_officer');
  });

  it('a supervisor cannot change their own role, and renaming themselves shows at once', async () => {
    const me = await byName(SUPERVISOR.username);
    expect(await refusal('user.update', { userId: me.id, displayName: me.displayName, role: 'clerk' })).toBe('accounts.errors.ownRole');
    expect(await refusal('user.disable', { userId: me.id })).toBe('errors.cannot_disable_self');
    expect((await byName(SUPERVISOR.username)).role).toBe('supervisor');
    await t.ok('user.update', { userId: me.id, displayName: 'Samira Supervisor', badgeNumber: 'CBSA-0001', role: 'supervisor' });
    expect((await t.ok<AuthStatus>('auth.status', {})).user).toMatchObject({ displayName: 'Samira Supervisor', badgeNumber: 'CBSA-0001', role: 'supervisor' });
    expect(await entries()).toEqual(expect.arrayContaining([`user.update:error:target=${me.id}`, `user.update:ok:target=${me.id};changed=displayName,badgeNumber`]));
  });

  it('two supervisors demoting or disabling each other at once (two processes): one active supervisor always remains', async () => {
    const officer = await byName(accounts.interview_officer.username);
    const me = await byName(SUPERVISOR.username);
    await t.ok('user.update', { userId: officer.id, displayName: officer.displayName, badgeNumber: 'CBSA-40417', role: 'supervisor' });
    // A second app on the same data folder, where the other supervisor is signed in.
    const other = createAppCore({ dataDir: t.dataDir, sealer: devPlaintextSealer, workstation: 'test-ws-2', now: () => t.clock.now, keySlots: { kdfParams: OWASP_MIN_KDF_PARAMS } });
    try {
      const signedIn = await other.invoke('auth.signIn', accounts.interview_officer);
      expect(signedIn.ok).toBe(true);
      // The other supervisor demotes this one; this session still says "supervisor" and tries the same back.
      expect((await other.invoke('user.update', { userId: me.id, displayName: me.displayName, role: 'front_counter' })).ok).toBe(true);
      expect(await refusal('user.update', { userId: officer.id, displayName: officer.displayName, badgeNumber: 'CBSA-40417', role: 'clerk' })).toBe('accounts.errors.lastSupervisor');
      expect(await refusal('user.disable', { userId: officer.id })).toBe('accounts.errors.lastSupervisor');
      const rows = await list();
      expect(rows.filter((u) => u.role === 'supervisor' && u.status === 'active').map((u) => u.username)).toEqual([accounts.interview_officer.username]);
    } finally {
      other.close();
    }
  });

  it('re-enabling a disabled account gives it a new key slot under a new one-time password; the old password stays dead', async () => {
    const clerk = await byName(accounts.clerk.username);
    await t.ok('user.disable', { userId: clerk.id });
    expect(await refusal('user.resetPassword', { userId: clerk.id })).toBe('accounts.errors.disabledUseEnable');
    const back = await t.ok<OneTimePassword>('user.enable', { userId: clerk.id });
    expect(back.user).toMatchObject({ status: 'active', mustChangePassword: true });
    expect(back.oneTimePassword).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
    expect(await refusal('user.enable', { userId: clerk.id })).toBe('accounts.errors.notDisabled');

    await t.ok('auth.signOut', {});
    expect((await t.call('auth.signIn', accounts.clerk)).ok).toBe(false);
    const status = await t.ok<AuthStatus>('auth.signIn', { username: accounts.clerk.username, password: back.oneTimePassword });
    expect(status.user).toMatchObject({ username: accounts.clerk.username, mustChangePassword: true });
    await t.ok('auth.changePassword', { currentPassword: back.oneTimePassword, newPassword: 'back at the printer again' });
    await t.ok('auth.signIn', SUPERVISOR_LOGIN);
    expect(await entries()).toEqual(expect.arrayContaining([
      `user.disable:ok:target=${clerk.id}`,
      `user.resetPassword:error:target=${clerk.id}`,
      `user.enable:ok:target=${clerk.id}`,
      `user.enable:error:target=${clerk.id}`,
    ]));
  });

  it('only supervisors may edit or re-enable accounts', async () => {
    const clerk = await byName(accounts.clerk.username);
    await t.ok('auth.signIn', accounts.interview_officer);
    expect(await refusal('user.update', { userId: clerk.id, displayName: 'X', role: 'supervisor' })).toBe('errors.forbidden');
    expect(await refusal('user.enable', { userId: clerk.id })).toBe('errors.forbidden');
  });
});
