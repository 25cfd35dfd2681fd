import { randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { IpcFailure, ipcError } from '../../../shared/ipc/errors';
import type { FieldIssue } from '../../../shared/ipc/errors';
import type { AuthStatus } from '../../../shared/schema/auth';
import type { Session } from '../context';
import type { AuditRecord } from '../dispatch';
import { DB_KEY_BYTES, openEncryptedDatabase } from '../db/open';
import type { OpenDatabase, Sqlite } from '../db/open';
import { nextAnchor } from '../audit/anchor-advance';
import { AUDIT_ANCHOR_FILE, readAnchorFile, writeAnchorFile } from '../audit/anchor-file';
import type { AuditHead } from '../audit/verify';
import { insertUser, markPasswordChanged, roleOf, userById } from '../users/rows';
import { protectDataFolder } from '../data-folder';
import { readOfficeTimeZone } from './office-settings';
import { oneTimePasswordExpired } from './one-time-password';
import { IDLE_LOCK_MINUTES_KEY, readSetting } from './settings-rows';
import type { SlotVault } from './vault';
import { DatabaseStore } from './database-store';
import { openUnlocked, rotateDatabaseKey } from '../keys/rotation';
import type { DerivedKeys } from '../keys/derived-keys';

export const DEFAULT_IDLE_LOCK_MINUTES = 10;
export const DB_FILE_NAME = 'avrr.db';
/** The idle lock a supervisor may set: 2 to 15 minutes (anything else stored reads as the default). */
const idleLockMinutes = z.coerce.number().int().min(2).max(15);

export interface SessionManagerOptions {
  dataDir: string;
  vault: SlotVault;
  sealerKind: AuthStatus['sealerKind'];
  migrationsDir?: string;
  workstation: string;
  now: () => Date;
  /** Builds the audit writer for the audit key (electron/core/keys/derived-keys.ts). */
  auditWriterFor(auditKey: Buffer): (sqlite: Sqlite, record: AuditRecord) => void;
  /** Password strength rules (issues use "password.*" message keys). */
  checkPassword(password: string, who: { username: string; displayName?: string }): FieldIssue[];
  /** Where the audit trail's head is anchored outside the database (default: audit-anchor.json in dataDir). */
  anchorFile?: string;
  /** The office server: one store shared by every workstation's session (default: this session's own). */
  store?: DatabaseStore;
  /** Served by the office server: auth.status tells the renderer (the Workstations screen). */
  officeServer?: boolean;
}

/**
 * Who is signed in at this workstation, and the database that their sign-in unlocked.
 * The database key exists in memory only between a sign-in and the sign-out; a lock keeps it
 * (so a draft and the next person's sign-in can use it) but refuses every privileged call.
 */
export class SessionManager {
  /** The open database and its key: this session's own, or (office server) shared by every workstation's. */
  private readonly store: DatabaseStore;
  private session: Session | null = null;
  private locked = false;
  private lastActivity = 0;
  /** Lock and sign-out entries whose write failed (a full disk): written after the next write that succeeds. */
  private deferred: AuditRecord[] = [];
  private afterWriteScheduled = false;

  constructor(private readonly o: SessionManagerOptions) {
    this.store = o.store ?? new DatabaseStore(o.auditWriterFor);
  }

  /** The database as this session sees it: only while it holds the store. */
  private get open(): OpenDatabase | null {
    return this.store.isHeldBy(this) ? this.store.open : null;
  }

  private get dbKey(): Buffer | null {
    return this.store.isHeldBy(this) ? this.store.dbKey : null;
  }

  private get derived(): DerivedKeys | null {
    return this.store.isHeldBy(this) ? this.store.derived : null;
  }

  private get writeAudit(): ((sqlite: Sqlite, record: AuditRecord) => void) | null {
    return this.store.isHeldBy(this) ? this.store.writeAudit : null;
  }

  get dbFile(): string {
    return join(this.o.dataDir, DB_FILE_NAME);
  }

  current(): Session | null {
    return this.session;
  }

  isLocked(): boolean {
    return this.locked;
  }

  database(): OpenDatabase | null {
    return this.open;
  }

  /** Append to the audit trail of the open database (inside the caller's transaction). */
  audit(sqlite: Sqlite, record: AuditRecord): void {
    if (!this.writeAudit) throw new Error('audit trail is not open');
    this.writeAudit(sqlite, record);
    this.scheduleAfterWrite();
  }

  /**
   * An entry the app writes by itself (a scheduled backup's result), inside the caller's
   * transaction: no one's action, named after the person signed in at the workstation if any.
   */
  auditSystem(sqlite: Sqlite, action: string, outcome: AuditRecord['outcome'], detail: string | null): void {
    this.audit(sqlite, { ...this.record(action, this.session, outcome), detail });
  }

  /** The audit trail's head as anchored outside the database (the anchor file; the key-slot file's copy for older folders). */
  auditAnchor(): AuditHead | null {
    return readAnchorFile(this.anchorFile) ?? this.o.vault.auditHead();
  }

  /** Audit events waiting for a write that succeeds (lock and sign-out on a full disk). */
  deferredAuditCount(): number {
    return this.deferred.length;
  }

  status(): AuthStatus {
    return {
      setupNeeded: !this.o.vault.hasAnySlot(),
      user: this.session && { ...this.session },
      locked: this.locked,
      idleLockMinutes: this.idleLockMinutes(),
      officeTimeZone: this.officeTimeZone(),
      sealerKind: this.o.sealerKind,
      officeServer: this.o.officeServer === true,
    };
  }

  /** First run: the first supervisor account, a new random database key, its first key slot. */
  async setup(input: { username: string; displayName: string; password: string; badgeNumber?: string | undefined }): Promise<AuthStatus> {
    if (this.o.vault.hasAnySlot()) throw new IpcFailure(ipcError('rejected', { messageKey: 'errors.setup_done' }));
    if (existsSync(this.dbFile)) throw new IpcFailure(ipcError('rejected', { messageKey: 'errors.data_without_keys' }));
    this.requireStrong(input.password, input, 'password');
    const dbKey = randomBytes(DB_KEY_BYTES);
    const userId = randomUUID();
    const open = openEncryptedDatabase(this.dbFile, dbKey, this.migrations());
    try {
      await this.o.vault.createSlot(userId, input.username, input.password, dbKey);
    } catch (e) {
      open.close();
      for (const suffix of ['', '-wal', '-shm']) rmSync(this.dbFile + suffix, { force: true });
      throw e;
    }
    this.attach(open, dbKey);
    const at = this.o.now().toISOString();
    const session: Session = { userId, username: input.username, displayName: input.displayName, badgeNumber: input.badgeNumber ?? null, role: 'supervisor', mustChangePassword: false };
    open.sqlite.transaction(() => {
      insertUser(open.db, { id: userId, username: input.username, displayName: input.displayName, badgeNumber: input.badgeNumber ?? null, role: 'supervisor', createdAt: at, passwordChangedAt: at });
      this.audit(open.sqlite, this.record('auth.setup', session, 'ok'));
    }).immediate();
    this.begin(session);
    return this.status();
  }

  /**
   * Sign in, or at the lock screen resume (same person) or switch (another person). The answer
   * for an unknown name, a wrong password, a disabled or a locked-out account is the same.
   */
  async signIn(input: { username: string; password: string }): Promise<AuthStatus> {
    const result = await this.o.vault.unlock(input.username, input.password, this.o.now());
    if (!result.ok) {
      this.flushPendingEvents();
      throw signInFailed();
    }
    if (!this.open && this.store.open && this.store.dbKey) {
      // Office server: the database is open for other workstations; this password opened the same key.
      const same = this.store.dbKey.length === result.dbKey.length && timingSafeEqual(this.store.dbKey, result.dbKey);
      result.dbKey.fill(0);
      if (!same) throw signInFailed();
      this.store.hold(this);
    } else if (!this.open) {
      // The key a rotation left half-done may be the one the file is in (keys/rotation.ts).
      const opened = openUnlocked(this.dbFile, result, this.o.vault, this.o.now, this.migrations());
      this.attach(opened.open, opened.key);
    }
    const open = this.requireOpen();
    const row = userById(open.db, result.userId);
    if (!row || row.status !== 'active') {
      open.sqlite.transaction(() => this.audit(open.sqlite, this.record('auth.signIn', null, 'denied', input.username))).immediate();
      if (!this.session) this.detach();
      throw signInFailed();
    }
    // The password was right, so saying why is no oracle: the person holds an expired one-time password.
    if (row.mustChangePassword && oneTimePasswordExpired(row.passwordChangedAt ?? row.createdAt, this.o.now())) {
      open.sqlite.transaction(() => this.audit(open.sqlite, { ...this.record('auth.signIn', null, 'denied', row.username), detail: 'reason=one_time_password_expired' })).immediate();
      if (!this.session) this.detach();
      throw new IpcFailure(ipcError('rejected', { messageKey: 'errors.one_time_password_expired' }));
    }
    const session: Session = { userId: row.id, username: row.username, displayName: row.displayName, badgeNumber: row.badgeNumber, role: roleOf(row), mustChangePassword: row.mustChangePassword };
    this.flushPendingEvents();
    open.sqlite.transaction(() => this.audit(open.sqlite, this.record('auth.signIn', session, 'ok'))).immediate();
    this.begin(session);
    return this.status();
  }

  /**
   * The session ends first, then the entry is written: on a full disk the person must still be
   * able to sign out (the entry then waits in memory for the next write that succeeds).
   */
  signOut(): AuthStatus {
    const s = this.session;
    this.session = null;
    this.locked = false;
    if (s && this.open) this.auditOrDefer(this.record('auth.signOut', s, 'ok'));
    this.detach();
    return this.status();
  }

  /** Locked first, audited second, for the same reason as signOut. */
  lock(reason: 'auth.lock' | 'auth.idleLock' = 'auth.lock'): AuthStatus {
    const s = this.session;
    if (s && !this.locked && this.open) {
      this.locked = true;
      this.auditOrDefer(this.record(reason, s, 'ok'));
      this.anchorAuditHead();
    }
    return this.status();
  }

  /** Input from the person at the screen (the renderer reports it at most once a minute). */
  touch(): void {
    this.lastActivity = this.o.now().getTime();
  }

  /** Lock the workstation if nobody has touched it for the idle period. Called before every call. */
  enforceIdleLock(): void {
    if (!this.session || this.locked) return;
    if (this.o.now().getTime() - this.lastActivity >= this.idleLockMinutes() * 60_000) this.lock('auth.idleLock');
  }

  async changePassword(input: { currentPassword: string; newPassword: string }): Promise<AuthStatus> {
    const s = this.requireSession();
    const check = await this.o.vault.unlock(s.username, input.currentPassword, this.o.now());
    if (!check.ok || check.userId !== s.userId) {
      this.flushPendingEvents();
      throw new IpcFailure(ipcError('invalid_input', { issues: [{ path: ['currentPassword'], messageKey: 'password.current_wrong' }] }));
    }
    if (input.newPassword.normalize('NFC') === input.currentPassword.normalize('NFC')) {
      throw new IpcFailure(ipcError('invalid_input', { issues: [{ path: ['newPassword'], messageKey: 'password.same_as_current' }] }));
    }
    this.requireStrong(input.newPassword, s, 'newPassword');
    await this.o.vault.rewrap(s.userId, input.newPassword, this.key());
    const open = this.requireOpen();
    open.sqlite.transaction(() => {
      markPasswordChanged(open.db, s.userId, this.o.now().toISOString());
      this.audit(open.sqlite, this.record('auth.changePassword', s, 'ok'));
    }).immediate();
    this.session = { ...s, mustChangePassword: false };
    return this.status();
  }

  /**
   * Rotate the database key (supervisor, or the app after disabling or resetting an account):
   * keys/rotation.ts. The session stays signed in on the reopened database. `reason` names the
   * entry (`reason=manual|account_disabled|password_reset`). Returns the time it took.
   */
  rotateKey(reason: 'manual' | 'account_disabled' | 'password_reset'): { rotatedAt: string; durationMs: number } {
    const s = this.requireSession();
    const open = this.requireOpen();
    const started = performance.now();
    const rotated = rotateDatabaseKey(open, this.dbFile, this.key(), this.o.vault, this.o.now, this.migrations());
    // Every session holding the store now uses the reopened database and the new key.
    this.store.set(rotated.open, rotated.key);
    rotated.key.fill(0);
    rotated.open.sqlite.transaction(() => this.audit(rotated.open.sqlite, { ...this.record('keys.rotate', s, 'ok'), detail: `reason=${reason}` })).immediate();
    return { rotatedAt: this.o.now().toISOString(), durationMs: Math.round(performance.now() - started) };
  }

  /**
   * After disabling an account or resetting its password: rotate, so a copy of the slot file
   * taken before (holding the old slot) no longer opens the database. Slots from before rotation
   * existed cannot be re-sealed without their password: then the rotation waits (an entry says
   * so) until those accounts have signed in once, and the supervisor can rotate by hand.
   */
  rotateKeyAfterAccountChange(reason: 'account_disabled' | 'password_reset'): boolean {
    const legacy = this.o.vault.legacyAccounts();
    if (legacy.length === 0) {
      this.rotateKey(reason);
      return true;
    }
    const open = this.requireOpen();
    const entry = { ...this.record('keys.rotationDeferred', this.requireSession(), 'denied'), detail: `reason=${reason};legacy_accounts=${legacy.length}` };
    open.sqlite.transaction(() => this.audit(open.sqlite, entry)).immediate();
    return false;
  }

  /** For the supervisor's Data safety screen. */
  keyStatus(): { lastRotatedAt: string | null; legacyAccounts: string[] } {
    return { lastRotatedAt: this.o.vault.lastRotatedAt(), legacyAccounts: this.o.vault.legacyAccounts() };
  }

  idleLockMinutes(): number {
    return readSetting(this.open?.db, IDLE_LOCK_MINUTES_KEY, idleLockMinutes) ?? DEFAULT_IDLE_LOCK_MINUTES;
  }

  /** The office's time zone (setting `office.timeZone`; America/Toronto until a supervisor sets one). */
  officeTimeZone(): string {
    return readOfficeTimeZone(this.open?.db);
  }

  /** The signed-in person's own account was edited (name, badge): the session shows and signs with the new values. */
  accountChanged(change: { displayName: string; badgeNumber: string | null }): void {
    if (this.session) this.session = { ...this.session, ...change };
  }

  /** The database key, for services that wrap it anew (account creation, password reset). */
  key(): Buffer {
    if (!this.dbKey) throw new IpcFailure(ipcError('not_signed_in'));
    return this.dbKey;
  }

  /** The audit and certificate keys of the open database (pinned across key rotations). */
  derivedKeys(): DerivedKeys {
    if (!this.derived) throw new IpcFailure(ipcError('not_signed_in'));
    return this.derived;
  }

  get vault(): SlotVault {
    return this.o.vault;
  }

  checkPassword(password: string, who: { username: string; displayName?: string }): FieldIssue[] {
    return this.o.checkPassword(password, who);
  }

  close(): void {
    this.session = null;
    this.detach();
  }

  private requireStrong(password: string, who: { username: string; displayName?: string }, field: string): void {
    const issues = this.o.checkPassword(password, who).map((i) => ({ ...i, path: [field, ...i.path] }));
    if (issues.length > 0) throw new IpcFailure(ipcError('invalid_input', { issues }));
  }

  private requireSession(): Session {
    if (!this.session) throw new IpcFailure(ipcError('not_signed_in'));
    return this.session;
  }

  private requireOpen(): OpenDatabase {
    if (!this.open) throw new IpcFailure(ipcError('not_signed_in'));
    return this.open;
  }

  private begin(session: Session): void {
    this.session = session;
    this.locked = false;
    this.lastActivity = this.o.now().getTime();
  }

  private attach(open: OpenDatabase, dbKey: Buffer): void {
    // The database files exist now (the first time, just made with the process's umask).
    protectDataFolder(this.o.dataDir);
    this.store.set(open, dbKey);
    this.store.hold(this);
  }

  private get anchorFile(): string {
    return this.o.anchorFile ?? join(this.o.dataDir, AUDIT_ANCHOR_FILE);
  }

  /**
   * After the transaction that wrote an entry has committed (better-sqlite3 transactions are
   * synchronous, so a microtask queued inside one runs after its COMMIT or ROLLBACK): write the
   * entries a full disk held back, then move the anchor. Once per burst of entries.
   */
  private scheduleAfterWrite(): void {
    if (this.afterWriteScheduled) return;
    this.afterWriteScheduled = true;
    queueMicrotask(() => {
      this.afterWriteScheduled = false;
      const open = this.open;
      // Still inside a transaction (one held open across an await): the next write or close anchors.
      if (!open || open.sqlite.inTransaction) return;
      this.writeDeferred(open);
      this.advanceAnchor(open);
    });
  }

  /** Move the outside anchor to the trail's head, forward only (see nextAnchor). */
  private advanceAnchor(open: OpenDatabase): void {
    try {
      const next = nextAnchor(open.sqlite, this.auditAnchor());
      if (next) writeAnchorFile(this.anchorFile, next);
    } catch {
      // A full disk or an anchor file someone broke: the old anchor stays, which verify still
      // holds the trail to (a broken one fails verify); the next write tries again.
    }
  }

  /**
   * At lock, sign-out and close: also move the anchor, and copy it into the key-slot file, so a
   * deleted anchor file falls back to a recent head rather than to none.
   */
  private anchorAuditHead(): void {
    if (!this.open) return;
    this.advanceAnchor(this.open);
    try {
      const anchored = readAnchorFile(this.anchorFile);
      if (anchored) this.o.vault.setAuditHead(anchored);
    } catch {
      // Same as advanceAnchor: a failed copy leaves the older copy, never a wrong one.
    }
  }

  /** Write the entry now if the disk lets us, else keep it (with any earlier ones) for later. */
  private auditOrDefer(record: AuditRecord): void {
    const open = this.open;
    const writer = this.writeAudit;
    const batch = [...this.deferred, record];
    if (!open || !writer) {
      this.deferred = batch;
      return;
    }
    try {
      open.sqlite.transaction(() => {
        for (const r of batch) writer(open.sqlite, r);
      }).immediate();
      this.deferred = [];
    } catch {
      this.deferred = batch;
    }
  }

  /** The held-back entries, oldest first, in a transaction of their own. */
  private writeDeferred(open: OpenDatabase): void {
    const writer = this.writeAudit;
    if (this.deferred.length === 0 || !writer) return;
    const batch = this.deferred;
    try {
      open.sqlite.transaction(() => {
        for (const r of batch) writer(open.sqlite, r);
      }).immediate();
      this.deferred = this.deferred.slice(batch.length);
    } catch {
      // Still no room: they wait for the next write.
    }
  }

  /** Let go of the database; the last session to do so anchors the trail and closes it. */
  private detach(): void {
    if (!this.store.isHeldBy(this)) return;
    this.anchorAuditHead();
    if (this.store.release(this)) this.store.close();
  }

  private migrations(): { migrationsDir?: string } {
    return this.o.migrationsDir ? { migrationsDir: this.o.migrationsDir } : {};
  }

  /**
   * Failed sign-ins and lockouts queued in the slot file while the database was closed, and how
   * many a flood pushed out of the queue ("N sign-in events dropped", an entry of its own). If
   * the write fails the batch goes back to the queue: nothing is lost to a full disk.
   */
  private flushPendingEvents(): void {
    const open = this.open;
    if (!open) return;
    // Lock and sign-out entries a full disk held back are older than anything written now.
    this.writeDeferred(open);
    const batch = this.o.vault.takePendingEvents();
    if (batch.events.length === 0 && batch.dropped === 0) return;
    try {
      open.sqlite.transaction(() => {
        for (const e of batch.events) {
          this.audit(open.sqlite, { at: e.at, userId: e.userId, username: e.username, role: null, action: e.action, caseId: null, outcome: 'denied', workstation: this.o.workstation });
        }
        if (batch.dropped > 0) {
          const entry = this.record('auth.signInEventsDropped', null, 'denied');
          this.audit(open.sqlite, { ...entry, detail: `dropped=${batch.dropped}` });
        }
      }).immediate();
    } catch (e) {
      this.o.vault.requeuePendingEvents(batch);
      throw e;
    }
  }

  private record(action: string, s: Session | null, outcome: AuditRecord['outcome'], username?: string): AuditRecord {
    return {
      at: this.o.now().toISOString(),
      userId: s?.userId ?? null,
      username: s?.username ?? username ?? null,
      role: s?.role ?? null,
      action,
      caseId: null,
      outcome,
      workstation: this.o.workstation,
    };
  }
}

function signInFailed(): IpcFailure {
  return new IpcFailure(ipcError('rejected', { messageKey: 'errors.sign_in_failed' }));
}
