import type { IpcResult } from '../../shared/ipc/errors';
import { attachmentHandlers } from './attachments/handlers';
import { auditHandlers } from './audit-view/handlers';
import { caseHandlers } from './cases/handlers';
import { intakeHandlers } from './intake/handlers';
import { registerDeps, registerHandlers } from './register/handlers';
import { checkDocumentHandlers } from './documents/verify/handlers';
import { combineHandlers } from './handler-map';
import { historyHandlers } from './history/handlers';
import { stageHandlers } from './stages/handlers';
import { todayHandlers } from './today/handlers';
import { appointmentHandlers } from './appointments/handlers';
import { iomImportHandlers } from './iom-import/handlers';
import { reportHandlers } from './reports/handlers';
import { renameSync } from 'node:fs';
import { backupHandlers } from './backup/handlers';
import { BackupService } from './backup/service';
import { DatabaseStore } from './session/database-store';
import { liveHandlers } from './live/handlers';
import { caseVersionOf } from './live/case-version';
import { keyHandlers } from './keys/handlers';
import { retentionHandlers } from './retention/handlers';
import { privacyHandlers } from './privacy/handlers';
import { officeAdminHandlers } from './office-admin/handlers';
import { deploymentHandlers } from './deployment/handlers';
import type { OfficeCaller } from './office-admin/office-admin';
import type { RegisterOptions } from './register/handlers';
import type { DocumentEngine } from './documents/engine';
import { dispatch } from './dispatch';
import type { Handlers } from './dispatch';
import type { SecretSealer } from './keys/sealer';
import { SessionManager } from './session/manager';
import { sessionHandlers } from './session/handlers';
import { userHandlers } from './users/handlers';
import { openAccessServices } from './access-services';
import { protectDataFolder } from './data-folder';
import type { KeySlotStoreOptions } from './auth/key-slots';

export interface AppCoreOptions {
  dataDir: string;
  sealer: SecretSealer;
  migrationsDir?: string;
  workstation: string;
  now?: () => Date;
  /** Where the document fonts are (the packaged app's resources); default: resources/fonts of the source tree. */
  fontsDir?: string;
  /** Electron's system print dialog; without it (browser harness) printing returns a download. */
  printer?: RegisterOptions['printer'];
  /**
   * Renders and signs documents; default: in the calling thread. The office server passes one
   * worker pool (documents/worker-pool.ts) shared by every workstation's core; it closes it itself.
   */
  documents?: DocumentEngine;
  /** Key-slot store settings (tests: a small sign-in event queue). */
  keySlots?: KeySlotStoreOptions;
}

export interface AppCore {
  invoke(channel: string, input: unknown): Promise<IpcResult<unknown>>;
  close(): void;
}

/**
 * The whole back end behind one `invoke`: the same object serves Electron's IPC, the browser
 * harness's HTTP bridge and the tests. Calls are served one at a time (the workstation has one
 * person at it), so a sign-in cannot race a save.
 */
export function createAppCore(options: AppCoreOptions): AppCore {
  let pendingSwitch: string | null = null;
  const build = () =>
    buildCore(options, (restoredDir) => {
      pendingSwitch = restoredDir;
    });
  let inner = build();
  // Scheduled backups: checked every minute (not keeping the process alive) and after each call.
  const ticker = setInterval(() => inner.tick(), 60_000);
  ticker.unref();

  let queue: Promise<unknown> = Promise.resolve();
  return {
    invoke(channel, input) {
      const run = async () => {
        const result = await inner.invoke(channel, input);
        if (pendingSwitch) {
          const restoredDir = pendingSwitch;
          pendingSwitch = null;
          inner.close();
          switchToRestoredFolder(options.dataDir, restoredDir, (options.now ?? (() => new Date()))());
          inner = build();
        }
        inner.tick();
        return result;
      };
      const result = queue.then(run, run);
      queue = result.catch(() => undefined);
      return result;
    },
    close: () => {
      clearInterval(ticker);
      inner.close();
    },
  };
}

/**
 * The restored folder takes the data folder's place; the data folder is kept aside beside it
 * (`<data>.before-restore-<time>`), never overwritten. If the second rename fails, the first is undone.
 */
