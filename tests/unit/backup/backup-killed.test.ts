import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BackupStatus } from '../../../shared/schema/data-safety';
import { SUPERVISOR_LOGIN, intakeWith, makeCore, withAccounts } from '../core/helpers';
import type { TestCore } from '../core/helpers';

const repoRoot = join(__dirname, '..', '..', '..');

async function waitForBackup(core: TestCore): Promise<BackupStatus> {
  for (let i = 0; i < 400; i++) {
    const s = await core.ok<BackupStatus>('backup.status', {});
    if (!s.running) return s;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('backup did not finish');
}

function killWhenStarted(dataDir: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'tests/unit/backup/backup-child.ts', dataDir, SUPERVISOR_LOGIN.username, SUPERVISOR_LOGIN.password], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      if (d.toString().includes('started')) child.kill('SIGKILL');
    });
    child.on('exit', (code, signal) => (signal === 'SIGKILL' ? resolve() : reject(new Error(`child ended ${code}: ${err}`))));
  });
}

describe('a backup cut short', () => {
  it('(process killed mid-backup) never replaces the last good backup and is reported as failed', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'avrr-backups-'));
    let t = makeCore();
    try {
      await withAccounts(t);
      for (let i = 0; i < 30; i++) await t.ok('case.create', { intake: intakeWith({ nameAsWritten: `Person ${i}`, nameLatin: `Person ${i}`, dateOfBirth: '1980-01-01', nationality: 'MEX' }) });
      await t.ok('backup.setSettings', { folder, intervalHours: 24, generations: 5 });
      const good = await waitForBackup(t);
      expect(good.last?.ok).toBe(true);
      const goodFile = join(folder, good.last?.fileName ?? '');
      const goodBytes = readFileSync(goodFile);
      await t.ok('auth.signOut', {});
      t.core.close();

      await killWhenStarted(t.dataDir);
      // Only the good backup carries a backup file's name; whatever the killed one left is hidden and partial.
      expect(readdirSync(folder).filter((f) => !f.startsWith('.'))).toEqual([good.last?.fileName]);
      expect(readFileSync(goodFile).equals(goodBytes)).toBe(true);

      t = makeCore({}, t.dataDir);
      await t.ok('auth.signIn', SUPERVISOR_LOGIN);
      const after = await t.ok<BackupStatus>('backup.status', {});
      expect(after.last).toMatchObject({ ok: false, failure: 'backup.failure.interrupted' });
      expect(after.lastGood?.fileName).toBe(good.last?.fileName);
      // The next backup clears what the killed one left, and the CLI restore of the good one still works.
      t.clock.advanceMinutes(1);
      await t.ok('backup.run', {});
      const next = await waitForBackup(t);
      expect(next.last?.ok).toBe(true);
      expect(readdirSync(folder).filter((f) => f.startsWith('.'))).toEqual([]);
    } finally {
      t.dispose();
      rmSync(folder, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('npm run backup / npm run restore', () => {
  it('back up and restore from the command line with clear exit codes', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'avrr-backups-'));
    const restoreRoot = mkdtempSync(join(tmpdir(), 'avrr-restore-'));
    const t = makeCore();
    try {
      await withAccounts(t);
      await t.ok('case.create', { intake: intakeWith({ nameAsWritten: 'Cli Person', nameLatin: 'Cli Person', dateOfBirth: '1980-01-01', nationality: 'MEX' }) });
      await t.ok('auth.signOut', {});
      const cli = (script: string, args: string[], password = SUPERVISOR_LOGIN.password) =>
        spawnSync(process.execPath, ['--import', 'tsx', `scripts/${script}.ts`, ...args], { cwd: repoRoot, encoding: 'utf8', env: { ...process.env, AVRR_PASSWORD: password } });

      const backup = cli('backup', ['--data-dir', t.dataDir, '--username', SUPERVISOR_LOGIN.username, '--to', folder]);
      expect(backup.status, backup.stderr).toBe(0);
      const file = backup.stdout.trim();
      expect(readdirSync(folder)).toHaveLength(1);
      expect(cli('backup', ['--data-dir', t.dataDir, '--username', SUPERVISOR_LOGIN.username, '--to', folder], 'a wrong password entirely').status).toBe(3);
      expect(cli('backup', ['--data-dir', t.dataDir]).status).toBe(2);

      const target = join(restoreRoot, 'data');
      const restore = cli('restore', ['--from', file, '--data-dir', target, '--username', SUPERVISOR_LOGIN.username]);
      expect(restore.status, restore.stderr).toBe(0);
      expect(restore.stdout).toContain('1 cases');
      expect(restore.stdout).toContain('integrity ok, audit chain ok, counts match');
      // Never over existing data.
      expect(cli('restore', ['--from', file, '--data-dir', target, '--username', SUPERVISOR_LOGIN.username]).status).toBe(3);
      expect(cli('restore', ['--from', join(t.dataDir, 'keyslots.json'), '--data-dir', join(restoreRoot, 'other'), '--username', SUPERVISOR_LOGIN.username]).status).toBe(3);
      // The restored folder is a working data folder.
      const restored = makeCore({}, target);
      try {
        await restored.ok('auth.signIn', SUPERVISOR_LOGIN);
        expect(await restored.ok('audit.verify', {})).toMatchObject({ ok: true });
      } finally {
        restored.core.close();
      }
    } finally {
      t.dispose();
      rmSync(folder, { recursive: true, force: true });
      rmSync(restoreRoot, { recursive: true, force: true });
    }
  }, 60_000);
});
