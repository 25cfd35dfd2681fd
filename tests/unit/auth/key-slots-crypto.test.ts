import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_KDF_PARAMS } from '../../../electron/core/auth/kdf';
import { KeySlotStore } from '../../../electron/core/auth/key-slots';
import { DatabaseKeyError, openEncryptedDatabase } from '../../../electron/core/db/open';
import { devPlaintextSealer } from '../../../electron/core/keys/sealer';
import { TEST_KDF, tempDir, withOneSlot } from './helpers';

/** Every encoding of a secret someone could grep a file for. */
function leaks(bytes: Buffer, secret: { password?: string; key?: Buffer }): string[] {
  const found: string[] = [];
  const has = (needle: Buffer, label: string) => {
    if (needle.length > 0 && bytes.includes(needle)) found.push(label);
  };
  if (secret.password) {
    has(Buffer.from(secret.password, 'utf8'), 'password utf8');
    has(Buffer.from(secret.password, 'utf16le'), 'password utf16');
    has(Buffer.from(JSON.stringify(secret.password).slice(1, -1), 'utf8'), 'password json-escaped');
  }
  if (secret.key) {
    has(secret.key, 'key raw');
    has(Buffer.from(secret.key.toString('hex')), 'key hex');
    has(Buffer.from(secret.key.toString('hex').toUpperCase()), 'key HEX');
    has(Buffer.from(secret.key.toString('base64')), 'key base64');
    has(Buffer.from(secret.key.toString('base64url')), 'key base64url');
  }
  return found;
}

function readDbFiles(file: string): Buffer {
  return Buffer.concat([file, `${file}-wal`, `${file}-shm`].filter(existsSync).map((f) => readFileSync(f)));
}

