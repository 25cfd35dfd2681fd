import type { ChannelName } from '../../shared/ipc/contract';
import type { IpcResult } from '../../shared/ipc/errors';
import { IpcFailure, ipcError } from '../../shared/ipc/errors';
import { openAccessServices } from './access-services';
import { buildCore } from './app-core';
import type { AppCoreOptions, InnerCore } from './app-core';
import { BackupService } from './backup/service';
import type { BackupHost } from './backup/service';
import { protectDataFolder } from './data-folder';
import { DatabaseStore } from './session/database-store';

/** The workstation a call comes from, as its client certificate says (electron/office/server.ts). */
export interface CallingWorkstation {
  id: string;
  name: string;
  fingerprint: string;
}

export interface OfficeCore {
  invoke(workstation: CallingWorkstation, channel: string, input: unknown): Promise<IpcResult<unknown>>;
  close(): void;
}

/** The channel served beside the queue. */
const LIVE_CHANNEL: ChannelName = 'changes.since';

/** Server-side entries (a scheduled backup) name the server itself. */
export const OFFICE_SERVER_WORKSTATION = 'office-server';

/**
 * The office server's back end (issue 15): the same core as a workstation's, once per enrolled
 * workstation (its own session, idle lock and drafts), over ONE database connection and key held
 * in a shared store, and one backup service. Calls are served one at a time, whoever sends them,
 * so writes are serialised exactly as on a workstation. Every audit entry names the workstation
 * by its certificate: `<name>.<first 8 hex digits of the certificate's fingerprint>`.
 */
export function createOfficeCore(options: Omit<AppCoreOptions, 'workstation'>): OfficeCore {
  const now = options.now ?? (() => new Date());
  protectDataFolder(options.dataDir);
  const access = openAccessServices(options.dataDir, options.sealer, options.keySlots);
  const store = new DatabaseStore(access.auditWriterFor);
  const host: BackupHost = {
    database: () => store.open,
    key: () => {
      if (!store.dbKey) throw new IpcFailure(ipcError('not_signed_in'));
      return store.dbKey;
    },
    // A scheduled backup runs while some workstation's session holds the database open.
    current: () => store.open,
    auditSystem: (sqlite, action, outcome, detail) =>
      store.writeAudit?.(sqlite, { at: now().toISOString(), userId: null, username: null, role: null, action, caseId: null, outcome, workstation: OFFICE_SERVER_WORKSTATION, detail }),
    vault: access.vault,
  };
  const backups = new BackupService(host, now);
  const cores = new Map<string, InnerCore>();
  const refuseSwitch = () => {
    throw new IpcFailure(ipcError('rejected', { messageKey: 'restore.errors.office_server' }));
  };
  const coreFor = (ws: CallingWorkstation): InnerCore => {
    let core = cores.get(ws.fingerprint);
    if (!core) {
      core = buildCore({ ...options, workstation: auditWorkstationName(ws) }, refuseSwitch, { store, backups });
      cores.set(ws.fingerprint, core);
    }
    return core;
  };
  const ticker = setInterval(() => backups.tick(), 60_000);
  ticker.unref();

  let queue: Promise<unknown> = Promise.resolve();
  return {
    invoke(workstation, channel, input) {
      // Live updates are asked for every second by every desk and read the change log in memory
      // only: they do not wait behind a long document generation. (The one write they may cause,
      // the idle lock's audit entry, is a synchronous transaction of its own, which cannot
      // interleave with another call's.)
      if (channel === LIVE_CHANNEL) return coreFor(workstation).invoke(channel, input);
      const run = async () => {
        const result = await coreFor(workstation).invoke(channel, input);
        try {
          backups.tick();
        } catch (e) {
          console.error('[office] scheduled backup could not start:', e);
        }
        return result;
      };
      const result = queue.then(run, run);
      queue = result.catch(() => undefined);
      return result;
    },
    close() {
      clearInterval(ticker);
      for (const core of cores.values()) core.close();
      store.close();
    },
  };
}

/** A host name the audit trail accepts: the certificate's name and the start of its fingerprint. */
export function auditWorkstationName(ws: CallingWorkstation): string {
  const name = ws.name.replace(/[^A-Za-z0-9._-]/g, '-').replace(/^[^A-Za-z0-9]+/, '').slice(0, 50) || 'workstation';
  const fp = ws.fingerprint.replace(/[^0-9a-fA-F]/g, '').slice(0, 8).toLowerCase();
  return `${name}.${fp}`;
}
