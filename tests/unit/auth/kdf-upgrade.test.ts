import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KEY_SLOTS_FILE, openAccessServices } from '../../../electron/core/access-services';
import { DEFAULT_KDF_PARAMS, OWASP_MIN_KDF_PARAMS } from '../../../electron/core/auth/kdf';
import { KeySlotStore } from '../../../electron/core/auth/key-slots';
import { devPlaintextSealer } from '../../../electron/core/keys/sealer';
import { PASSWORD_MIN_CODE_POINTS } from '../../../shared/security/password-length';
import { withOneSlot } from './helpers';
import { passwordWrapped, storedSlot, writeLegacySlot } from './legacy-slot';

/** Real parameters on both sides: the slot as the app made it before issue 12 point 7, and today's. */
describe('slots made with older KDF parameters are re-wrapped at the next sign-in', () => {
  it('re-wraps with the current parameters after a successful sign-in, and the slot still opens', async () => {
    const f = await withOneSlot(DEFAULT_KDF_PARAMS);
    await writeLegacySlot(f.file, f.userId, f.password, f.dbKey, OWASP_MIN_KDF_PARAMS);
    const before = storedSlot(f.file, f.userId);
    expect(before.kdf).toMatchObject(OWASP_MIN_KDF_PARAMS);

    const r = await f.store.unlock(f.username, f.password);
    if (!r.ok) throw new Error('the old slot should open');
    expect(r.dbKey.equals(f.dbKey)).toBe(true);

    const after = storedSlot(f.file, f.userId);
    expect(after.kdf).toMatchObject(DEFAULT_KDF_PARAMS);
    expect(after.kdf.salt).not.toBe(before.kdf.salt);
    expect(passwordWrapped(after).iv).not.toBe(passwordWrapped(before).iv);
    // Re-made as a slot a rotation can re-key (a key pair), no longer a bare wrapped key.
    expect(after.box).toBeDefined();
    expect(after.wrappedKey).toBeUndefined();
    // Opens with the same password in this process and in a fresh one, and holds the same key.
    for (const store of [f.store, KeySlotStore.open(f.file, devPlaintextSealer)]) {
      const again = await store.unlock(f.username, f.password);
      if (!again.ok) throw new Error('the re-wrapped slot should open');
      expect(again.dbKey.equals(f.dbKey)).toBe(true);
    }
    expect(storedSlot(f.file, f.userId).kdf.salt).toBe(after.kdf.salt);
  });

  it('a wrong password does not re-wrap', async () => {
    const f = await withOneSlot(DEFAULT_KDF_PARAMS);
    await writeLegacySlot(f.file, f.userId, f.password, f.dbKey, OWASP_MIN_KDF_PARAMS);
    const before = storedSlot(f.file, f.userId);
    expect(await f.store.unlock(f.username, 'not the passphrase of this account')).toEqual({ ok: false, reason: 'invalid_credentials' });
    const after = storedSlot(f.file, f.userId);
    expect(after.kdf).toEqual(before.kdf);
    expect(after.wrappedKey).toEqual(before.wrappedKey);
    expect(after.box).toBeUndefined();
  });

  it('a password long enough under the old 12-character rule still signs in, and is upgraded', async () => {
    // Regression: the sign-in path re-wrapped through rewrap(), which applies today's policy to
    // the password and refused it (WeakPasswordError): the account could no longer sign in.
    const f = await withOneSlot(DEFAULT_KDF_PARAMS);
    const oldRulePassword = 'Xk9#mP2$vL4qzR';
    expect([...oldRulePassword].length).toBeLessThan(PASSWORD_MIN_CODE_POINTS);
    await writeLegacySlot(f.file, f.userId, oldRulePassword, f.dbKey, OWASP_MIN_KDF_PARAMS);
    expect(join(f.dir, KEY_SLOTS_FILE)).toBe(f.file);

    const vault = openAccessServices(f.dir, devPlaintextSealer).vault;
    const r = await vault.unlock(f.username, oldRulePassword, new Date());
    if (!r.ok) throw new Error('the old password should still sign in');
    expect(r.dbKey.equals(f.dbKey)).toBe(true);
    expect(storedSlot(f.file, f.userId).kdf).toMatchObject(DEFAULT_KDF_PARAMS);
    expect((await vault.unlock(f.username, oldRulePassword, new Date())).ok).toBe(true);
  });

  it('a password change made while the upgrade ran stands', async () => {
    const f = await withOneSlot(DEFAULT_KDF_PARAMS);
    await writeLegacySlot(f.file, f.userId, f.password, f.dbKey, OWASP_MIN_KDF_PARAMS);
    // Another process (same file, its own store) changes the password while this one signs in.
    const other = KeySlotStore.open(f.file, devPlaintextSealer);
    const newPassword = 'autumn maples along the Rideau canal';
    const [signIn] = await Promise.all([f.store.unlock(f.username, f.password), other.rewrap(f.userId, newPassword, f.dbKey)]);
    if (signIn.ok) signIn.dbKey.fill(0);
    // Whichever order the two took, the new password opens and the old one no longer does.
    expect((await f.store.unlock(f.username, newPassword)).ok).toBe(true);
    expect((await f.store.unlock(f.username, f.password)).ok).toBe(false);
    expect(storedSlot(f.file, f.userId).kdf).toMatchObject(DEFAULT_KDF_PARAMS);
  });
});
