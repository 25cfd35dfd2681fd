import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_KDF_PARAMS, WeakKdfParamsError } from '../../../electron/core/auth/kdf';
import {
  INVALID_USERNAME_PLACEHOLDER,
  InvalidUsernameError,
  KeySlotStore,
  LOCKOUT_MS,
  LastSlotError,
  SlotExistsError,
  WeakPasswordError,
  WrongDatabaseKeyError,
} from '../../../electron/core/auth/key-slots';
import type { UnlockResult } from '../../../electron/core/auth/key-slots';
import { KeySlotFileError } from '../../../electron/core/auth/slot-file';
import type { SecretSealer } from '../../../electron/core/keys/sealer';
import { devPlaintextSealer } from '../../../electron/core/keys/sealer';
import { TEST_KDF, tempDir, withOneSlot } from './helpers';

const t0 = new Date('2026-03-02T14:00:00.000Z');
const plus = (ms: number) => new Date(t0.getTime() + ms);
const WRONG = 'not the right passphrase at all';

describe('lockout', () => {
  it('five consecutive failures lock the account for 15 minutes, even against the right password', async () => {
    const f = await withOneSlot();
    for (let i = 1; i <= 4; i++) expect(await f.store.unlock(f.username, WRONG, plus(i * 1000))).toEqual({ ok: false, reason: 'invalid_credentials' });
    const lockedUntil = plus(5000 + LOCKOUT_MS).toISOString();
    expect(await f.store.unlock(f.username, WRONG, plus(5000))).toEqual({ ok: false, reason: 'locked', lockedUntil });
    // During the window the right password does not open anything.
    expect(await f.store.unlock(f.username, f.password, plus(6000))).toEqual({ ok: false, reason: 'locked', lockedUntil });
    expect(await f.store.unlock(f.username, f.password, plus(5000 + LOCKOUT_MS - 1))).toEqual({ ok: false, reason: 'locked', lockedUntil });
    // After the window it does.
    const r = await f.store.unlock(f.username, f.password, plus(5000 + LOCKOUT_MS));
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.dbKey.equals(f.dbKey)).toBe(true);
  });

  it('a success resets the count: four failures, a success, four failures do not lock', async () => {
    const f = await withOneSlot();
    for (let i = 0; i < 4; i++) await f.store.unlock(f.username, WRONG, t0);
    expect((await f.store.unlock(f.username, f.password, t0)).ok).toBe(true);
    for (let i = 0; i < 4; i++) expect((await f.store.unlock(f.username, WRONG, t0)).ok).toBe(false);
    expect(f.store.listSlots()[0]).toMatchObject({ failedAttempts: 4, lockedUntil: null });
    expect((await f.store.unlock(f.username, f.password, t0)).ok).toBe(true);
  });

  it('after the window a fresh series of five is needed to lock again', async () => {
    const f = await withOneSlot();
    for (let i = 0; i < 5; i++) await f.store.unlock(f.username, WRONG, t0);
    const later = plus(LOCKOUT_MS + 1);
    for (let i = 0; i < 4; i++) expect(await f.store.unlock(f.username, WRONG, later)).toEqual({ ok: false, reason: 'invalid_credentials' });
    expect((await f.store.unlock(f.username, WRONG, later)).ok).toBe(false);
    expect(f.store.listSlots()[0]?.lockedUntil).toBe(new Date(later.getTime() + LOCKOUT_MS).toISOString());
  });

  it('counts the attempt on disk BEFORE checking the password (killing the app mid-check gives no free guess)', async () => {
    const f = await withOneSlot(DEFAULT_KDF_PARAMS);
    const pending = f.store.unlock(f.username, WRONG, t0);
    await new Promise((r) => setImmediate(r));
    const onDisk = JSON.parse(readFileSync(f.file, 'utf8')) as { slots: { failedAttempts: number }[] };
    expect(onDisk.slots[0]?.failedAttempts).toBe(1);
    await pending;
  });

  it('survives a restart: the count and the lock are in the file', async () => {
    const f = await withOneSlot();
    for (let i = 0; i < 4; i++) await f.store.unlock(f.username, WRONG, t0);
    const reopened = KeySlotStore.open(f.file, devPlaintextSealer, { kdfParams: TEST_KDF });
    expect((await reopened.unlock(f.username, WRONG, t0)).ok).toBe(false);
    const again = KeySlotStore.open(f.file, devPlaintextSealer, { kdfParams: TEST_KDF });
    expect(await again.unlock(f.username, f.password, plus(1000))).toMatchObject({ ok: false, reason: 'locked' });
  });

  it('two processes on one folder share the count: an old copy written back cannot reset it', async () => {
    const f = await withOneSlot();
    // A second store on the same file, opened before any failure (as the CLI next to the app).
    const other = KeySlotStore.open(f.file, devPlaintextSealer, { kdfParams: TEST_KDF });
    for (let i = 0; i < 3; i++) await f.store.unlock(f.username, WRONG, t0);
    expect(await other.unlock(f.username, WRONG, t0)).toEqual({ ok: false, reason: 'invalid_credentials' });
    expect(other.listSlots()[0]?.failedAttempts).toBe(4);
    expect(await f.store.unlock(f.username, WRONG, t0)).toMatchObject({ ok: false, reason: 'locked' });
    expect(await other.unlock(f.username, f.password, t0)).toMatchObject({ ok: false, reason: 'locked' });
    expect(other.takePendingEvents().events.map((e) => e.action)).toEqual([...Array<string>(5).fill('auth.signInFailed'), 'auth.accountLocked']);
  });

  it('parallel attempts are serialized: a burst cannot slip a sixth guess past the lock', async () => {
    const f = await withOneSlot();
    const burst = await Promise.all([
      ...Array.from({ length: 8 }, () => f.store.unlock(f.username, WRONG, t0)),
      f.store.unlock(f.username, f.password, t0),
    ]);
    expect(burst.slice(0, 4).every((r) => !r.ok && r.reason === 'invalid_credentials')).toBe(true);
    expect(burst.slice(4).every((r) => !r.ok && r.reason === 'locked')).toBe(true);
  });

  it('a supervisor can lift a lockout; a password reset lifts it too', async () => {
    const f = await withOneSlot();
    for (let i = 0; i < 5; i++) await f.store.unlock(f.username, WRONG, t0);
    f.store.clearLockout(f.userId);
    expect((await f.store.unlock(f.username, f.password, t0)).ok).toBe(true);
    for (let i = 0; i < 5; i++) await f.store.unlock(f.username, WRONG, t0);
    const reset = 'fresh one-time passphrase 8812';
    await f.store.rewrap(f.userId, reset, f.dbKey);
    expect((await f.store.unlock(f.username, reset, t0)).ok).toBe(true);
  });
});

