import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openAccessServices } from '../../../electron/core/access-services';
import { readAllAuditRows } from '../../../electron/core/audit/read';
import { devPlaintextSealer } from '../../../electron/core/keys/sealer';
import { SessionManager } from '../../../electron/core/session/manager';

/**
 * Issue 12 point 4 (session part): on a full disk the audit insert fails with SQLITE_FULL. Lock
 * and sign-out must still lock and sign out, and their entries reach the trail once a write
 * succeeds again.
 */
const SUPERVISOR = { username: 'sup.ervisor', displayName: 'Sam Supervisor', password: 'a long enough passphrase 42' };
const LOGIN = { username: SUPERVISOR.username, password: SUPERVISOR.password };

let dataDir = '';
let sessions: SessionManager | null = null;
afterEach(() => {
  sessions?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

function fullDiskManager() {
  dataDir = mkdtempSync(join(tmpdir(), 'avrr-full-'));
  const access = openAccessServices(dataDir, devPlaintextSealer);
  const disk = { full: false };
  let now = Date.parse('2026-11-21T14:00:00Z');
  const manager = new SessionManager({
    dataDir,
    vault: access.vault,
    sealerKind: 'dev-plaintext',
    workstation: 'test-ws',
    now: () => new Date((now += 1000)),
    checkPassword: access.checkPassword,
    auditWriterFor(dbKey) {
      const write = access.auditWriterFor(dbKey);
      return (sqlite, record) => {
        if (disk.full) throw new Database.SqliteError('database or disk is full', 'SQLITE_FULL');
        write(sqlite, record);
      };
    },
  });
  sessions = manager;
  const actions = () => {
    const open = manager.database();
    return open ? readAllAuditRows(open.sqlite).map((r) => r.action) : [];
  };
  return { manager, disk, actions };
}

describe('lock and sign-out on a full disk', () => {
  it('lock locks, and its entry is written at the next write that succeeds', async () => {
    const { manager, disk, actions } = fullDiskManager();
    await manager.setup(SUPERVISOR);
    disk.full = true;
    expect(manager.lock().locked).toBe(true);
    expect(manager.deferredAuditCount()).toBe(1);
    expect(actions()).toEqual(['auth.setup']);
    disk.full = false;
    await manager.signIn(LOGIN);
    expect(actions()).toEqual(['auth.setup', 'auth.lock', 'auth.signIn']);
    expect(manager.deferredAuditCount()).toBe(0);
  });

  it('the idle lock also locks on a full disk', async () => {
    const { manager, disk, actions } = fullDiskManager();
    await manager.setup(SUPERVISOR);
    disk.full = true;
    expect(manager.lock('auth.idleLock').locked).toBe(true);
    disk.full = false;
    await manager.signIn(LOGIN);
    expect(actions()).toEqual(['auth.setup', 'auth.idleLock', 'auth.signIn']);
  });

  it('sign-out signs out (the database key is gone), and its entry comes with the next sign-in', async () => {
    const { manager, disk, actions } = fullDiskManager();
    await manager.setup(SUPERVISOR);
    disk.full = true;
    const out = manager.signOut();
    expect(out.user).toBeNull();
    expect(manager.database()).toBeNull();
    expect(() => manager.key()).toThrow();
    disk.full = false;
    await manager.signIn(LOGIN);
    expect(actions()).toEqual(['auth.setup', 'auth.signOut', 'auth.signIn']);
  });

  it('a held-back entry waits while the disk stays full, then goes in after a write that succeeds', async () => {
    const { manager, disk, actions } = fullDiskManager();
    await manager.setup(SUPERVISOR);
    disk.full = true;
    manager.lock();
    await expect(manager.signIn(LOGIN)).rejects.toThrow();
    expect(manager.deferredAuditCount()).toBe(1);
    disk.full = false;
    await manager.signIn(LOGIN);
    expect(actions()).toEqual(['auth.setup', 'auth.lock', 'auth.signIn']);
  });
});
