import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { KeySlotStore } from '../../../electron/core/auth/key-slots';
import { OWASP_MIN_KDF_PARAMS } from '../../../electron/core/auth/kdf';
import { DatabaseKeyError, openEncryptedDatabase } from '../../../electron/core/db/open';
import { devPlaintextSealer } from '../../../electron/core/keys/sealer';
import { ROTATING_SUFFIX } from '../../../electron/core/keys/rotation';
import { intakeWith, makeCore, withAccounts } from '../core/helpers';
import type { TestCore } from '../core/helpers';

let t: TestCore | null = null;
afterEach(() => {
  t?.dispose();
  t = null;
});

/** Every key the slot file in `file` opens with these passwords (the old slot file an insider copied). */
async function keysOpenedBy(file: string, accounts: { username: string; password: string }[]): Promise<Buffer[]> {
  const store = KeySlotStore.open(file, devPlaintextSealer, { kdfParams: OWASP_MIN_KDF_PARAMS });
  const keys: Buffer[] = [];
  for (const a of accounts) {
    const r = await store.unlock(a.username, a.password);
    if (r.ok) keys.push(r.dbKey);
  }
  return keys;
}

function opens(dbFile: string, key: Buffer): boolean {
  try {
    openEncryptedDatabase(dbFile, key, { readonly: true }).close();
    return true;
  } catch (e) {
    if (e instanceof DatabaseKeyError) return false;
    throw e;
  }
}

describe('rotating the database key', () => {
  it('every account still signs in, a copy of the old slot file opens nothing, the trail verifies', async () => {
    t = makeCore();
    const accounts = await withAccounts(t);
    await t.ok('certificate.generateSelfSigned', {});
    const created = await t.ok<{ id: string }>('case.create', { intake: intakeWith({ nameAsWritten: 'Rotation Person', nameLatin: 'Rotation Person', dateOfBirth: '1980-03-07', nationality: 'MEX' }) });
    const slotFile = join(t.dataDir, 'keyslots.json');
    const oldCopy = join(t.dataDir, '..', `${t.dataDir.split('/').pop()}-old-keyslots.json`);
    copyFileSync(slotFile, oldCopy);
    const dbFile = join(t.dataDir, 'avrr.db');
    const oldKeys = await keysOpenedBy(oldCopy, Object.values(accounts));
    expect(oldKeys.length).toBe(4);
    expect(opens(dbFile, oldKeys[0]!)).toBe(true);

    const rotated = await t.ok<{ accounts: number; durationMs: number }>('keys.rotate', {});
    expect(rotated.accounts).toBe(4);

    // The old slot file still opens its old key with every password, and that key opens nothing now.
    for (const k of await keysOpenedBy(oldCopy, Object.values(accounts))) expect(opens(dbFile, k)).toBe(false);
    // Every account signs in with the same password; the case, the trail and the certificate are intact.
    for (const a of Object.values(accounts)) await t.ok('auth.signIn', a);
    await t.ok('auth.signIn', accounts.supervisor);
    expect(await t.ok<{ id: string }>('case.get', { caseId: created.id })).toMatchObject({ id: created.id });
    expect(await t.ok('audit.verify', {})).toMatchObject({ ok: true });
    const entries = await t.ok<{ rows: { action: string; detail: string | null }[] }>('audit.list', { action: 'keys.rotate' });
    expect(entries.rows.some((e) => e.action === 'keys.rotate' && e.detail === 'reason=manual')).toBe(true);
    expect((await t.ok<{ lastRotatedAt: string | null }>('keys.status', {})).lastRotatedAt).not.toBeNull();
    expect(existsSync(dbFile + ROTATING_SUFFIX)).toBe(false);
  });

  it('disabling an account and resetting a password rotate the key by themselves', async () => {
    t = makeCore();
    const accounts = await withAccounts(t);
    const slotFile = join(t.dataDir, 'keyslots.json');
    const before = readFileSync(slotFile);
    const users = await t.ok<{ id: string; username: string }[]>('user.list', {});
    const clerk = users.find((u) => u.username === accounts.clerk.username);
    if (!clerk) throw new Error('clerk expected');
    await t.ok('user.disable', { userId: clerk.id });
    const afterDisable = KeySlotStore.open(slotFile, devPlaintextSealer).lastRotatedAt();
    expect(afterDisable).not.toBeNull();
    // The clerk's password with the slot file copied before the disable opens a key the database no longer takes.
    const oldStore = join(t.dataDir, '..', `${t.dataDir.split('/').pop()}-before.json`);
    writeFileSync(oldStore, before);
    const keys = await keysOpenedBy(oldStore, [accounts.clerk]);
    expect(keys).toHaveLength(1);
    expect(opens(join(t.dataDir, 'avrr.db'), keys[0]!)).toBe(false);

    const officer = users.find((u) => u.username === accounts.interview_officer.username);
    if (!officer) throw new Error('officer expected');
    t.clock.advanceMinutes(1);
    await t.ok('user.resetPassword', { userId: officer.id });
    expect(KeySlotStore.open(slotFile, devPlaintextSealer).lastRotatedAt()).not.toBe(afterDisable);
    await t.ok('auth.signIn', accounts.front_counter);
    await t.ok('auth.signIn', accounts.supervisor);
    const list = await t.ok<{ rows: { detail: string | null }[] }>('audit.list', { action: 'keys.rotate' });
    const details = list.rows.map((e) => e.detail);
    expect(details).toContain('reason=account_disabled');
    expect(details).toContain('reason=password_reset');
  });
});
