import { createHash, createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { AUDIT_USERNAME_PATTERN } from '../audit/entry';
import { DB_KEY_BYTES } from '../db/open';
import type { SecretSealer } from '../keys/sealer';
import { DEFAULT_KDF_PARAMS, KDF_SALT_BYTES, WeakKdfParamsError, deriveKek, meetsOwaspFloor, newSalt, weakerThan } from './kdf';
import type { KdfParams } from './kdf';
import { checkPassword } from './password-policy';
import type { PasswordIssue } from './password-policy';
import { withFileLock } from './file-lock';
import { readSlotFile, writeSlotFile } from './slot-file';
import type { PendingAuthEvent, Slot, SlotFile, Throttle } from './slot-file';
import { slotAad, unwrapKey, wrapKey } from './wrap';
import type { WrappedKey } from './wrap';
import { newBoxKeyPair, openSealed, sealTo } from './sealed-box';
import type { SealedKey } from './sealed-box';
import type { SealedKeyJson } from './slot-file';

export type { PendingAuthEvent } from './slot-file';

/** Five consecutive failures lock the name for fifteen minutes. */
export const MAX_FAILED_ATTEMPTS = 5;
export const LOCKOUT_MS = 15 * 60 * 1000;
/** The queue survives a flood of attempts against unknown names without growing without bound. */
export const MAX_PENDING_EVENTS = 5_000;
/** Throttle entries kept for names that have no slot (oldest forgotten first). */
const MAX_UNKNOWN_NAMES = 500;

export type UnlockResult =
  | {
      ok: true;
      userId: string;
      dbKey: Buffer;
      /**
       * The new key of a rotation that was under way when the app stopped (keys/rotation.ts): the
       * database file is in one of the two keys; the caller opens it with whichever works.
       */
      pendingKey?: Buffer;
      /**
       * Always false: unlock itself re-wraps a slot made with weaker KDF parameters (see
       * upgradeSlot). Kept so callers written before that still compile; calling rewrap after
       * sign-in would re-check the password against today's policy and refuse a password that was
       * long enough when it was chosen.
       */
      needsRewrap: false;
    }
  | { ok: false; reason: 'invalid_credentials' }
  | { ok: false; reason: 'locked'; lockedUntil: string };

export interface SlotSummary {
  userId: string;
  username: string;
  failedAttempts: number;
  lockedUntil: string | null;
}

export interface KeySlotStoreOptions {
  /**
   * KDF parameters for new and re-wrapped slots (and the dummy slot). Default: DEFAULT_KDF_PARAMS.
   * Weaker ones are accepted only with the dev sealer, i.e. in tests, never in the packaged app.
   */
  kdfParams?: KdfParams;
  /** How many sign-in events the file queues (default MAX_PENDING_EVENTS; tests use fewer). */
  maxPendingEvents?: number;
}

/** What a backup carries of the slot file (see slotsForBackup). */
export interface BackupSlots {
  keyCheck: string | null;
  lastRotatedAt: string | null;
  slots: Slot[];
}

/** The queued sign-in events handed to the audit trail, and how many a flood pushed out. */
export interface PendingBatch {
  events: PendingAuthEvent[];
  dropped: number;
}

export class SlotExistsError extends Error {
  constructor(what: string) {
    super(`A key slot already exists for ${what}`);
    this.name = 'SlotExistsError';
  }
}
export class SlotNotFoundError extends Error {
  constructor(readonly userId: string) {
    super(`No key slot for user ${userId}`);
    this.name = 'SlotNotFoundError';
  }
}
/** Removing this slot would leave nobody able to open the database. */
export class LastSlotError extends Error {
  constructor() {
    super('Refusing to remove the last key slot: the database could never be opened again');
    this.name = 'LastSlotError';
  }
}
/** The password breaks the policy; `issues` carries the i18n keys. */
export class WeakPasswordError extends Error {
  constructor(readonly issues: PasswordIssue[]) {
    super(`Password refused: ${issues.map((i) => i.messageKey).join(', ')}`);
    this.name = 'WeakPasswordError';
  }
}
/** Slots made before rotation existed cannot receive a new key without their password. */
export class LegacySlotsError extends Error {
  constructor(readonly usernames: string[]) {
    super(`These accounts must sign in once (or be reset) before the key can be rotated: ${usernames.join(', ')}`);
    this.name = 'LegacySlotsError';
  }
}

/** The key given to createSlot/rewrap is not this installation's database key. */
export class WrongDatabaseKeyError extends Error {
  constructor() {
    super('The key to wrap is not the database key the other slots hold');
    this.name = 'WrongDatabaseKeyError';
  }
}

/** A user name that shared/schema/auth would never accept. */
export class InvalidUsernameError extends Error {
  constructor() {
    super('User names are 1-64 letters, digits, dots, dashes or underscores');
    this.name = 'InvalidUsernameError';
  }
}

/** The lookup form of a user name (same as shared/schema/auth `username`). */
export function normalizeUsername(username: string): string {
  return username.normalize('NFC').trim().toLowerCase();
}

/** Stands in for a typed name that is not a possible user name (it may be a password typed in the wrong field). */
export const INVALID_USERNAME_PLACEHOLDER = '_invalid_';

function isPlausibleName(name: string): boolean {
  return AUDIT_USERNAME_PATTERN.test(name);
}

/** What a password opens: the database key itself (legacy slots) or the slot's private key (box slots). */
interface LiveSlot {
  userId: string;
  kdf: KdfParams;
  salt: Buffer;
  wrapped: WrappedKey;
}

/**
 * The per-account key slots: the random database key, wrapped once per account under a key
 * derived from that account's password (argon2id + AES-256-GCM). One JSON file outside the
 * database, sealed by `sealer` (the OS key store in Electron) and rewritten atomically.
 *
 * - No password and no key is ever written in the clear.
 * - Sign-in throttling lives here because it must work before the database is open: each
 *   attempt is counted (and persisted) BEFORE the password is checked, so killing the app in
 *   the middle of a check does not give a free guess. Attempts are serialized.
 * - Unknown names get the same treatment as real ones (argon2 against a dummy slot, the same
 *   counters and lockout), so the reply and its timing do not reveal which accounts exist.
 * - A disabled account has its slot REMOVED (not flagged): nothing left in the file can open
 *   the database with that password. Re-enabling it = a password reset, which creates a slot.
 *   Copies of an older slot file still hold the old slot: the database key is rotated
 *   (keys/rotation.ts, with beginRotation/finishRotation here) so that they open nothing.
 * - Failures and lockouts are queued in the file as pending events; the caller writes them into
 *   the audit trail after the next successful sign-in (`takePendingEvents`).
 *
 * Every change re-reads the file and rewrites it whole under an exclusive lock on the folder
 * (`mutate`, ./file-lock.ts), so a second process on the same data folder (the audit:verify or
 * report CLI while the app runs) neither loses nor reverts another's change. Operations within a
 * process are serialized; a sign-in counts the attempt before argon2 and settles it after, each
 * step under the lock.
 */
export class KeySlotStore {
  private readonly kdfParams: KdfParams;
  private readonly maxPending: number;
  private readonly dummy: LiveSlot;
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly file: string,
    private readonly sealer: SecretSealer,
    private state: SlotFile,
    options: KeySlotStoreOptions,
  ) {
    this.kdfParams = options.kdfParams ?? DEFAULT_KDF_PARAMS;
    this.maxPending = Math.max(2, options.maxPendingEvents ?? MAX_PENDING_EVENTS);
    if (!meetsOwaspFloor(this.kdfParams) && sealer.kind !== 'dev-plaintext') throw new WeakKdfParamsError(this.kdfParams);
    // Random salt and random "wrapped key": never unwraps, costs exactly what a real slot costs.
    this.dummy = {
      userId: randomUUID(),
      kdf: this.kdfParams,
      salt: randomBytes(KDF_SALT_BYTES),
      wrapped: { iv: randomBytes(12), tag: randomBytes(16), ciphertext: randomBytes(DB_KEY_BYTES) },
    };
  }

  /** Read the slot file (an absent file = no slots yet; nothing is written until the first slot). */
  static open(file: string, sealer: SecretSealer, options: KeySlotStoreOptions = {}): KeySlotStore {
    return new KeySlotStore(file, sealer, readSlotFile(file, sealer), options);
  }

  hasAnySlot(): boolean {
    return this.reload().slots.length > 0;
  }

  hasSlot(userId: string): boolean {
    return this.reload().slots.some((s) => s.userId === userId);
  }

  /** For the supervisor's account screen: who is locked out, without any key material. */
  listSlots(): SlotSummary[] {
    return this.reload().slots.map((s) => ({ userId: s.userId, username: s.username, failedAttempts: s.failedAttempts, lockedUntil: s.lockedUntil }));
  }

  /** Add an account's slot. The password must pass the policy; the key must be the database key. */
  createSlot(userId: string, username: string, password: string, dbKey: Buffer, now: Date = new Date()): Promise<void> {
    return this.serialize(async () => {
      const name = normalizeUsername(username);
      if (!isPlausibleName(name)) throw new InvalidUsernameError();
      this.requirePassword(password, name);
      this.refuseDuplicate(userId, name);
      this.requireDbKey(dbKey);
      const slot = await this.makeSlot(userId, name, password, dbKey, now, now);
      // Checked again under the lock: another process (or a sync call) may have changed the file.
      this.mutate(() => {
        this.refuseDuplicate(userId, name);
        this.requireDbKey(dbKey);
        this.state.keyCheck ??= keyCheck(dbKey).toString('base64');
        // A name that was guessed at before it existed starts clean.
        this.state.unknownNames = this.state.unknownNames.filter((u) => u.username !== name);
        this.state.slots.push(slot);
      });
    });
  }

  /**
   * Try to open a slot. Every failure reads `invalid_credentials` whether the name exists or
   * not; the fifth consecutive failure (and every attempt during the lockout) reads `locked`.
   * A slot made with weaker KDF parameters than today's is re-wrapped before this returns.
   */
  unlock(username: string, password: string, now: Date = new Date()): Promise<UnlockResult> {
    return this.serialize(async () => {
      const { reply, opened } = await this.tryUnlock(username, password, now);
      if (reply.ok && opened && (weakerThan(opened.kdf, this.kdfParams) || !opened.slot.box)) {
        try {
          await this.upgradeSlot(opened.slot, password, reply.dbKey, now);
        } catch (e) {
          reply.dbKey.fill(0);
          throw e;
        }
      }
      return reply;
    });
  }

  /** One sign-in attempt, counted before argon2 and settled after; `opened` = the slot it opened. */
  private async tryUnlock(username: string, password: string, now: Date): Promise<{ reply: UnlockResult; opened?: { slot: Slot; kdf: KdfParams } }> {
    const name = normalizeUsername(username);
    const counted = this.mutate((): { slot: Slot | undefined } | { lockedUntil: string } => {
      const slot = this.findByName(name);
      const throttle = slot ?? this.unknownThrottle(name, now);
      if (throttle.lockedUntil !== null) {
        if (now.getTime() < Date.parse(throttle.lockedUntil)) return { lockedUntil: throttle.lockedUntil };
        throttle.lockedUntil = null;
        throttle.failedAttempts = 0;
      }
      throttle.failedAttempts += 1;
      return { slot };
    });
    if ('lockedUntil' in counted) return { reply: { ok: false, reason: 'locked', lockedUntil: counted.lockedUntil } };
    const { slot } = counted;

    const target = slot ? liveSlot(slot) : this.dummy;
    const kek = await deriveKek(password, target.salt, target.kdf);
    const secret = unwrapKey(kek, target.wrapped, slotAad(target.userId));
    kek.fill(0);

    // Re-read under the lock: the slot may have been removed or re-wrapped while argon2 ran
    // (then this is no sign-in), and the counters may have moved in another process. A rotation
    // finished meanwhile re-sealed the key: it is opened from the slot as it is now.
    const reply = this.mutate((): UnlockResult => {
      const current = this.findByName(name);
      const unchanged = slot !== undefined && current !== undefined && sameSlot(slot, current);
      const keys = current && secret && unchanged ? this.keysOf(current, secret) : null;
      secret?.fill(0);
      if (current && keys) {
        current.failedAttempts = 0;
        current.lockedUntil = null;
        return { ok: true, userId: current.userId, ...keys, needsRewrap: false };
      }

      const counter = current ?? this.unknownThrottle(name, now);
      const at = now.toISOString();
      const userId = current?.userId ?? null;
      // Only plausible names reach the audit trail: anything else may be a password typed in the wrong field.
      const shown = isPlausibleName(name) ? name : INVALID_USERNAME_PLACEHOLDER;
      this.queueEvent({ at, action: 'auth.signInFailed', username: shown, userId });
      if (counter.failedAttempts >= MAX_FAILED_ATTEMPTS) {
        const lockedUntil = new Date(now.getTime() + LOCKOUT_MS).toISOString();
        counter.lockedUntil = lockedUntil;
        counter.failedAttempts = 0;
        this.queueEvent({ at, action: 'auth.accountLocked', username: shown, userId });
        return { ok: false, reason: 'locked', lockedUntil };
      }
      return { ok: false, reason: 'invalid_credentials' };
    });
    return reply.ok && slot ? { reply, opened: { slot, kdf: target.kdf } } : { reply };
  }

  /** The database key (and an unfinished rotation's new key) from a slot and what its password opened. */
  private keysOf(slot: Slot, secret: Buffer): { dbKey: Buffer; pendingKey?: Buffer } | null {
    const aad = slotAad(slot.userId);
    if (!slot.box) return { dbKey: Buffer.from(secret) };
    const dbKey = openSealed(secret, sealedKey(slot.box.sealedKey), aad);
    if (!dbKey) return null;
    const pending = this.state.rotation?.sealed.find((p) => p.userId === slot.userId);
    const pendingKey = pending ? openSealed(secret, sealedKey(pending.sealedKey), aad) : null;
    return pendingKey ? { dbKey, pendingKey } : { dbKey };
  }

  /**
   * Re-wrap the key a sign-in just opened under today's KDF parameters (and as a box slot), while the password is at
   * hand: argon2 runs outside the lock (other processes keep signing in meanwhile), and the new
   * slot replaces the old one under the lock only if that is still the slot the password opened.
   * A password change or reset made meanwhile (here or in another process) stands; so do the
   * counters, which another process may have moved. The password is not re-checked against
   * today's policy: it is not a new password, and refusing it here would lock its owner out.
   */
  private async upgradeSlot(opened: Slot, password: string, dbKey: Buffer, now: Date): Promise<void> {
    const fresh = await this.makeSlot(opened.userId, opened.username, password, dbKey, new Date(opened.createdAt), now);
    this.mutate(() => {
      const i = this.state.slots.findIndex((s) => s.userId === opened.userId);
      const current = this.state.slots[i];
      if (!current || !sameSlot(opened, current)) return;
      this.state.slots[i] = { ...fresh, failedAttempts: current.failedAttempts, lockedUntil: current.lockedUntil };
    });
  }

  /**
   * Replace an account's slot (password change, supervisor reset, KDF upgrade): new salt, new
   * IV, today's KDF parameters; clears the lockout. The old password no longer opens anything.
   */
  rewrap(userId: string, newPassword: string, dbKey: Buffer, now: Date = new Date()): Promise<void> {
    return this.serialize(async () => {
      const old = this.reload().slots.find((s) => s.userId === userId);
      if (!old) throw new SlotNotFoundError(userId);
      this.requirePassword(newPassword, old.username);
      this.requireDbKey(dbKey);
      const fresh = await this.makeSlot(userId, old.username, newPassword, dbKey, new Date(old.createdAt), now);
      // Looked up again under the lock: removeSlot may have run meanwhile.
      this.mutate(() => {
        const i = this.state.slots.findIndex((s) => s.userId === userId);
        if (i < 0) throw new SlotNotFoundError(userId);
        this.state.slots[i] = fresh;
      });
    });
  }

  /** Disable an account: delete its slot. Refuses to delete the last one. Returns false if there was none. */
  removeSlot(userId: string): boolean {
    return this.mutate(() => {
      const i = this.state.slots.findIndex((s) => s.userId === userId);
      if (i < 0) return false;
      if (this.state.slots.length === 1) throw new LastSlotError();
      this.state.slots.splice(i, 1);
      return true;
    });
  }

  /** Supervisor action: lift a lockout before the fifteen minutes are over. */
  clearLockout(userId: string): void {
    this.mutate(() => {
      const slot = this.state.slots.find((s) => s.userId === userId);
      if (!slot) throw new SlotNotFoundError(userId);
      slot.failedAttempts = 0;
      slot.lockedUntil = null;
    });
  }

  /**
   * Hand over the queued sign-in events and the count of those a flood pushed out, and clear
   * both. Call it once the database is open and write them into the audit trail (the count as an
   * entry of its own). If that write fails, give the batch back with `requeuePendingEvents`.
   */
  takePendingEvents(): PendingBatch {
    const queued = this.reload();
    if (queued.pendingEvents.length === 0 && queued.droppedEvents === 0) return { events: [], dropped: 0 };
    return this.mutate(() => {
      const batch = { events: this.state.pendingEvents, dropped: this.state.droppedEvents };
      this.state.pendingEvents = [];
      this.state.droppedEvents = 0;
      return batch;
    });
  }

  /** Put a batch back in front of what was queued since (its events are older). */
  requeuePendingEvents(batch: PendingBatch): void {
    if (batch.events.length === 0 && batch.dropped === 0) return;
    this.mutate(() => {
      const later = this.state.pendingEvents;
      this.state.pendingEvents = [...batch.events];
      this.state.droppedEvents += batch.dropped;
      for (const e of later) this.queueEvent(e);
    });
  }

  /**
   * The audit trail's head (last seq and mac) as recorded outside the database: pass it to
   * verifyAuditChain as `head` to catch entries cut from the end. Record it after writes you
   * care about (sign-in, sign-out, lock); reset it (null) after restoring a backup on purpose.
   */
  auditHead(): { seq: number; mac: string } | null {
    return this.reload().auditHead;
  }

  setAuditHead(head: { seq: number; mac: string } | null): void {
    if (head !== null && (!Number.isSafeInteger(head.seq) || head.seq < 1 || !/^[0-9a-f]{64}$/.test(head.mac))) {
      throw new RangeError('audit head must be a positive seq and a 64-hex-digit mac');
    }
    this.mutate(() => {
      this.state.auditHead = head === null ? null : { seq: head.seq, mac: head.mac };
    });
  }

  /**
   * The slots as a backup carries them (electron/core/backup): what opens the key the database
   * is in now, without counters, queued events or a rotation under way.
   */
  slotsForBackup(): BackupSlots {
    const f = this.reload();
    if (f.rotation !== null) throw new Error('a key rotation is under way: sign in again first');
    return { keyCheck: f.keyCheck, lastRotatedAt: f.lastRotatedAt, slots: f.slots.map((s) => ({ ...s, failedAttempts: 0, lockedUntil: null })) };
  }

  // ---- rotation of the database key (keys/rotation.ts drives the steps) ----

  /** Accounts whose slot predates rotation (no key pair): a rotation would lock them out. */
  legacyAccounts(): string[] {
    return this.reload()
      .slots.filter((s) => !s.box)
      .map((s) => s.username);
  }

  lastRotatedAt(): string | null {
    return this.reload().lastRotatedAt;
  }

  rotationPending(): boolean {
    return this.reload().rotation !== null;
  }

  /**
   * Step 1: seal the new key to every slot, beside the current one (the file then opens either
   * key). Refuses a wrong current key, and legacy slots (their owners would be locked out).
   */
  beginRotation(currentKey: Buffer, newKey: Buffer, now: Date = new Date()): void {
    this.mutate(() => {
      this.requireDbKey(currentKey);
      if (newKey.length !== DB_KEY_BYTES) throw new WrongDatabaseKeyError();
      const legacy = this.state.slots.filter((s) => !s.box).map((s) => s.username);
      if (legacy.length > 0) throw new LegacySlotsError(legacy);
      this.state.rotation = {
        keyCheck: keyCheck(newKey).toString('base64'),
        startedAt: now.toISOString(),
        sealed: this.state.slots.map((s) => ({ userId: s.userId, sealedKey: sealedKeyJson(sealToSlot(s, newKey)) })),
      };
    });
  }

  /**
   * Step 3, once the database file is in the new key: every slot holds the new key only, so a
   * copy of an older slot file opens nothing in the current database. Re-seals every slot (also
   * one created meanwhile). Idempotent for the key already in force.
   */
  finishRotation(newKey: Buffer, now: Date = new Date()): void {
    this.mutate(() => {
      const check = keyCheck(newKey).toString('base64');
      if (this.state.rotation === null && this.state.keyCheck === check) return;
      if (this.state.rotation === null || this.state.rotation.keyCheck !== check) throw new WrongDatabaseKeyError();
      for (const slot of this.state.slots) {
        if (slot.box) slot.box.sealedKey = sealedKeyJson(sealToSlot(slot, newKey));
      }
      this.state.keyCheck = check;
      this.state.lastRotatedAt = now.toISOString();
      this.state.rotation = null;
    });
  }

  /** The database file never changed key (the app stopped before): forget the new key. */
  abandonRotation(): void {
    if (this.reload().rotation === null) return;
    this.mutate(() => {
      this.state.rotation = null;
    });
  }

  // ---- internals ----

  private serialize<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.queue.then(fn, fn);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /**
   * Every change: under the folder's lock, re-read the file, change it, write it whole. Without
   * the lock two processes each re-read, each changed their copy, and the second write dropped
   * the first one's change (lost slots, revived disabled accounts). A `fn` that throws writes nothing.
   */
  private mutate<T>(fn: () => T): T {
    return withFileLock(`${this.file}.lock`, () => {
      this.reload();
      const result = fn();
      this.persist();
      return result;
    });
  }

  /** Take the file's current content as the state (see the class comment). */
  private reload(): SlotFile {
    this.state = readSlotFile(this.file, this.sealer);
    return this.state;
  }

  private refuseDuplicate(userId: string, name: string): void {
    if (this.state.slots.some((s) => s.userId === userId)) throw new SlotExistsError(`user ${userId}`);
    if (this.findByName(name)) throw new SlotExistsError(`user name ${name}`);
  }

  private findByName(name: string): Slot | undefined {
    return this.state.slots.find((s) => s.username === name);
  }

  private unknownThrottle(typed: string, now: Date): Throttle {
    const at = now.toISOString();
    // Implausible names are kept only as a digest: bounded in size, and no stray password on disk.
    const name = isPlausibleName(typed) ? typed : `#${createHash('sha256').update(typed).digest('hex')}`;
    let entry = this.state.unknownNames.find((u) => u.username === name);
    if (!entry) {
      entry = { username: name, failedAttempts: 0, lockedUntil: null, lastAttemptAt: at };
      this.state.unknownNames.push(entry);
      if (this.state.unknownNames.length > MAX_UNKNOWN_NAMES) {
        this.state.unknownNames.sort((a, b) => a.lastAttemptAt.localeCompare(b.lastAttemptAt));
        this.state.unknownNames.splice(0, this.state.unknownNames.length - MAX_UNKNOWN_NAMES);
      }
    }
    entry.lastAttemptAt = at;
    return entry;
  }

  /**
   * Keep the oldest half and the newest half: a flood must neither push the first attempts of an
   * attack out of the queue nor hide the attempts that come after it. What falls out between
   * them is counted, and the count reaches the audit trail.
   */
  private queueEvent(event: PendingAuthEvent): void {
    const queue = this.state.pendingEvents;
    if (queue.length >= this.maxPending) {
      queue.splice(Math.floor(this.maxPending / 2), 1);
      this.state.droppedEvents += 1;
    }
    queue.push(event);
  }

  private requirePassword(password: string, username: string): void {
    const issues = checkPassword(password, { username });
    if (issues.length > 0) throw new WeakPasswordError(issues);
  }

  private requireDbKey(dbKey: Buffer): void {
    if (dbKey.length !== DB_KEY_BYTES) throw new WrongDatabaseKeyError();
    if (this.state.keyCheck === null) return;
    const expected = Buffer.from(this.state.keyCheck, 'base64');
    const actual = keyCheck(dbKey);
    if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) throw new WrongDatabaseKeyError();
  }

  /** A new slot: a fresh salt and key pair, the private half under the password, the database key sealed to the public half. */
  private async makeSlot(userId: string, username: string, password: string, dbKey: Buffer, createdAt: Date, now: Date): Promise<Slot> {
    const salt = newSalt();
    const kek = await deriveKek(password, salt, this.kdfParams);
    const pair = newBoxKeyPair();
    const wrappedPrivate = wrapKey(kek, pair.privateKey, slotAad(userId));
    kek.fill(0);
    pair.privateKey.fill(0);
    return {
      userId,
      username,
      kdf: { ...this.kdfParams, salt: salt.toString('base64') },
      box: {
        publicKey: pair.publicKey.toString('base64'),
        wrappedPrivateKey: gcmJson(wrappedPrivate),
        sealedKey: sealedKeyJson(sealTo(pair.publicKey, dbKey, slotAad(userId))),
      },
      failedAttempts: 0,
      lockedUntil: null,
      createdAt: createdAt.toISOString(),
      updatedAt: now.toISOString(),
    };
  }

  private persist(): void {
    writeSlotFile(this.file, this.sealer, this.state);
  }
}