describe('key slots protect the database key (real argon2id defaults)', () => {
  it('opens the database only with the right password; nothing secret is stored in the clear', async () => {
    const f = await withOneSlot(DEFAULT_KDF_PARAMS);
    const dbFile = join(f.dir, 'avrr.db');
    const marker = 'PROTECTED-B-MARKER-4242';
    const db = openEncryptedDatabase(dbFile, f.dbKey);
    db.sqlite.prepare('INSERT INTO settings (key, value) VALUES (?, ?)').run('probe', JSON.stringify(marker));
    db.close();

    // Wrong password: no key comes out, and no other key opens the file.
    const wrong = await f.store.unlock(f.username, 'blue heron over the Ottawa rivers');
    expect(wrong).toEqual({ ok: false, reason: 'invalid_credentials' });
    expect('dbKey' in wrong).toBe(false);
    expect(() => openEncryptedDatabase(dbFile, randomBytes(32))).toThrow(DatabaseKeyError);

    // Right password: the unwrapped key is the database key and the data reads back.
    const ok = await f.store.unlock(f.username, f.password);
    if (!ok.ok) throw new Error('expected a successful unlock');
    expect(ok.userId).toBe(f.userId);
    expect(ok.dbKey.equals(f.dbKey)).toBe(true);
    expect(ok.needsRewrap).toBe(false);
    const again = openEncryptedDatabase(dbFile, ok.dbKey);
    expect(again.sqlite.prepare('SELECT value FROM settings WHERE key = ?').get('probe')).toEqual({ value: JSON.stringify(marker) });
    again.close();

    // The slot file records the real parameters and holds no secret in any common encoding.
    const slotBytes = readFileSync(f.file);
    const slotJson: unknown = JSON.parse(slotBytes.toString('utf8'));
    expect(slotJson).toMatchObject({ slots: [{ kdf: { algorithm: 'argon2id', memoryKiB: 65536, iterations: 3, parallelism: 1 } }] });
    expect(leaks(slotBytes, { password: f.password, key: f.dbKey })).toEqual([]);
    // The database files hold neither secret, nor the row written into them.
    const dbBytes = readDbFiles(dbFile);
    expect(leaks(dbBytes, { password: f.password, key: f.dbKey })).toEqual([]);
    expect(dbBytes.includes(Buffer.from(marker))).toBe(false);
  });

  it('uses a 16-byte salt, a 12-byte IV and a 16-byte tag, all fresh per slot', async () => {
    const f = await withOneSlot(DEFAULT_KDF_PARAMS);
    await f.store.createSlot(randomUUID(), 'other', 'a second honest passphrase', f.dbKey);
    type Gcm = { iv: string; tag: string; ciphertext: string };
    const parsed = JSON.parse(readFileSync(f.file, 'utf8')) as { slots: { kdf: { salt: string }; box: { publicKey: string; wrappedPrivateKey: Gcm; sealedKey: Gcm & { epk: string } } }[] };
    const [a, b] = parsed.slots;
    if (!a || !b) throw new Error('two slots expected');
    const bytes = (v: string) => Buffer.from(v, 'base64');
    for (const s of [a, b]) {
      expect(bytes(s.kdf.salt)).toHaveLength(16);
      for (const box of [s.box.wrappedPrivateKey, s.box.sealedKey]) {
        expect(bytes(box.iv)).toHaveLength(12);
        expect(bytes(box.tag)).toHaveLength(16);
        expect(bytes(box.ciphertext)).toHaveLength(32);
      }
      expect(bytes(s.box.publicKey)).toHaveLength(32);
      expect(bytes(s.box.sealedKey.epk)).toHaveLength(32);
    }
    expect(a.kdf.salt).not.toBe(b.kdf.salt);
    expect(a.box.wrappedPrivateKey.iv).not.toBe(b.box.wrappedPrivateKey.iv);
    expect(a.box.publicKey).not.toBe(b.box.publicKey);
    expect(a.box.sealedKey.ciphertext).not.toBe(b.box.sealedKey.ciphertext);
  });

  it('a password change keeps the data readable with the new password only', async () => {
    const f = await withOneSlot(DEFAULT_KDF_PARAMS);
    const dbFile = join(f.dir, 'avrr.db');
    const db = openEncryptedDatabase(dbFile, f.dbKey);
    db.sqlite.prepare('INSERT INTO settings (key, value) VALUES (?, ?)').run('k', '"v"');
    db.close();
    const before = readFileSync(f.file, 'utf8');

    const newPassword = 'autumn maples along the Rideau';
    await f.store.rewrap(f.userId, newPassword, f.dbKey);

    expect(await f.store.unlock(f.username, f.password)).toEqual({ ok: false, reason: 'invalid_credentials' });
    const r = await f.store.unlock(f.username, newPassword);
    if (!r.ok) throw new Error('new password should unlock');
    const again = openEncryptedDatabase(dbFile, r.dbKey);
    expect(again.sqlite.prepare('SELECT value FROM settings WHERE key = ?').get('k')).toEqual({ value: '"v"' });
    again.close();

    // New salt and IV; neither password in the file; the slot survives a restart.
    type Stored = { slots: { kdf: { salt: string }; box: { publicKey: string; wrappedPrivateKey: { iv: string } } }[] };
    const oldSlot = (JSON.parse(before) as Stored).slots[0];
    const after = readFileSync(f.file);
    const newSlot = (JSON.parse(after.toString('utf8')) as Stored).slots[0];
    expect(newSlot?.kdf.salt).not.toBe(oldSlot?.kdf.salt);
    expect(newSlot?.box.wrappedPrivateKey.iv).not.toBe(oldSlot?.box.wrappedPrivateKey.iv);
    // A new key pair: the old password's private key opens nothing the new slot holds.
    expect(newSlot?.box.publicKey).not.toBe(oldSlot?.box.publicKey);
    expect(leaks(after, { password: newPassword, key: f.dbKey })).toEqual([]);
    expect(leaks(after, { password: f.password })).toEqual([]);
    const reopened = KeySlotStore.open(f.file, devPlaintextSealer);
    expect((await reopened.unlock(f.username, newPassword)).ok).toBe(true);
    expect((await reopened.unlock(f.username, f.password)).ok).toBe(false);
  });
});

