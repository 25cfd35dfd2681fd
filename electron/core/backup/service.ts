import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { BackupProgress, BackupRecord, BackupSettings, BackupStatus } from '../../../shared/schema/data-safety';
import { IpcFailure, ipcError } from '../../../shared/ipc/errors';
import type { Db } from '../db/open';
import { readRetentionYears } from '../retention/settings';
import type { SessionManager } from '../session/manager';
import { appendBackupRecord, readBackupHistory, readBackupSettings, readRunningMarker, writeBackupSettings, writeRunningMarker } from './records';
import type { RunningMarker } from './records';
import { BackupFailedError, listBackups, writeBackup } from './write';

/**
 * What a backup needs of the session layer: the open database, its key, the key slots, whether
 * someone holds it, and a place to write its own audit entries. A workstation's SessionManager;
 * on the office server, the shared store (electron/core/office-core.ts).
 */
export type BackupHost = Pick<SessionManager, 'database' | 'key' | 'auditSystem'> & {
  vault: Pick<SessionManager['vault'], 'slotsForBackup'>;
  /** Non-null while someone is signed in (or locked) and so holds the database. */
  current(): object | null;
};

/** The office's short name in backup file names. */
export const BACKUP_OFFICE = 'Mississauga';
/** How often the schedule is looked at, at most (it is asked after every call). */
const TICK_EVERY_MS = 30_000;
/** After a failed scheduled backup, the next try waits this long (a share that is down is not hammered). */
const RETRY_AFTER_FAILURE_MS = 60 * 60 * 1000;

/**
 * Backups of the open database: the settings, the schedule, the job under way and its record.
 * The job runs beside the other calls (writeBackup yields between its phases); it copies the key
 * it needs, so a sign-out or a rotation meanwhile does not break it. Its record and its audit
 * entry are written when it ends, or at the next chance if the database was closed meanwhile.
 */
export class BackupService {
  private progress: BackupProgress | null = null;
  private unsaved: BackupRecord[] = [];
  private lastFailureAt = 0;
  private lastTickAt = Number.NEGATIVE_INFINITY;

  constructor(private readonly sessions: BackupHost, private readonly now: () => Date) {}

  isRunning(): boolean {
    return this.progress !== null;
  }

  status(db: Db): BackupStatus {
    this.settle();
    const settings = readBackupSettings(db);
    const history = readBackupHistory(db);
    const lastGood = history.find((r) => r.ok) ?? null;
    const dueAt = settings ? dueTime(settings, lastGood, this.now()) : null;
    const overdue = dueAt === null || Date.parse(dueAt) <= this.now().getTime();
    return { settings, running: this.progress, last: history[0] ?? null, lastGood, overdue, dueAt, history, expired: settings ? this.expired(db, settings) : [] };
  }

  setSettings(db: Db, input: BackupSettings): void {
    writeBackupSettings(db, input);
  }

  /** Start a backup now (returns at once; `status` shows its progress). */
  start(trigger: 'manual' | 'scheduled', byUsername: string | null): void {
    if (this.progress) throw new IpcFailure(ipcError('rejected', { messageKey: 'backup.errors.running' }));
    const open = this.sessions.database();
    if (!open) throw new IpcFailure(ipcError('not_signed_in'));
    const settings = readBackupSettings(open.db);
    if (!settings) throw new IpcFailure(ipcError('rejected', { messageKey: 'backup.errors.no_folder' }));
    const marker: RunningMarker = { id: randomBytes(8).toString('hex'), folder: settings.folder, trigger, startedAt: this.now().toISOString(), byUsername };
    open.sqlite.transaction(() => writeRunningMarker(open.db, marker)).immediate();
    this.progress = { phase: 'copying', percent: 0, startedAt: marker.startedAt };
    const key = Buffer.from(this.sessions.key());
    const job = writeBackup({
      sqlite: open.sqlite,
      key,
      slots: () => this.sessions.vault.slotsForBackup(),
      folder: settings.folder,
      office: BACKUP_OFFICE,
      generations: settings.generations,
      now: this.now(),
      onPhase: (phase, percent) => {
        if (this.progress) this.progress = { ...this.progress, phase, percent };
      },
    });
    void job
      .then(
        (written) => this.finish(marker, { ...written, ok: true, failure: null }),
        (e: unknown) => {
          if (process.env['AVRR_DEBUG_BACKUP']) console.error('[backup] failed:', e);
          this.lastFailureAt = this.now().getTime();
          this.finish(marker, { fileName: '', bytes: null, counts: null, auditHead: null, verification: null, ok: false, failure: `backup.failure.${e instanceof BackupFailedError ? e.failure : 'internal'}` });
        },
      )
      .finally(() => key.fill(0));
  }

