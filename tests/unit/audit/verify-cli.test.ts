import { spawnSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deriveAuditKey } from '../../../electron/core/audit/chain';
import { appendAudit } from '../../../electron/core/audit/writer';
import { KeySlotStore } from '../../../electron/core/auth/key-slots';
import { openEncryptedDatabase } from '../../../electron/core/db/open';
import { devPlaintextSealer } from '../../../electron/core/keys/sealer';
import { sampleEntry } from './helpers';

const root = resolve(import.meta.dirname, '../../..');
const PASSWORD = 'verify the trail every morning';
let dataDir = '';

function run(args: string[], opts: { env?: Record<string, string>; input?: string } = {}) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'scripts/audit-verify.ts'), ...args], {
    cwd: root,
    env: { ...process.env, AVRR_PASSWORD: undefined, ...opts.env },
    input: opts.input ?? '',
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'avrr-cli-'));
  const dbKey = randomBytes(32);
  const store = KeySlotStore.open(join(dataDir, 'keyslots.json'), devPlaintextSealer);
  await store.createSlot(randomUUID(), 'auditor', PASSWORD, dbKey);
  const db = openEncryptedDatabase(join(dataDir, 'avrr.db'), dbKey);
  const auditKey = deriveAuditKey(dbKey);
  const tx = db.sqlite.transaction((n: number) => appendAudit(db.sqlite, auditKey, sampleEntry(n)));
  for (let i = 0; i < 12; i++) tx(i);
  db.close();
});

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('npm run audit:verify', () => {
  it('prints ok for an intact trail (password from AVRR_PASSWORD or piped on stdin)', () => {
    const viaEnv = run(['--data-dir', dataDir, '--username', 'auditor'], { env: { AVRR_PASSWORD: PASSWORD } });
    expect(viaEnv).toMatchObject({ code: 0, out: 'ok\n' });
    expect(viaEnv.err).toContain('12 entries verified');
    expect(run(['--data-dir', dataDir, '--username', 'Auditor'], { input: `${PASSWORD}\n` })).toMatchObject({ code: 0, out: 'ok\n' });
  });

  it('exits 2 on usage errors and 3 on a failed sign-in, printing no verdict', () => {
    expect(run(['--data-dir', dataDir]).code).toBe(2);
    expect(run(['--data-dir', dataDir, '--username', 'auditor', '--bogus']).code).toBe(2);
    expect(run(['--data-dir', dataDir, '--username', 'auditor', '--head', 'nope']).code).toBe(2);
    const wrong = run(['--data-dir', dataDir, '--username', 'auditor'], { env: { AVRR_PASSWORD: 'not the password, sorry' } });
    expect(wrong.code).toBe(3);
    expect(wrong.out).toBe('');
  });

  it('names the first bad entry and its kind, exit 1', () => {
    const r0 = run(['--data-dir', dataDir, '--username', 'auditor'], { env: { AVRR_PASSWORD: PASSWORD } });
    const head = /head (\d+:[0-9a-f]{64})/.exec(r0.err)?.[1];
    expect(head).toBeDefined();

    const store = KeySlotStore.open(join(dataDir, 'keyslots.json'), devPlaintextSealer);
    return store.unlock('auditor', PASSWORD).then((u) => {
      if (!u.ok) throw new Error('unlock failed');
      const db = openEncryptedDatabase(join(dataDir, 'avrr.db'), u.dbKey);
      db.sqlite.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;');
      db.sqlite.prepare('DELETE FROM audit_log WHERE seq = 12').run();
      db.close();
      // The cut-off last row is only visible against a head recorded earlier.
      expect(run(['--data-dir', dataDir, '--username', 'auditor'], { env: { AVRR_PASSWORD: PASSWORD } })).toMatchObject({ code: 0 });
      expect(run(['--data-dir', dataDir, '--username', 'auditor', '--head', head ?? ''], { env: { AVRR_PASSWORD: PASSWORD } })).toMatchObject({
        code: 1,
        out: 'bad entry: index=11 seq=12 kind=deleted\n',
      });
      // The head recorded by the app in the key-slot file is used when --head is not given.
      const [seq, mac] = (head ?? '').split(':');
      store.setAuditHead({ seq: Number(seq), mac: mac ?? '' });
      expect(run(['--data-dir', dataDir, '--username', 'auditor'], { env: { AVRR_PASSWORD: PASSWORD } })).toMatchObject({
        code: 1,
        out: 'bad entry: index=11 seq=12 kind=deleted\n',
      });
      store.setAuditHead(null);
      const db2 = openEncryptedDatabase(join(dataDir, 'avrr.db'), u.dbKey);
      db2.sqlite.prepare("UPDATE audit_log SET outcome = 'error' WHERE seq = 5").run();
      db2.close();
      expect(run(['--data-dir', dataDir, '--username', 'auditor'], { env: { AVRR_PASSWORD: PASSWORD } })).toMatchObject({
        code: 1,
        out: 'bad entry: index=4 seq=5 kind=edited\n',
      });
    });
  });
});
