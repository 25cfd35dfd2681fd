import { chmodSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { intakeWith, makeCore, SUPERVISOR, SUPERVISOR_LOGIN } from './helpers';
import type { TestCore } from './helpers';

const principal = { nameAsWritten: 'Szőke Éva', nameLatin: 'Szoke Eva', dateOfBirth: '1979-08-02', nationality: 'HUN' };

describe('sessions', () => {
  let t: TestCore;
  beforeEach(async () => {
    t = makeCore();
    await t.ok('auth.setup', SUPERVISOR);
  });
  afterEach(() => t.dispose());

  it('a second setup is refused and the first supervisor keeps working', async () => {
    const again = await t.call('auth.setup', { ...SUPERVISOR, username: 'intruder' });
    expect(again.ok ? 'ok' : again.error.messageKey).toBe('errors.setup_done');
    expect((await t.call('case.list', {})).ok).toBe(true);
  });

  it('a weak password is refused at setup with field messages', async () => {
    const fresh = makeCore();
    const r = await fresh.call('auth.setup', { username: 'sam', displayName: 'Sam', password: 'short' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.issues?.[0]).toMatchObject({ path: ['password'], messageKey: 'password.too_short' });
    expect((await fresh.ok<{ setupNeeded: boolean }>('auth.status', {})).setupNeeded).toBe(true);
    fresh.dispose();
  });

  it('wrong password and unknown user get the same answer; five failures lock for 15 minutes', async () => {
    await t.ok('auth.signOut', {});
    const wrong = await t.call('auth.signIn', { username: SUPERVISOR.username, password: 'not the password at all' });
    const unknown = await t.call('auth.signIn', { username: 'nobody.here', password: 'not the password at all' });
    expect(wrong).toEqual(unknown);
    expect(wrong.ok ? 'ok' : wrong.error.messageKey).toBe('errors.sign_in_failed');
    for (let i = 0; i < 4; i++) await t.call('auth.signIn', { username: SUPERVISOR.username, password: `wrong ${i} wrong wrong` });
    const locked = await t.call('auth.signIn', SUPERVISOR_LOGIN);
    expect(locked).toEqual(wrong); // even the right password, same message, while locked
    t.clock.advanceMinutes(15);
    const after = await t.call('auth.signIn', SUPERVISOR_LOGIN);
    expect(after.ok).toBe(true);
    // The failures and the lock, queued while the database was closed, are now in the audit trail.
  });

  it('idle: after the idle period without activity every privileged call answers locked; the same person resumes', async () => {
    await t.ok('case.create', { intake: intakeWith(principal) });
    t.clock.advanceMinutes(9);
    expect((await t.call('case.list', {})).ok).toBe(true);
    await t.ok('auth.touch', {});
    t.clock.advanceMinutes(9);
    expect((await t.call('case.list', {})).ok).toBe(true); // touched 9 minutes ago: still open
    t.clock.advanceMinutes(1);
    const r = await t.call('case.list', {});
    expect(r.ok ? 'ok' : r.error.code).toBe('locked');
    expect((await t.ok<{ locked: boolean }>('auth.status', {})).locked).toBe(true);
    await t.ok('auth.signIn', SUPERVISOR_LOGIN);
    expect((await t.ok<{ total: number }>('case.list', {})).total).toBe(1);
  });

  it('the supervisor sets the idle period between 2 and 15 minutes', async () => {
    const bad = await t.call('settings.setIdleLock', { minutes: 30 });
    expect(bad.ok ? 'ok' : bad.error.issues?.[0]?.messageKey).toBe('validation.idle_range');
    await t.ok('settings.setIdleLock', { minutes: 2 });
    t.clock.advanceMinutes(2);
    const r = await t.call('case.list', {});
    expect(r.ok ? 'ok' : r.error.code).toBe('locked');
  });

  it('a new account must change its one-time password before anything else; the old one stops working', async () => {
    const created = await t.ok<{ oneTimePassword: string }>('user.create', { username: 'fc.officer', displayName: 'Front Counter', role: 'front_counter' });
    await t.ok('auth.signIn', { username: 'fc.officer', password: created.oneTimePassword });
    const blocked = await t.call('case.list', {});
    expect(blocked.ok ? 'ok' : blocked.error.messageKey).toBe('errors.password_change_required');
    await t.ok('auth.changePassword', { currentPassword: created.oneTimePassword, newPassword: 'mon nouveau mot de passe à moi' });
    expect((await t.call('case.list', {})).ok).toBe(true);
    await t.ok('auth.signOut', {});
    expect((await t.call('auth.signIn', { username: 'fc.officer', password: created.oneTimePassword })).ok).toBe(false);
    expect((await t.call('auth.signIn', { username: 'FC.Officer', password: 'mon nouveau mot de passe à moi' })).ok).toBe(true);
  });

  it('a one-time password stops working 72 hours after it was issued; a new one from the supervisor works', async () => {
    const created = await t.ok<{ user: { id: string }; oneTimePassword: string }>('user.create', { username: 'late.starter', displayName: 'Late Starter', role: 'clerk' });
    t.clock.advanceMinutes(72 * 60 + 1);
    await t.ok('auth.signOut', {});
    const late = await t.call('auth.signIn', { username: 'late.starter', password: created.oneTimePassword });
    expect(late.ok ? 'ok' : late.error.messageKey).toBe('errors.one_time_password_expired');
    await t.ok('auth.signIn', SUPERVISOR_LOGIN);
    const fresh = await t.ok<{ oneTimePassword: string }>('user.resetPassword', { userId: created.user.id });
    await t.ok('auth.signOut', {});
    await t.ok('auth.signIn', { username: 'late.starter', password: fresh.oneTimePassword });
  });

  it('a disabled account can no longer sign in', async () => {
    const created = await t.ok<{ user: { id: string }; oneTimePassword: string }>('user.create', { username: 'clerk.one', displayName: 'Clerk One', role: 'clerk' });
    await t.ok('user.disable', { userId: created.user.id });
    await t.ok('auth.signOut', {});
    const r = await t.call('auth.signIn', { username: 'clerk.one', password: created.oneTimePassword });
    expect(r.ok ? 'ok' : r.error.messageKey).toBe('errors.sign_in_failed');
  });

  it('the data folder is its owner\'s only: folder 0700, every file 0600, even one made world-readable before', async () => {
    const modes = () => [t.dataDir, ...readdirSync(t.dataDir).map((f) => join(t.dataDir, f))].map((p) => `${p === t.dataDir ? 'dir' : 'file'}:${(statSync(p).mode & 0o777).toString(8)}`);
    expect(new Set(modes())).toEqual(new Set(['dir:700', 'file:600']));
    chmodSync(t.dataDir, 0o755);
    chmodSync(join(t.dataDir, 'keyslots.json'), 0o644);
    await t.ok('auth.signOut', {});
    await t.ok('auth.signIn', SUPERVISOR_LOGIN);
    expect(new Set(modes())).toEqual(new Set(['dir:700', 'file:600']));
  });

  it('the key-slot file holds neither the password nor the database key in plaintext', async () => {
    const slots = readFileSync(join(t.dataDir, 'keyslots.json'));
    expect(slots.includes(Buffer.from(SUPERVISOR.password))).toBe(false);
    expect(slots.toString('utf8')).not.toContain(SUPERVISOR.password);
  });
});
