import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { BackupStatus, RestorePreview } from '../../../shared/schema/data-safety';
import { restoreBackup } from '../../../electron/core/backup/restore';
import { OWASP_MIN_KDF_PARAMS } from '../../../electron/core/auth/kdf';
import { KeySlotStore } from '../../../electron/core/auth/key-slots';
import { openEncryptedDatabase } from '../../../electron/core/db/open';
import { devPlaintextSealer } from '../../../electron/core/keys/sealer';
import { SUPERVISOR_LOGIN, intakeWith, makeCore, withAccounts } from '../core/helpers';
import type { TestCore } from '../core/helpers';
import { caseIn } from '../case/support';

const CANARY = 'Qxzvcanary Wrenfeldt';
const dirs: string[] = [];
let t: TestCore | null = null;
afterEach(() => {
  t?.dispose();
  t = null;
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
function tempDir(prefix: string): string {
  const d = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(d);
  return d;
}

async function waitForBackup(core: TestCore): Promise<BackupStatus> {
  for (let i = 0; i < 400; i++) {
    const s = await core.ok<BackupStatus>('backup.status', {});
    if (!s.running) return s;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('backup did not finish');
}

/** Every file under `dir` whose bytes contain `text` (UTF-8 or UTF-16). */
function filesContaining(dir: string, text: string): string[] {
  const needles = [Buffer.from(text, 'utf8'), Buffer.from(text, 'utf16le')];
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile() && needles.some((n) => readFileSync(p).includes(n))) out.push(p);
    }
  };
  walk(dir);
  return out;
}

/** Every row of every table, in a stable order, to compare two databases row by row. */
function allRows(file: string, key: Buffer): Record<string, unknown[]> {
  const open = openEncryptedDatabase(file, key, { readonly: true });
  try {
    const tables = open.sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all();
    const out: Record<string, unknown[]> = {};
    for (const row of tables) {
      const name = typeof row === 'object' && row !== null && 'name' in row ? String(row.name) : '';
      // Some tables have no rowid: a stable order from the rows' own content.
      const rows = open.sqlite.prepare(`SELECT * FROM "${name}"`).all();
      out[name] = rows.map((r) => JSON.stringify(r, (_k, v: unknown) => (Buffer.isBuffer(v) ? v.toString('base64') : v))).sort();
    }
    return out;
  } finally {
    open.close();
  }
}

