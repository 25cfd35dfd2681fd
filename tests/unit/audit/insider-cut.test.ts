import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createAppCore } from '../../../electron/core/app-core';
import type { AppCore } from '../../../electron/core/app-core';
import { KeySlotStore } from '../../../electron/core/auth/key-slots';
import { openEncryptedDatabase } from '../../../electron/core/db/open';
import { devPlaintextSealer } from '../../../electron/core/keys/sealer';

/**
 * Issue 12 point 2: an account holder derives the database key from their password and the slot
 * file, cuts their own latest entries while the app is not running (it was killed: no sign-out,
 * no close), then signs in and out as usual. Both verifiers must still see the cut.
 */
const root = resolve(import.meta.dirname, '../../..');
const SUPERVISOR = { username: 'sup.ervisor', displayName: 'Sam Supervisor', password: 'a long enough passphrase 42' };
const LOGIN = { username: SUPERVISOR.username, password: SUPERVISOR.password };
const NO_DELETE = "CREATE TRIGGER `audit_log_no_delete` BEFORE DELETE ON `audit_log` BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;";

let dataDir = '';
const cores: AppCore[] = [];
afterEach(() => {
  for (const c of cores.splice(0)) c.close();
  rmSync(dataDir, { recursive: true, force: true });
});

function start(): (channel: string, input: unknown) => Promise<unknown> {
  let now = Date.parse('2026-11-21T14:00:00Z');
  const core = createAppCore({ dataDir, sealer: devPlaintextSealer, workstation: 'test-ws', now: () => new Date((now += 1000)) });
  cores.push(core);
  return async (channel, input) => {
    const r = await core.invoke(channel, input);
    if (!r.ok) throw new Error(`${channel} failed: ${JSON.stringify(r.error)}`);
    return r.value;
  };
}

/** What the insider does with the key: drop the guard, delete the newest entries, put the guard back. */
async function cutTail(count: number): Promise<void> {
  const u = await KeySlotStore.open(join(dataDir, 'keyslots.json'), devPlaintextSealer).unlock(LOGIN.username, LOGIN.password);
  if (!u.ok) throw new Error('unlock failed');
  const db = openEncryptedDatabase(join(dataDir, 'avrr.db'), u.dbKey);
  db.sqlite.exec('DROP TRIGGER audit_log_no_delete');
  db.sqlite.prepare('DELETE FROM audit_log WHERE seq > (SELECT max(seq) FROM audit_log) - ?').run(count);
  db.sqlite.exec(NO_DELETE);
  db.close();
}

function cli() {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'scripts/audit-verify.ts'), '--data-dir', dataDir, '--username', LOGIN.username], {
    cwd: root,
    env: { ...process.env, AVRR_PASSWORD: LOGIN.password },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: r.status, out: r.stdout };
}

describe('an insider cutting their own latest entries', () => {
  it.each([
    ['fewer entries written after the cut than were cut', 4],
    ['more entries written after the cut than were cut (seqs reused)', 1],
  ])('is caught by both verifiers after a kill and a normal sign-in / sign-out: %s', async (_label, cut) => {
    dataDir = mkdtempSync(join(tmpdir(), 'avrr-insider-'));
    const first = start();
    await first('auth.setup', SUPERVISOR);
    for (let i = 0; i < 4; i++) await first('user.list', {});
    // Killed here: no sign-out, no lock, no close. The anchor is whatever the writes left.
    await cutTail(cut);

    const second = start();
    await second('auth.signIn', LOGIN);
    for (let i = 0; i < 3 - cut; i++) await second('user.list', {});
    await second('auth.signOut', {});
    await second('auth.signIn', LOGIN);
    expect(await second('audit.verify', {})).toMatchObject({ ok: false });
    await second('auth.signOut', {});
    expect(cli()).toMatchObject({ code: 1 });
  }, 120_000);

  it('an untouched trail still verifies after a kill and a restart', async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'avrr-insider-'));
    const first = start();
    await first('auth.setup', SUPERVISOR);
    await first('user.list', {});
    const second = start();
    await second('auth.signIn', LOGIN);
    expect(await second('audit.verify', {})).toMatchObject({ ok: true });
  }, 60_000);
});
