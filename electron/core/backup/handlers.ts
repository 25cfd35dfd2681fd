import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { basename, dirname, isAbsolute, join } from 'node:path';
import { IpcFailure, ipcError } from '../../../shared/ipc/errors';
import type { RestorePreview } from '../../../shared/schema/data-safety';
import type { KeySlotStoreOptions } from '../auth/key-slots';
import type { Handlers } from '../dispatch';
import type { SecretSealer } from '../keys/sealer';
import type { SessionManager } from '../session/manager';
import { readBackupSettings } from './records';
import { RestoreRefusedError, restoreBackup } from './restore';
import type { BackupService } from './service';

export interface BackupHandlerDeps {
  sessions: SessionManager;
  backups: BackupService;
  dataDir: string;
  sealer: SecretSealer;
  keySlots?: KeySlotStoreOptions | undefined;
  migrationsDir?: string | undefined;
  /** After this call: close everything, keep the data folder aside, use `restoredDir` instead (app-core.ts). */
  switchDataFolder(restoredDir: string): void;
}

/**
 * Backups, restore and their settings (supervisor). A restore goes into a new folder beside the
 * data folder (`<data>.restore-<id>`); the switch happens after the call, once everyone is signed out.
 */
export function backupHandlers(deps: BackupHandlerDeps) {
  const restored = new Map<string, RestorePreview>();
  // Previews the app was closed on were never switched to: copies of a backup that still exists.
  removeStalePreviews(deps.dataDir);
  return {
    // A backup that is due starts here rather than after the call, so the answer already shows it under way.
    'backup.status': (_input, ctx) => {
      deps.backups.tick({ force: true });
      return deps.backups.status(ctx.db().db);
    },
    'backup.setSettings': (input, ctx) => {
      if (!isAbsolute(input.folder)) throw new IpcFailure(ipcError('invalid_input', { issues: [{ path: ['folder'], messageKey: 'backup.errors.folder_not_absolute' }] }));
      if (isInside(input.folder, deps.dataDir)) throw new IpcFailure(ipcError('invalid_input', { issues: [{ path: ['folder'], messageKey: 'backup.errors.folder_inside_data' }] }));
      ctx.tx(null, () => deps.backups.setSettings(ctx.db().db, input));
      // A new folder with no backup yet: the first one starts now, and the screen follows it.
      deps.backups.tick({ force: true });
      return deps.backups.status(ctx.db().db);
    },
    'backup.run': (_input, ctx) => {
      deps.backups.start('manual', ctx.session.username);
      return deps.backups.status(ctx.db().db);
    },
    'backup.delete': (input, ctx) => {
      ctx.auditDetail(`file=${input.fileName}`);
      deps.backups.deleteExpired(ctx.db().db, input.fileName);
      return deps.backups.status(ctx.db().db);
    },
    'restore.preview': async (input, ctx) => {
      const settings = readBackupSettings(ctx.db().db);
      if (!settings) throw new IpcFailure(ipcError('rejected', { messageKey: 'backup.errors.no_folder' }));
      const file = join(settings.folder, input.fileName);
      if (!existsSync(file)) throw new IpcFailure(ipcError('rejected', { messageKey: 'restore.errors.not_found' }));
      const restoreId = randomBytes(8).toString('hex');
      const targetDir = `${deps.dataDir}.restore-${restoreId}`;
      ctx.auditDetail(`file=${input.fileName}`);
      try {
        const r = await restoreBackup({ file, targetDir, username: ctx.session.username, password: input.password, sealer: deps.sealer, keySlots: deps.keySlots, migrationsDir: deps.migrationsDir });
        const preview: RestorePreview = { restoreId, restoredDir: targetDir, fileName: input.fileName, ...r };
        restored.set(restoreId, preview);
        return preview;
      } catch (e) {
        if (e instanceof RestoreRefusedError) throw new IpcFailure(ipcError('rejected', { messageKey: `restore.errors.${e.reason}` }));
        throw e;
      }
    },
    'restore.switch': (input, ctx) => {
      const preview = restored.get(input.restoreId);
      if (!preview || !existsSync(preview.restoredDir)) throw new IpcFailure(ipcError('rejected', { messageKey: 'restore.errors.not_found' }));
      if (!preview.ok) throw new IpcFailure(ipcError('rejected', { messageKey: 'restore.errors.not_verified' }));
      if (deps.backups.isRunning()) throw new IpcFailure(ipcError('rejected', { messageKey: 'backup.errors.running' }));
      ctx.auditDetail(`file=${preview.fileName}`);
      // The entry goes into the trail being left (it stays in the folder kept aside).
      ctx.tx(null, () => undefined);
      const status = deps.sessions.signOut();
      deps.switchDataFolder(preview.restoredDir);
      restored.delete(input.restoreId);
      return { ...status, user: null, locked: false, setupNeeded: false };
    },
  } satisfies Pick<Handlers, 'backup.status' | 'backup.setSettings' | 'backup.run' | 'backup.delete' | 'restore.preview' | 'restore.switch'>;
}

/** `<data>.restore-<id>` folders beside the data folder (restored for a preview, never used). */
function removeStalePreviews(dataDir: string): void {
  const prefix = `${basename(dataDir)}.restore-`;
  let names: string[];
  try {
    names = readdirSync(dirname(dataDir));
  } catch {
    return;
  }
  for (const name of names) if (/^[0-9a-f]{16}$/.test(name.slice(prefix.length)) && name.startsWith(prefix)) rmSync(join(dirname(dataDir), name), { recursive: true, force: true });
}

function isInside(folder: string, dataDir: string): boolean {
  const f = folder.replace(/[\\/]+$/, '');
  const d = dataDir.replace(/[\\/]+$/, '');
  return f === d || f.startsWith(`${d}/`) || f.startsWith(`${d}\\`);
}