describe('backups', () => {
  it('backs up (no plaintext in the folder or temp), verifies, and restores into a new folder equal row by row; the chain verifies and signatures stay valid', async () => {
    t = makeCore();
    await withAccounts(t);
    await t.ok('certificate.generateSelfSigned', {});
    const folder = tempDir('avrr-backups-');
    await t.ok('backup.setSettings', { folder, intervalHours: 24, generations: 3 });
    // Choosing the folder starts the first (scheduled) backup at once: none was made yet.
    expect((await waitForBackup(t)).last).toMatchObject({ ok: true, trigger: 'scheduled' });
    t.clock.advanceMinutes(1);
    await t.ok('case.create', { intake: intakeWith({ nameAsWritten: CANARY, nameLatin: CANARY, dateOfBirth: '1979-05-04', nationality: 'MEX' }) });
    // A referred case: a signed consent form and a signed referral packet in the register.
    await caseIn(t, 'referred');

    // The scan finds the name where it is in plaintext (so an empty answer below means something).
    const plain = tempDir('avrr-plain-');
    writeFileSync(join(plain, 'x.bin'), Buffer.concat([Buffer.alloc(100), Buffer.from(CANARY, 'utf8')]));
    expect(filesContaining(plain, CANARY)).toHaveLength(1);
    const tmpBefore = new Set(readdirSync(tmpdir()));
    // Files that appeared in the temp folder since (other tests' own folders aside) holding the name.
    const newTempFilesWithCanary = () =>
      readdirSync(tmpdir())
        .filter((n) => !tmpBefore.has(n) && !n.startsWith('avrr-'))
        .map((n) => join(tmpdir(), n))
        .filter((p) => statSync(p, { throwIfNoEntry: false })?.isFile() && [Buffer.from(CANARY), Buffer.from(CANARY, 'utf16le')].some((c) => readFileSync(p).includes(c)));
    const started = await t.ok<BackupStatus>('backup.run', {});
    // During: the copy is written (a hidden partial file), its checks and trailer still to come.
    expect(started.running).not.toBeNull();
    expect(readdirSync(folder).some((f) => f.startsWith('.avrr-partial-'))).toBe(true);
    expect(filesContaining(folder, CANARY)).toEqual([]);
    expect(newTempFilesWithCanary()).toEqual([]);
    const status = await waitForBackup(t);
    expect(status.last).toMatchObject({ ok: true, trigger: 'manual', verification: { integrity: true, auditChain: true, countsMatch: true } });
    expect(status.lastGood?.counts).toMatchObject({ cases: 2, documents: 2 });
    expect(status.overdue).toBe(false);
    const files = readdirSync(folder).filter((f) => f === status.last?.fileName);
    expect(readdirSync(folder)).toHaveLength(2);
    expect(files).toHaveLength(1);
    // Canary: the name is in no file of the backup folder, nor in anything the backup left in the temp folder.
    expect(filesContaining(folder, CANARY)).toEqual([]);
    expect(newTempFilesWithCanary()).toEqual([]);

    // Restore with the command-line path's function into a new folder, signing in as the supervisor.
    const target = join(tempDir('avrr-restore-'), 'data');
    const restored = await restoreBackup({ file: join(folder, files[0]!), targetDir: target, ...SUPERVISOR_LOGIN, sealer: devPlaintextSealer, keySlots: { kdfParams: OWASP_MIN_KDF_PARAMS } });
    expect(restored).toMatchObject({ ok: true, counts: status.lastGood?.counts, auditHead: status.lastGood?.auditHead });

    // A backup altered after it was written is refused, and nothing is left behind.
    const altered = join(tempDir('avrr-altered-'), 'altered.avrrbackup');
    const bytes = readFileSync(join(folder, files[0]!));
    bytes[5000] = (bytes[5000] ?? 0) ^ 0xff;
    writeFileSync(altered, bytes);
    const alteredTarget = join(tempDir('avrr-restore-'), 'data');
    await expect(restoreBackup({ file: altered, targetDir: alteredTarget, ...SUPERVISOR_LOGIN, sealer: devPlaintextSealer, keySlots: { kdfParams: OWASP_MIN_KDF_PARAMS } })).rejects.toMatchObject({ reason: 'altered' });
    expect(readdirSync(join(alteredTarget, '..'))).toEqual([]);

    // Row by row: the restored database equals the original as it was at the backup.
    const store = KeySlotStore.open(join(t.dataDir, 'keyslots.json'), devPlaintextSealer, { kdfParams: OWASP_MIN_KDF_PARAMS });
    const unlocked = await store.unlock(SUPERVISOR_LOGIN.username, SUPERVISOR_LOGIN.password);
    if (!unlocked.ok) throw new Error('supervisor should unlock');
    const original = allRows(join(t.dataDir, 'avrr.db'), unlocked.dbKey);
    const copy = allRows(join(target, 'avrr.db'), unlocked.dbKey);
    // The original has moved on since (the backup's own record and entries): compare what the backup held.
    const head = status.lastGood?.auditHead?.seq ?? 0;
    const seqOf = (r: unknown) => Number(/"seq":(\d+)/.exec(String(r))?.[1]);
    original.audit_log = original.audit_log?.filter((r) => seqOf(r) <= head) ?? [];
    original.settings = original.settings?.filter((r) => !String(r).includes('backup.')) ?? [];
    copy.settings = copy.settings?.filter((r) => !String(r).includes('backup.')) ?? [];
    expect(copy.cases?.length).toBe(2);
    expect(copy.documents?.length).toBe(original.documents?.length);
    expect(copy).toEqual(original);

    // The restored documents' signatures are still valid (poppler's pdfsig; it exits 0 either way).
    const restoredDb = openEncryptedDatabase(join(target, 'avrr.db'), unlocked.dbKey, { readonly: true });
    const pdfs = restoredDb.sqlite.prepare('SELECT pdf FROM documents').all();
    restoredDb.close();
    expect(pdfs).toHaveLength(2);
    for (const [i, row] of pdfs.entries()) {
      const file = join(target, `..`, `doc-${i}.pdf`);
      writeFileSync(file, typeof row === 'object' && row !== null && 'pdf' in row && Buffer.isBuffer(row.pdf) ? row.pdf : Buffer.alloc(0));
      expect(spawnSync('pdfsig', [file], { encoding: 'utf8' }).stdout).toContain('Signature is Valid.');
    }
  });

  it('restores from the app into a new folder, previews it, and switches to it keeping the old folder aside', async () => {
    t = makeCore();
    await withAccounts(t);
    const folder = tempDir('avrr-backups-');
    await t.ok('backup.setSettings', { folder, intervalHours: 24, generations: 3 });
    // Choosing the folder starts the first (scheduled) backup at once: none was made yet.
    expect((await waitForBackup(t)).last).toMatchObject({ ok: true, trigger: 'scheduled' });
    t.clock.advanceMinutes(1);
    await t.ok('case.create', { intake: intakeWith({ nameAsWritten: 'Before Backup', nameLatin: 'Before Backup', dateOfBirth: '1979-05-04', nationality: 'MEX' }) });
    await t.ok('backup.run', {});
    const status = await waitForBackup(t);
    await t.ok('case.create', { intake: intakeWith({ nameAsWritten: 'After Backup', nameLatin: 'After Backup', dateOfBirth: '1979-05-04', nationality: 'MEX' }) });

    const wrong = await t.call('restore.preview', { fileName: status.last?.fileName, password: 'not the password at all' });
    expect(wrong).toMatchObject({ ok: false, error: { messageKey: 'restore.errors.sign_in_failed' } });
    const stale = await t.ok<RestorePreview>('restore.preview', { fileName: status.last?.fileName, password: SUPERVISOR_LOGIN.password });
    // A preview the app was closed on is removed when it starts again (a copy of a backup that still exists).
    t.core.close();
    t = makeCore({}, t.dataDir);
    expect(existsSync(stale.restoredDir)).toBe(false);
    await t.ok('auth.signIn', SUPERVISOR_LOGIN);
    const preview = await t.ok<RestorePreview>('restore.preview', { fileName: status.last?.fileName, password: SUPERVISOR_LOGIN.password });
    expect(preview).toMatchObject({ ok: true, counts: { cases: 1 } });
    const switched = await t.ok<{ user: unknown }>('restore.switch', { restoreId: preview.restoreId });
    expect(switched.user).toBeNull();
    await t.ok('auth.signIn', SUPERVISOR_LOGIN);
    const page = await t.ok<{ total: number }>('case.list', {});
    expect(page.total).toBe(1);
    expect(await t.ok('audit.verify', {})).toMatchObject({ ok: true });
    // Regression: the backup that made the copy was "running" inside it, and read as interrupted after the switch.
    const restoredStatus = await t.ok<BackupStatus>('backup.status', {});
    expect(restoredStatus.history.filter((r) => r.failure === 'backup.failure.interrupted')).toEqual([]);
    const aside = readdirSync(join(t.dataDir, '..')).filter((n) => n.startsWith(`${t!.dataDir.split('/').pop()}.before-restore-`));
    expect(aside).toHaveLength(1);
    dirs.push(join(t.dataDir, '..', aside[0]!));
  });

  it('a backup whose folder cannot be written fails, is reported, and leaves the last good one in place', async () => {
    t = makeCore();
    await withAccounts(t);
    const folder = tempDir('avrr-backups-');
    await t.ok('backup.setSettings', { folder, intervalHours: 24, generations: 3 });
    // Choosing the folder starts the first (scheduled) backup at once: none was made yet.
    expect((await waitForBackup(t)).last).toMatchObject({ ok: true, trigger: 'scheduled' });
    t.clock.advanceMinutes(1);
    await t.ok('backup.run', {});
    const good = await waitForBackup(t);
    const goodFile = join(folder, good.last?.fileName ?? '');
    const goodBytes = readFileSync(goodFile);
    // A "folder" that is a file: nothing can be written there.
    const blocked = join(tempDir('avrr-blocked-'), 'not-a-folder');
    writeFileSync(blocked, 'x');
    await t.ok('backup.setSettings', { folder: blocked, intervalHours: 24, generations: 3 });
    t.clock.advanceMinutes(1);
    await t.ok('backup.run', {});
    const failed = await waitForBackup(t);
    expect(failed.last).toMatchObject({ ok: false, failure: 'backup.failure.folder_unavailable' });
    expect(failed.lastGood?.fileName).toBe(good.last?.fileName);
    expect(readFileSync(goodFile).equals(goodBytes)).toBe(true);
  });
});