describe('key slots: binding and passwords (cheap KDF)', () => {
  it('binds the wrapped key to its user id: a slot copied under another account does not open', async () => {
    const f = await withOneSlot();
    const otherId = randomUUID();
    await f.store.createSlot(otherId, 'dbouchard', 'a completely different passphrase', f.dbKey);
    const parsed = JSON.parse(readFileSync(f.file, 'utf8')) as { slots: { userId: string; kdf: unknown; box: unknown }[] };
    const mine = parsed.slots.find((s) => s.userId === f.userId);
    const theirs = parsed.slots.find((s) => s.userId === otherId);
    if (!mine || !theirs) throw new Error('slots expected');
    // Attacker copies mlavoie's salt and wrapped key into dbouchard's slot, hoping mlavoie's password opens it as dbouchard.
    theirs.kdf = mine.kdf;
    theirs.box = mine.box;
    writeFileSync(f.file, JSON.stringify(parsed));
    const tampered = KeySlotStore.open(f.file, devPlaintextSealer, { kdfParams: TEST_KDF });
    expect(await tampered.unlock('dbouchard', f.password)).toEqual({ ok: false, reason: 'invalid_credentials' });
    expect((await tampered.unlock(f.username, f.password)).ok).toBe(true);
  });

  it('uses the whole password: identical first 100 characters, different tails, are different passwords', async () => {
    const dir = tempDir();
    const store = KeySlotStore.open(join(dir, 'keyslots.json'), devPlaintextSealer, { kdfParams: TEST_KDF });
    const dbKey = randomBytes(32);
    const prefix = 'the same long opening sentence that goes on and on for exactly one hundred characters, give or take';
    const stem = prefix.padEnd(100, '.');
    expect([...stem]).toHaveLength(100);
    const a = `${stem} then ends with apples`;
    const b = `${stem} then ends with oranges`;
    await store.createSlot(randomUUID(), 'usera', a, dbKey);
    await store.createSlot(randomUUID(), 'userb', b, dbKey);
    expect((await store.unlock('usera', a)).ok).toBe(true);
    expect((await store.unlock('usera', b)).ok).toBe(false);
    expect((await store.unlock('userb', b)).ok).toBe(true);
    expect((await store.unlock('userb', a)).ok).toBe(false);
    expect((await store.unlock('usera', stem)).ok).toBe(false);
  });

  it('NFC and NFD forms of the same password both unlock', async () => {
    const dir = tempDir();
    const store = KeySlotStore.open(join(dir, 'keyslots.json'), devPlaintextSealer, { kdfParams: TEST_KDF });
    const nfd = 'e\u0301te\u0301 a\u0300 Montre\u0301al 2026 ☀';
    const nfc = nfd.normalize('NFC');
    expect(nfc).not.toBe(nfd);
    expect(nfc).toBe('été à Montréal 2026 ☀');
    await store.createSlot(randomUUID(), 'nfduser', nfd, randomBytes(32));
    expect((await store.unlock('nfduser', nfc)).ok).toBe(true);
    expect((await store.unlock('nfduser', nfd)).ok).toBe(true);
    expect((await store.unlock('nfduser', 'ete a Montreal 2026 ☀')).ok).toBe(false);
  });

  it('unlocks Unicode passphrases (French, Arabic, Tamil) and user names in any case', async () => {
    const dir = tempDir();
    const store = KeySlotStore.open(join(dir, 'keyslots.json'), devPlaintextSealer, { kdfParams: TEST_KDF });
    const key = randomBytes(32);
    const cases = [
      ['Éloïse.Gagnon', 'été à Montréal 2026 ☀'],
      ['سارة', 'كلمة السر الطويلة جدا'],
      ['கமலா', 'கடவுச்சொல் நீளமானது'],
    ] as const;
    for (const [u, p] of cases) await store.createSlot(randomUUID(), u, p, key);
    for (const [u, p] of cases) {
      const r = await store.unlock(u.toUpperCase(), p);
      expect(r.ok, u).toBe(true);
    }
  });
});