describe('unknown user names look exactly like wrong passwords', () => {
  it('gives identical results, including the lockout', async () => {
    const f = await withOneSlot();
    const known: UnlockResult[] = [];
    const unknown: UnlockResult[] = [];
    for (let i = 0; i < 7; i++) {
      known.push(await f.store.unlock(f.username, WRONG, t0));
      unknown.push(await f.store.unlock('nobody.here', WRONG, t0));
    }
    expect(unknown).toEqual(known);
    expect(known[4]).toEqual({ ok: false, reason: 'locked', lockedUntil: plus(LOCKOUT_MS).toISOString() });
  });

  it('takes a similar time (argon2 runs against a dummy slot for unknown names)', async () => {
    const f = await withOneSlot(DEFAULT_KDF_PARAMS);
    const time = async (fn: () => Promise<unknown>) => {
      const s = performance.now();
      await fn();
      return performance.now() - s;
    };
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 10; i++) {
      // Interleaved so machine noise hits both; a success every round keeps the account unlocked.
      known.push(await time(() => f.store.unlock(f.username, WRONG, t0)));
      unknown.push(await time(() => f.store.unlock(`ghost${i}`, WRONG, t0)));
      await f.store.unlock(f.username, f.password, t0);
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
    const ratio = median(unknown) / median(known);
    // Without the dummy derivation an unknown name answers in about a tenth of the time; the
    // bounds are loose so a busy CI machine does not make this flaky.
    expect(ratio).toBeGreaterThan(0.5);
    expect(ratio).toBeLessThan(2);
  });

  it('a removed (disabled) account answers like an unknown one; the last slot cannot be removed', async () => {
    const f = await withOneSlot();
    expect(() => f.store.removeSlot(f.userId)).toThrow(LastSlotError);
    const keeper = randomUUID();
    await f.store.createSlot(keeper, 'supervisor1', 'the supervisor keeps this passphrase', f.dbKey);
    expect(f.store.removeSlot(f.userId)).toBe(true);
    expect(f.store.hasSlot(f.userId)).toBe(false);
    expect(await f.store.unlock(f.username, f.password, t0)).toEqual({ ok: false, reason: 'invalid_credentials' });
    expect(readFileSync(f.file, 'utf8')).not.toContain(f.userId);
  });
});