function switchToRestoredFolder(dataDir: string, restoredDir: string, at: Date): void {
  const aside = `${dataDir}.before-restore-${at.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15)}`;
  renameSync(dataDir, aside);
  try {
    renameSync(restoredDir, dataDir);
  } catch (e) {
    renameSync(aside, dataDir);
    throw e;
  }
}

export interface InnerCore {
  invoke(channel: string, input: unknown): Promise<IpcResult<unknown>>;
  tick(): void;
  close(): void;
}

/**
 * One workstation's back end. `shared` (the office server, electron/core/office-core.ts): the one
 * database store and the one backup service every workstation's session uses, and `office`, the
 * calling workstation and the transport's workstation management (the Workstations screen).
 */
export function buildCore(
  options: AppCoreOptions,
  switchDataFolder: (restoredDir: string) => void,
  shared?: { store: DatabaseStore; backups: BackupService; office?: OfficeCaller },
): InnerCore {
  const now = options.now ?? (() => new Date());
  protectDataFolder(options.dataDir);
  const access = openAccessServices(options.dataDir, options.sealer, options.keySlots);
  // The workstation's own store, or the office server's one shared by every workstation's session.
  const store = shared?.store ?? new DatabaseStore(access.auditWriterFor);
  const sessions = new SessionManager({
    dataDir: options.dataDir,
    vault: access.vault,
    sealerKind: options.sealer.kind,
    ...(options.migrationsDir ? { migrationsDir: options.migrationsDir } : {}),
    workstation: options.workstation,
    now,
    auditWriterFor: access.auditWriterFor,
    checkPassword: access.checkPassword,
    store,
    officeServer: shared?.office !== undefined,
  });
  const register = registerDeps(sessions, { fontsDir: options.fontsDir, printer: options.printer, documents: options.documents });
  const backups = shared?.backups ?? new BackupService(sessions, now);
  const handlers: Handlers = combineHandlers(
    sessionHandlers(sessions),
    userHandlers(sessions),
    auditHandlers(sessions),
    caseHandlers(register),
    intakeHandlers,
    todayHandlers,
    appointmentHandlers,
    stageHandlers,
    attachmentHandlers,
    historyHandlers,
    iomImportHandlers,
    registerHandlers(sessions, register),
    reportHandlers(register),
    checkDocumentHandlers,
    backupHandlers({
      sessions,
      backups,
      dataDir: options.dataDir,
      sealer: options.sealer,
      keySlots: options.keySlots,
      migrationsDir: options.migrationsDir,
      switchDataFolder,
    }),
    keyHandlers(sessions),
    retentionHandlers(),
    privacyHandlers(register),
    officeAdminHandlers(shared?.office ?? null),
    deploymentHandlers(),
    liveHandlers(store.changes, options.workstation),
  );
  const caseVersionAfter = (caseId: string | null): number | null => {
    const open = sessions.database();
    return caseId !== null && open ? caseVersionOf(open.db, caseId) : null;
  };
  const deps = {
    handlers,
    session: () => sessions.current(),
    locked: () => sessions.isLocked(),
    database: () => sessions.database(),
    audit: (sqlite: Parameters<SessionManager['audit']>[0], record: Parameters<SessionManager['audit']>[1]) => sessions.audit(sqlite, record),
    now,
    officeTimeZone: () => sessions.officeTimeZone(),
    workstation: options.workstation,
    logError: (channel: string, e: unknown) => console.error(`[core] ${channel} failed:`, e),
    // Live updates: every committed write goes into the change log the other desks read.
    committed: (channel: string, caseId: string | null, s: { username: string; displayName: string } | null) =>
      store.changes.record({ caseId, caseVersion: caseVersionAfter(caseId), channel, username: s?.username ?? '', displayName: s?.displayName ?? '', workstation: options.workstation, at: now().toISOString() }),
  };

  return {
    invoke(channel, input) {
      sessions.enforceIdleLock();
      return dispatch(deps, channel, input);
    },
    tick: () => {
      try {
        backups.tick();
      } catch (e) {
        console.error('[core] scheduled backup could not start:', e);
      }
    },
    close: () => sessions.close(),
  };
}
