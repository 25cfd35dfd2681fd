import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BackupStatus } from '../../../shared/schema/data-safety';
import { intakeWith, makeCore, withAccounts } from '../core/helpers';
import type { TestCore } from '../core/helpers';

async function waitForBackup(core: TestCore): Promise<BackupStatus> {
  for (let i = 0; i < 400; i++) {
    const s = await core.ok<BackupStatus>('backup.status', {});
    if (!s.running) return s;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('backup did not finish');
}

/** A small filesystem of its own (tmpfs) to fill up: needs root, as on this project's machines and CI. */
function mountSmallDisk(dir: string, bytes: number): boolean {
  return spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${bytes}`, 'tmpfs', dir]).status === 0;
}

const canMount = process.platform === 'linux' && process.getuid?.() === 0;

describe.runIf(canMount)('a backup onto a full disk', () => {
  it('fails as disk_full, leaves nothing behind and never replaces the last good backup', async () => {
    const t = makeCore();
    const disk = mkdtempSync(join(tmpdir(), 'avrr-full-disk-'));
    let mounted = false;
    try {
      await withAccounts(t);
      for (let i = 0; i < 20; i++) await t.ok('case.create', { intake: intakeWith({ nameAsWritten: `Person ${i}`, nameLatin: `Person ${i}`, dateOfBirth: '1980-01-01', nationality: 'MEX' }) });
      // Room for one backup and a half: the first fits, the second runs out of space half-way.
      const probe = mkdtempSync(join(tmpdir(), 'avrr-probe-'));
      await t.ok('backup.setSettings', { folder: probe, intervalHours: 24, generations: 5 });
      const probed = await waitForBackup(t);
      const size = statSync(join(probe, probed.last?.fileName ?? '')).size;
      rmSync(probe, { recursive: true, force: true });
      mounted = mountSmallDisk(disk, Math.ceil((size * 1.5) / 4096) * 4096);
      expect(mounted).toBe(true);

      t.clock.advanceMinutes(1);
      await t.ok('backup.setSettings', { folder: disk, intervalHours: 24, generations: 5 });
      await t.ok('backup.run', {}).catch(() => undefined);
      const good = await waitForBackup(t);
      expect(good.last).toMatchObject({ ok: true, folder: disk });
      const goodBytes = readFileSync(join(disk, good.last?.fileName ?? ''));

      t.clock.advanceMinutes(1);
      await t.ok('backup.run', {});
      const full = await waitForBackup(t);
      expect(full.last).toMatchObject({ ok: false, failure: 'backup.failure.disk_full' });
      expect(full.lastGood?.fileName).toBe(good.last?.fileName);
      expect(readdirSync(disk)).toEqual([good.last?.fileName]);
      expect(readFileSync(join(disk, good.last?.fileName ?? '')).equals(goodBytes)).toBe(true);
    } finally {
      t.dispose();
      if (mounted) spawnSync('umount', [disk]);
      rmSync(disk, { recursive: true, force: true });
    }
  }, 60_000);
});