describe('pending sign-in events', () => {
  it('queues each failure and each lock, never the password, and hands them over once', async () => {
    const f = await withOneSlot();
    for (let i = 0; i < 5; i++) await f.store.unlock(f.username.toUpperCase(), WRONG, plus(i));
    await f.store.unlock('ghost', WRONG, plus(10));
    await f.store.unlock(f.username, f.password, plus(5 + LOCKOUT_MS));

    const { events, dropped } = f.store.takePendingEvents();
    expect(dropped).toBe(0);
    expect(events).toEqual([
      ...[0, 1, 2, 3, 4].map((i) => ({ at: plus(i).toISOString(), action: 'auth.signInFailed', username: f.username, userId: f.userId })),
      { at: plus(4).toISOString(), action: 'auth.accountLocked', username: f.username, userId: f.userId },
      { at: plus(10).toISOString(), action: 'auth.signInFailed', username: 'ghost', userId: null },
    ]);
    expect(JSON.stringify(events)).not.toContain(WRONG);
    expect(f.store.takePendingEvents()).toEqual({ events: [], dropped: 0 });
    // Cleared on disk too, and the file never held the typed password.
    const reopened = KeySlotStore.open(f.file, devPlaintextSealer, { kdfParams: TEST_KDF });
    expect(reopened.takePendingEvents()).toEqual({ events: [], dropped: 0 });
    expect(readFileSync(f.file, 'utf8')).not.toContain('not the right');
  });

  it('never records an implausible typed name (maybe a password in the wrong field); the file stays readable', async () => {
    const f = await withOneSlot();
    const typedAsName = 'my secret passphrase typed in the wrong box';
    await f.store.unlock(typedAsName, WRONG, t0);
    await f.store.unlock('x'.repeat(10_000), WRONG, t0);
    const raw = readFileSync(f.file, 'utf8');
    expect(raw).not.toContain(typedAsName);
    expect(raw).not.toContain('x'.repeat(300));
    expect(f.store.takePendingEvents().events.map((e) => e.username)).toEqual([INVALID_USERNAME_PLACEHOLDER, INVALID_USERNAME_PLACEHOLDER]);
    // Throttled all the same, and the file still loads.
    for (let i = 0; i < 4; i++) await f.store.unlock(typedAsName, WRONG, t0);
    expect(await KeySlotStore.open(f.file, devPlaintextSealer, { kdfParams: TEST_KDF }).unlock(typedAsName, WRONG, t0)).toMatchObject({ reason: 'locked' });
    await expect(f.store.createSlot(randomUUID(), 'two words', 'a fine long passphrase', f.dbKey)).rejects.toBeInstanceOf(InvalidUsernameError);
  });

  it('events given back after a failed audit write are kept, oldest first', async () => {
    const f = await withOneSlot();
    await f.store.unlock(f.username, WRONG, t0);
    const first = f.store.takePendingEvents();
    await f.store.unlock(f.username, WRONG, plus(1));
    f.store.requeuePendingEvents(first);
    expect(f.store.takePendingEvents().events.map((e) => e.at)).toEqual([t0.toISOString(), plus(1).toISOString()]);
  });

  it('a flood keeps the oldest and the newest attempts and counts what fell out between them, across a failed write', async () => {
    const f = await withOneSlot();
    const store = KeySlotStore.open(f.file, devPlaintextSealer, { kdfParams: TEST_KDF, maxPendingEvents: 10 });
    // Unknown names, so no lockout slows the flood: 16 failures into a queue of 10.
    for (let i = 0; i < 16; i++) await store.unlock(`ghost${i}`, WRONG, plus(i));
    const batch = store.takePendingEvents();
    expect(batch.dropped).toBe(6);
    expect(batch.events.map((e) => e.username)).toEqual([0, 1, 2, 3, 4, 11, 12, 13, 14, 15].map((i) => `ghost${i}`));
    // The audit write failed: given back, the batch stays ahead of what came since, the count too.
    await store.unlock('later', WRONG, plus(20));
    store.requeuePendingEvents(batch);
    const again = store.takePendingEvents();
    expect(again.dropped).toBe(7);
    expect(again.events.map((e) => e.username)).toEqual([0, 1, 2, 3, 4, 12, 13, 14, 15, 'later'].map((i) => (typeof i === 'number' ? `ghost${i}` : i)));
  });
});