type GcmJson = { cipher: 'aes-256-gcm'; iv: string; tag: string; ciphertext: string };

/** What the password unwraps: the private key of a box slot, the database key of a legacy one. */
function passwordWrapped(slot: Slot): GcmJson {
  const w = slot.box?.wrappedPrivateKey ?? slot.wrappedKey;
  if (!w) throw new Error('slot without a wrapped key'); // the schema's refine rules this out
  return w;
}

function liveSlot(slot: Slot): LiveSlot {
  const { salt, ...kdf } = slot.kdf;
  const w = passwordWrapped(slot);
  return {
    userId: slot.userId,
    kdf,
    salt: Buffer.from(salt, 'base64'),
    wrapped: { iv: Buffer.from(w.iv, 'base64'), tag: Buffer.from(w.tag, 'base64'), ciphertext: Buffer.from(w.ciphertext, 'base64') },
  };
}

function gcmJson(w: WrappedKey): GcmJson {
  return { cipher: 'aes-256-gcm', iv: w.iv.toString('base64'), tag: w.tag.toString('base64'), ciphertext: w.ciphertext.toString('base64') };
}

function sealedKeyJson(s: SealedKey): SealedKeyJson {
  return { ...gcmJson(s), epk: s.epk.toString('base64') };
}

function sealedKey(j: SealedKeyJson): SealedKey {
  const b = (v: string) => Buffer.from(v, 'base64');
  return { iv: b(j.iv), tag: b(j.tag), ciphertext: b(j.ciphertext), epk: b(j.epk) };
}

function sealToSlot(slot: Slot, key: Buffer): SealedKey {
  if (!slot.box) throw new LegacySlotsError([slot.username]);
  return sealTo(Buffer.from(slot.box.publicKey, 'base64'), key, slotAad(slot.userId));
}

/**
 * The same password-wrapped secret (not re-wrapped meanwhile): same user, salt, IV and
 * ciphertext. The sealed database key may differ: a rotation re-seals it without the password.
 */
function sameSlot(a: Slot, b: Slot): boolean {
  const wa = passwordWrapped(a);
  const wb = passwordWrapped(b);
  return a.userId === b.userId && a.kdf.salt === b.kdf.salt && wa.iv === wb.iv && wa.ciphertext === wb.ciphertext;
}

function keyCheck(dbKey: Buffer): Buffer {
  return createHmac('sha256', dbKey).update('avrr-keycheck-v1').digest();
}
