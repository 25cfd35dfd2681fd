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
import { createWorkerPool } from './documents/worker-pool';
import { CallOrder, laneOf } from './office-call-order';

import type { EnrolledWorkstationInfo, OfficeAdmin } from './office-admin/office-admin';
import { auditWorkstationName } from './office-admin/workstation-name';
import type { CallingWorkstation } from './office-admin/workstation-name';

export type { CallingWorkstation } from './office-admin/workstation-name';
export { auditWorkstationName } from './office-admin/workstation-name';

export interface OfficeCore {
  invoke(workstation: CallingWorkstation, channel: string, input: unknown): Promise<IpcResult<unknown>>;
  /**
   * The transport's workstation management, for the supervisor's Workstations screen. The
   * transport is started after the core (it needs the core as its handler), so it is attached here.
   */
  attachAdmin(admin: OfficeAdmin): void;
  /**
   * A workstation was enrolled (on the enrolment port, without a session): audited as written by
   * the server itself (`office-server`). Kept in memory until the database is open (someone signed in).
   */
  recordEnrolment(workstation: EnrolledWorkstationInfo): void;
  /** The server's console made a code or revoked a workstation: audited as `office-server`, the same way. */
  recordConsoleCode(expiresAt: Date): void;
  recordConsoleRevocation(workstation: EnrolledWorkstationInfo): void;
  close(): void;
}

/** The channel served beside the queue. */
const LIVE_CHANNEL: ChannelName = 'changes.since';

/** Server-side entries (a scheduled backup) name the server itself. */
export const OFFICE_SERVER_WORKSTATION = 'office-server';

/**
 * The office server's back end (issue 15): the same core as a workstation's, once per enrolled
 * workstation (its own session, idle lock and drafts), over ONE database connection and key held
 * in a shared store, one backup service, and one pool of worker threads that render and sign
 * documents for every desk (documents/worker-pool.ts), so the server's thread stays free while a
 * document is made. Which call waits for which: office-call-order.ts (writes on one case one at a
 * time, beside other cases' writes; reads wait for nothing; anything else alone; each desk's own
 * calls in order). Every audit entry names the workstation by its certificate:
 * `<name>.<first 8 hex digits of the certificate's fingerprint>`.
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
  // One pool of document workers for all desks, unless the caller brings its own engine (and closes it).
  const documents = options.documents ?? createWorkerPool({ warm: { fontsDir: options.fontsDir } });
  const ownsDocuments = options.documents === undefined;
  const cores = new Map<string, InnerCore>();
  let admin: OfficeAdmin | null = null;
  /** Workstations revoked during the call being served: their sessions end after it. */
  const revokedNow = new Set<string>();
  const coreIds = new Map<string, string>();
  /** Entries of the server's own (enrolments, the console's codes and revocations), until the database is open. */
  const pendingEntries: { action: string; detail: string }[] = [];
  const writePendingEntries = (): void => {
    const open = store.open;
    const write = store.writeAudit;
    if (!open || !write || pendingEntries.length === 0) return;
    try {
      open.sqlite
        .transaction(() => {
          for (const e of pendingEntries) {
            write(open.sqlite, {
              at: now().toISOString(),
              userId: null,
              username: null,
              role: null,
              action: e.action,
              caseId: null,
              outcome: 'ok',
              workstation: OFFICE_SERVER_WORKSTATION,
              detail: e.detail,
            });
          }
        })
        .immediate();
      pendingEntries.length = 0;
    } catch (e) {
      // Kept for the next call: an enrolment is never left out of the trail for a full disk.
      console.error('[office] enrolment audit entry could not be written:', e);
    }
  };
  const endRevokedSessions = (): void => {
    for (const id of revokedNow) {
      const fingerprint = coreIds.get(id);
      const core = fingerprint ? cores.get(fingerprint) : undefined;
      if (core && fingerprint) {
        core.close();
        cores.delete(fingerprint);
      }
    }
    revokedNow.clear();
  };
  const refuseSwitch = () => {
    throw new IpcFailure(ipcError('rejected', { messageKey: 'restore.errors.office_server' }));
  };
  const coreFor = (ws: CallingWorkstation): InnerCore => {
    let core = cores.get(ws.fingerprint);
    if (!core) {
      core = buildCore({ ...options, documents, workstation: auditWorkstationName(ws) }, refuseSwitch, { store, backups, office: { workstation: ws, admin: () => admin } });
      cores.set(ws.fingerprint, core);
      coreIds.set(ws.id.toLowerCase(), ws.fingerprint);
    }
    return core;
  };
  const ticker = setInterval(() => backups.tick(), 60_000);
  ticker.unref();

  const order = new CallOrder();
  const serverEntry = (action: string, detail: string): void => {
    pendingEntries.push({ action, detail });
    // Served alone, so it never lands inside another call's work.
    order.alone(async () => {
      endRevokedSessions();
      writePendingEntries();
    });
  };
  return {
    invoke(workstation, channel, input) {
      // Live updates are asked for every second by every desk and read the change log in memory
      // only: they do not wait behind a long document generation. (The one write they may cause,
      // the idle lock's audit entry, is a synchronous transaction of its own, which cannot
      // interleave with another call's.)
      if (channel === LIVE_CHANNEL) return coreFor(workstation).invoke(channel, input);
      const run = async () => {
        const result = await coreFor(workstation).invoke(channel, input);
        endRevokedSessions();
        writePendingEntries();
        try {
          backups.tick();
        } catch (e) {
          console.error('[office] scheduled backup could not start:', e);
        }
        return result;
      };
      return order.schedule(workstation.fingerprint, laneOf(channel, input), run);
    },
    attachAdmin(transport) {
      admin = {
        caFingerprint: transport.caFingerprint,
        listWorkstations: () => transport.listWorkstations(),
        createEnrolmentCode: () => transport.createEnrolmentCode(),
        revokeWorkstation: (id) => {
          const done = transport.revokeWorkstation(id);
          if (done) revokedNow.add(id.toLowerCase());
          return done;
        },
      };
    },
    recordEnrolment(w) {
      serverEntry('office.enrolled', `workstation=${w.id};name=${auditWorkstationName(w)};enrolledAt=${w.enrolledAt}`);
    },
    recordConsoleCode(expiresAt) {
      serverEntry('office.enrolmentCode', `expires=${expiresAt.toISOString()}`);
    },
    recordConsoleRevocation(w) {
      // Its session on the server ends too, as when a supervisor revokes it from the screen.
      revokedNow.add(w.id.toLowerCase());
      serverEntry('office.revoke', `workstation=${w.id};name=${auditWorkstationName(w)}`);
    },
    close() {
      clearInterval(ticker);
      for (const core of cores.values()) core.close();
      store.close();
      if (ownsDocuments) void documents.close();
    },
  };
}