  /**
   * A scheduled backup when one is due. Called after every call and every minute, so it looks at
   * most once every TICK_EVERY_MS (two small settings rows, never the backup folder); `force`
   * (saving the settings, opening the screen) looks now.
   */
  tick(opts: { force?: boolean } = {}): void {
    const now = this.now();
    const at = now.getTime();
    if (!opts.force && at - this.lastTickAt < TICK_EVERY_MS) return;
    const open = this.sessions.database();
    if (!open || this.progress || !this.sessions.current()) return;
    this.lastTickAt = at;
    this.settle();
    const settings = readBackupSettings(open.db);
    if (!settings || at - this.lastFailureAt < RETRY_AFTER_FAILURE_MS) return;
    const lastGood = readBackupHistory(open.db).find((r) => r.ok) ?? null;
    // The same instant throughout: with no backup yet the next one is due "now", which must not be a later now.
    if (Date.parse(dueTime(settings, lastGood, now)) <= at) this.start('scheduled', null);
  }

  /** Delete a backup listed as older than the retention period (only those). */
  deleteExpired(db: Db, fileName: string): void {
    const settings = readBackupSettings(db);
    if (!settings || !this.expired(db, settings).some((b) => b.fileName === fileName)) {
      throw new IpcFailure(ipcError('rejected', { messageKey: 'backup.errors.not_expired' }));
    }
    rmSync(join(settings.folder, fileName), { force: true });
  }

  private expired(db: Db, settings: BackupSettings): { fileName: string; createdAt: string }[] {
    const years = readRetentionYears(db);
    const limit = new Date(this.now());
    limit.setUTCFullYear(limit.getUTCFullYear() - years);
    return listBackups(settings.folder, BACKUP_OFFICE).filter((b) => b.createdAt < limit.toISOString());
  }

  private finish(marker: RunningMarker, result: Pick<BackupRecord, 'fileName' | 'bytes' | 'counts' | 'auditHead' | 'verification' | 'ok' | 'failure'>): void {
    this.progress = null;
    this.unsaved.push({ id: marker.id, folder: marker.folder, trigger: marker.trigger, startedAt: marker.startedAt, finishedAt: this.now().toISOString(), byUsername: marker.byUsername, ...result });
    this.settle();
  }

  /**
   * Write the records of finished backups (with their audit entries), and turn a marker left by
   * a backup this process is not running (the app was killed) into a failed record.
   */
  private settle(): void {
    const open = this.sessions.database();
    if (!open) return;
    const marker = readRunningMarker(open.db);
    if (marker && !this.progress && !this.unsaved.some((r) => r.id === marker.id)) {
      this.unsaved.push({ ...marker, finishedAt: this.now().toISOString(), fileName: '', bytes: null, counts: null, auditHead: null, verification: null, ok: false, failure: 'backup.failure.interrupted' });
    }
    if (this.unsaved.length === 0) return;
    const records = this.unsaved;
    try {
      open.sqlite.transaction(() => {
        for (const r of records) {
          appendBackupRecord(open.db, r);
          this.sessions.auditSystem(open.sqlite, r.ok ? 'backup.completed' : 'backup.failed', r.ok ? 'ok' : 'error', `trigger=${r.trigger}${r.failure ? `;failure=${r.failure.replace('backup.failure.', '')}` : ''}`);
        }
        if (!this.progress) writeRunningMarker(open.db, null);
      }).immediate();
      this.unsaved = [];
    } catch {
      // A full disk: the records wait in memory for the next chance.
    }
  }
}

/** When the next backup is due: the interval after the last good one, or now if there is none. */
function dueTime(settings: BackupSettings, lastGood: BackupRecord | null, now: Date): string {
  return lastGood ? new Date(Date.parse(lastGood.finishedAt) + settings.intervalHours * 3_600_000).toISOString() : now.toISOString();
}