describe('creating and replacing slots', () => {
  it('refuses a weak password, a wrong database key and a duplicate name (any case)', async () => {
    const f = await withOneSlot();
    await expect(f.store.createSlot(randomUUID(), 'newbie', 'password1234', f.dbKey)).rejects.toBeInstanceOf(WeakPasswordError);
    await expect(f.store.createSlot(randomUUID(), 'newbie', 'short', f.dbKey)).rejects.toMatchObject({ issues: [{ messageKey: 'password.too_short' }] });
    await expect(f.store.createSlot(randomUUID(), 'newbie', 'a fine long passphrase', randomBytes(32))).rejects.toBeInstanceOf(WrongDatabaseKeyError);
    await expect(f.store.createSlot(randomUUID(), 'MLavoie', 'a fine long passphrase', f.dbKey)).rejects.toBeInstanceOf(SlotExistsError);
    await expect(f.store.rewrap(f.userId, 'mlavoie is my password', f.dbKey)).rejects.toBeInstanceOf(WeakPasswordError);
    await expect(f.store.rewrap(f.userId, 'a fine long passphrase', randomBytes(32))).rejects.toBeInstanceOf(WrongDatabaseKeyError);
    expect((await f.store.unlock(f.username, f.password)).ok).toBe(true);
  });

  it('refuses weak KDF parameters unless it is the dev sealer', () => {
    const osLike: SecretSealer = { kind: 'os-keystore', seal: (b) => Buffer.from(b), unseal: (b) => Buffer.from(b) };
    const file = join(tempDir(), 'keyslots.json');
    expect(() => KeySlotStore.open(file, osLike, { kdfParams: TEST_KDF })).toThrow(WeakKdfParamsError);
    expect(() => KeySlotStore.open(file, osLike)).not.toThrow();
  });

  it('re-wraps a slot made with weaker parameters at sign-in (kdf-upgrade.test.ts: real parameters)', async () => {
    const f = await withOneSlot(TEST_KDF);
    const stronger = { ...TEST_KDF, iterations: 2 };
    const upgraded = KeySlotStore.open(f.file, devPlaintextSealer, { kdfParams: stronger });
    expect(await upgraded.unlock(f.username, f.password)).toMatchObject({ ok: true, needsRewrap: false });
    const parsed = JSON.parse(readFileSync(f.file, 'utf8')) as { slots: { kdf: { iterations: number } }[] };
    expect(parsed.slots[0]?.kdf.iterations).toBe(2);
    expect(await upgraded.unlock(f.username, f.password)).toMatchObject({ ok: true, needsRewrap: false });
  });

  it('refuses a corrupted or tampered slot file', async () => {
    const f = await withOneSlot();
    writeFileSync(f.file, '{"format":"avrr-keyslots","version":1,"slots":"nope"}');
    expect(() => KeySlotStore.open(f.file, devPlaintextSealer)).toThrow(KeySlotFileError);
    writeFileSync(f.file, 'not json');
    expect(() => KeySlotStore.open(f.file, devPlaintextSealer)).toThrow(KeySlotFileError);
  });

  it('an absent file means no slots, and nothing is written until the first slot', () => {
    const file = join(tempDir(), 'keyslots.json');
    const store = KeySlotStore.open(file, devPlaintextSealer, { kdfParams: TEST_KDF });
    expect(store.hasAnySlot()).toBe(false);
    expect(() => readFileSync(file)).toThrow();
  });
});

describe('audit head anchor', () => {
  it('keeps the last known (seq, mac) of the audit trail across restarts', async () => {
    const f = await withOneSlot();
    expect(f.store.auditHead()).toBeNull();
    const head = { seq: 42, mac: 'ab'.repeat(32) };
    f.store.setAuditHead(head);
    expect(KeySlotStore.open(f.file, devPlaintextSealer, { kdfParams: TEST_KDF }).auditHead()).toEqual(head);
    expect(() => f.store.setAuditHead({ seq: 0, mac: 'ab'.repeat(32) })).toThrow(RangeError);
    expect(() => f.store.setAuditHead({ seq: 1, mac: 'xyz' })).toThrow(RangeError);
    f.store.setAuditHead(null);
    expect(f.store.auditHead()).toBeNull();
  });
});
